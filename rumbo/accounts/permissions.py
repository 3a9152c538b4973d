"""Who holds a power, and whether it may be used now.

A power is anything beyond a learner's own account: a casework staff role, Django's
`is_staff` (the admin, course import, background jobs), or facilitating a course. Every
power needs the second factor (django-otp's `is_verified()`), whichever login opened the
session, so a password alone never reaches a page that uses one.
"""

from typing import Any

from django.db.models import Q

from rumbo.accounts.models import User

# The reverse relations that grant a power, by the name their apps give them: casework's
# StaffRole (related_name="staff_roles"), learning's Facilitator (related_name
# "facilitator") and opportunities' PartnerMembership (related_name "partner_memberships":
# a partner organisation's account edits public records). Named here rather than imported
# so that accounts depends on no app.
POWER_RELATIONS = (
    Q(staff_roles__isnull=False)
    | Q(facilitator__isnull=False)
    | Q(partner_memberships__isnull=False)
    # campaigns' CampaignRole: campaign managers, editors, regional communications officers.
    | Q(campaign_roles__isnull=False)
    # research's ProjectMembership: researchers and viewers of a survey project.
    | Q(research_memberships__isnull=False)
)


def user_holds_powers(*, user: Any) -> bool:
    """Staff, superuser, a casework staff role, a facilitator, a partner account, a campaign
    role or a research membership (read once per request)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_staff or user.is_superuser:
        return True
    cached = getattr(user, "_rumbo_holds_powers", None)
    if cached is None:
        cached = User.objects.filter(POWER_RELATIONS, pk=user.pk).exists()
        user._rumbo_holds_powers = cached
    return cached


def user_powers_usable(*, user: Any) -> bool:
    """The user holds a power and this session passed the second factor."""
    if not user_holds_powers(user=user):
        return False
    # OTPMiddleware gives every request's user is_verified(); a user without it (a shell,
    # a request built by hand) has not passed a second factor.
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())
