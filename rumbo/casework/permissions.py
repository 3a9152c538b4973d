"""Who may see what, as queryset filters built from the acting user (Kolibri style).

Selectors apply these filters, so a view cannot forget them. Only advisors and coordinators
see personal data, and only for the points they belong to; country managers and the
regional administrator see aggregates; the auditor sees the audit log and nothing else.
"""

from dataclasses import dataclass
from typing import TypeAlias

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from rumbo.casework.models import StaffRole

Role = StaffRole.Role
# Who acts: the request's user (staff pages check the roles; anonymous users hold none).
Actor: TypeAlias = AbstractBaseUser | AnonymousUser
NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class StaffScope:
    point_ids: frozenset[int] = frozenset()
    coordinator_point_ids: frozenset[int] = frozenset()
    country_ids: frozenset[int] = frozenset()
    administrator: bool = False
    auditor: bool = False

    @property
    def is_staff_member(self) -> bool:
        return bool(self.point_ids or self.country_ids or self.administrator or self.auditor)

    @property
    def sees_reports(self) -> bool:
        return bool(self.point_ids or self.country_ids or self.administrator)


def staff_scope(user) -> StaffScope:
    """The user's roles, read once per request (cached on the user object)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return StaffScope()
    cached = getattr(user, "_rumbo_staff_scope", None)
    if cached is not None:
        return cached
    roles = list(
        StaffRole.objects.filter(user=user).values_list("role", "info_point_id", "country_id")
    )
    scope = StaffScope(
        point_ids=frozenset(point for role, point, _c in roles if role in StaffRole.POINT_ROLES),
        coordinator_point_ids=frozenset(
            point for role, point, _c in roles if role == Role.COORDINATOR
        ),
        country_ids=frozenset(
            country for role, _p, country in roles if role == Role.COUNTRY_MANAGER
        ),
        administrator=any(role == Role.ADMINISTRATOR for role, _p, _c in roles),
        auditor=any(role == Role.AUDITOR for role, _p, _c in roles),
    )
    user._rumbo_staff_scope = scope
    return scope


def appointment_readable_by_user_filter(user: Actor) -> Q:
    points = staff_scope(user).point_ids
    return Q(info_point_id__in=points) if points else NOTHING


def consultation_readable_by_user_filter(user: Actor) -> Q:
    points = staff_scope(user).point_ids
    return Q(info_point_id__in=points) if points else NOTHING


def consultation_manageable_by_user_filter(user: Actor) -> Q:
    """Export and erasure on a person's request: coordinators of the record's point."""
    points = staff_scope(user).coordinator_point_ids
    return Q(info_point_id__in=points) if points else NOTHING


def referral_readable_by_user_filter(user: Actor) -> Q:
    points = staff_scope(user).point_ids
    return Q(from_point_id__in=points) | Q(to_point_id__in=points) if points else NOTHING


def referral_status_updatable_by_user_filter(user: Actor) -> Q:
    """The receiving point updates the status; for a partner organisation, which has no
    accounts here, the sending point records what the partner reports."""
    points = staff_scope(user).point_ids
    if not points:
        return NOTHING
    return Q(to_point_id__in=points) | Q(to_point__isnull=True, from_point_id__in=points)


def report_point_filter(user: Actor) -> Q:
    """Information points whose aggregate figures the user may see."""
    scope = staff_scope(user)
    if scope.administrator:
        return Q()
    condition = NOTHING
    if scope.point_ids:
        condition |= Q(pk__in=scope.point_ids)
    if scope.country_ids:
        condition |= Q(place__country_id__in=scope.country_ids)
    return condition


def user_can_read_audit_log(user: Actor) -> bool:
    return staff_scope(user).auditor
