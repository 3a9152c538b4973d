"""Who may read a course's reports: staff, and the experts who facilitate the course."""

from typing import Any

from django.db.models import Q


def course_manageable_filter(*, user: Any) -> Q:
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.is_staff:
        return Q()
    return Q(facilitators__user=user)


def user_can_manage_courses(*, user: Any) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return bool(user.is_staff or hasattr(user, "facilitator"))
