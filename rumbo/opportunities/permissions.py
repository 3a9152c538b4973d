"""Who may edit which opportunities, and who moderates.

A partner account (PartnerMembership) proposes changes to the opportunities its
organisations provide; Django staff with the change permission approve or reject them. Both
are powers: nothing here holds unless the session passed the second factor
(rumbo.accounts.permissions.user_powers_usable).
"""

from typing import Any

from django.db.models import Q

from rumbo.accounts.permissions import user_powers_usable
from rumbo.opportunities.models import PartnerMembership

MODERATOR_PERMISSION = "opportunities.change_opportunity"


def partner_organisation_ids(*, user: Any) -> list[int]:
    if not user_powers_usable(user=user):
        return []
    return list(
        PartnerMembership.objects.filter(user=user).values_list("organisation_id", flat=True)
    )


def opportunity_editable_filter(*, user: Any) -> Q:
    """The opportunities `user` may propose changes to: those its organisations provide."""
    return Q(provider_id__in=partner_organisation_ids(user=user))


def user_is_partner(*, user: Any) -> bool:
    return bool(partner_organisation_ids(user=user))


def user_can_moderate(*, user: Any) -> bool:
    return user_powers_usable(user=user) and user.has_perm(MODERATOR_PERMISSION)
