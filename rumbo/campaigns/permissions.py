"""Who may edit and publish a campaign's site: its managers and editors, and the regional
communications officers (every campaign). Each of these roles is a power, so it needs the
second factor (rumbo.accounts.permissions counts `campaign_roles` among the powers)."""

from typing import Any

from django.conf import settings
from django.db.models import Q

from rumbo.campaigns.models import Campaign, CampaignRole


def campaign_editable_filter(*, user: Any) -> Q:
    """A filter on Campaign: the campaigns `user` may edit (none for an anonymous visitor)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    if (
        user.is_superuser
        or CampaignRole.objects.filter(user=user, role=CampaignRole.Role.OFFICER).exists()
    ):
        return Q()
    return Q(
        roles__user=user, roles__role__in=[CampaignRole.Role.MANAGER, CampaignRole.Role.EDITOR]
    )


def campaign_may_edit(*, user: Any, campaign: Campaign) -> bool:
    return Campaign.objects.filter(campaign_editable_filter(user=user), pk=campaign.pk).exists()


def campaign_may_publish(*, user: Any, campaign: Campaign) -> bool:
    """Managers and officers publish; an editor too unless the instance requires approval
    (RUMBO_CAMPAIGN_APPROVAL_REQUIRED), when an editor may only save drafts and preview."""
    if not campaign_may_edit(user=user, campaign=campaign):
        return False
    if user.is_superuser or not settings.RUMBO_CAMPAIGN_APPROVAL_REQUIRED:
        return True
    return CampaignRole.objects.filter(
        Q(role=CampaignRole.Role.OFFICER) | Q(role=CampaignRole.Role.MANAGER, campaign=campaign),
        user=user,
    ).exists()


def campaign_may_publish_regional(*, user: Any) -> bool:
    """Regional news and press releases: regional communications officers only."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(
        user.is_superuser
        or CampaignRole.objects.filter(user=user, role=CampaignRole.Role.OFFICER).exists()
    )
