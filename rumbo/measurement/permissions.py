"""Who sees campaign measurement: the regional officer sees every campaign, a campaign
manager their own. Every one of these is a power, so pages also need the second factor
(`powers_required`).

Campaign roles belong to the campaigns app (issue 13); they are looked up by name so that
this module works whether or not that app defines them yet. Django staff (`is_staff`) count
as regional officers: they can already read every aggregate in the admin.
"""

from typing import Any

from django.apps import apps
from django.db.models import QuerySet

from rumbo.campaigns.models import Campaign

REGIONAL_ROLES = ("officer",)
CAMPAIGN_ROLES = ("manager", "editor")


def _role_model():
    try:
        return apps.get_model("campaigns", "CampaignRole")
    except LookupError:
        return None


def campaigns_measured_by(*, user: Any) -> QuerySet[Campaign]:
    """The campaigns whose measurement `user` may see."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Campaign.objects.none()
    if user.is_staff or user.is_superuser:
        return Campaign.objects.all()
    role_model = _role_model()
    if role_model is None:
        return Campaign.objects.none()
    roles = role_model.objects.filter(user=user)
    if roles.filter(role__in=REGIONAL_ROLES).exists():
        return Campaign.objects.all()
    return Campaign.objects.filter(
        pk__in=roles.filter(role__in=CAMPAIGN_ROLES).values("campaign_id")
    )


def user_sees_region(*, user: Any) -> bool:
    """May see the regional site's figures and the five campaigns side by side."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser:
        return True
    role_model = _role_model()
    return bool(
        role_model and role_model.objects.filter(user=user, role__in=REGIONAL_ROLES).exists()
    )
