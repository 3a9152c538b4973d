"""Who may read a course's reports: staff, and the experts who facilitate the course,
once their session has passed the second factor (rumbo.accounts.permissions); and whose
completed trainings a staff member of an information point may read."""

from typing import Any

from django.db.models import Q

from rumbo.accounts.permissions import user_powers_usable
from rumbo.casework.models import StaffRole
from rumbo.casework.permissions import staff_scope


def course_manageable_filter(*, user: Any) -> Q:
    if not user_powers_usable(user=user):
        return Q(pk__in=[])
    if user.is_staff:
        return Q()
    return Q(facilitators__user=user)


def user_can_manage_courses(*, user: Any) -> bool:
    if not user_powers_usable(user=user):
        return False
    return bool(user.is_staff or hasattr(user, "facilitator"))


def staff_training_readable_filter(*, user: Any) -> Q:
    """Whose trainings a staff member may read, as a filter on accounts: their own (advisors
    and coordinators of a point), and those of everyone who works at a point they coordinate.
    Only once the session passed the second factor."""
    if not user_powers_usable(user=user):
        return Q(pk__in=[])
    scope = staff_scope(user)
    if not scope.point_ids:
        return Q(pk__in=[])
    own = Q(pk=user.pk)
    if not scope.coordinator_point_ids:
        return own
    return own | Q(
        staff_roles__info_point_id__in=scope.coordinator_point_ids,
        staff_roles__role__in=StaffRole.POINT_ROLES,
    )
