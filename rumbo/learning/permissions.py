"""Who may read a course's reports: staff, and the experts who facilitate the course,
once their session has passed the second factor (rumbo.accounts.permissions)."""

from typing import Any

from django.db.models import Q

from rumbo.accounts.permissions import user_powers_usable


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
