"""Who may see a survey project: its members (researchers and viewers) and superusers.

Survey microdata are pseudonymous answers, but still sensitive, so Django staff do not see
every project: membership is per project. Every page using a project is a power and needs
the second factor (rumbo.accounts.decorators.powers_required).
"""

from typing import Any

from django.db.models import Q

from rumbo.research.models import ProjectMembership


def projects_readable_filter(*, user: Any) -> Q:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    return Q(memberships__user=user)


def projects_editable_filter(*, user: Any) -> Q:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    return Q(memberships__user=user, memberships__role=ProjectMembership.Role.RESEARCHER)
