"""Writes on plans. A plan holds only questionnaire answers under a random code: no account,
name or network address, so none of these writes is personal data to audit."""

import datetime
import secrets
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rumbo.plans.engine import (
    AnswerError,
    Flow,
    answer_clean,
    answers_pruned,
    condition_holds,
    question_next,
)
from rumbo.plans.models import Plan, Question

# 16 bytes of randomness (22 URL-safe characters): not guessable, short enough to copy.
CODE_BYTES = 16


def plan_code_new() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


def plan_expiry(*, now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) + datetime.timedelta(days=settings.RUMBO_PLAN_MAX_AGE_DAYS)


@transaction.atomic
def plan_start(*, flow: Flow) -> Plan:
    plan = Plan(code=plan_code_new(), questionnaire=flow.questionnaire, expires_at=plan_expiry())
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def plan_answer(
    *, flow: Flow, plan: Plan, question: Question, values: list[str]
) -> Question | None:
    """Records one answer (AnswerError if invalid) and returns the next question, or None
    when the questionnaire is complete (the plan is then marked complete)."""
    answer = answer_clean(flow=flow, question=question, values=values, answers=plan.answers)
    answers = dict(plan.answers)
    answers[question.slug] = answer
    plan.answers = answers_pruned(flow=flow, answers=answers)
    following = question_next(flow=flow, answers=plan.answers, after=question)
    if following is None and plan.completed_at is None:
        plan.completed_at = timezone.now()
    plan.save(update_fields=["answers", "completed_at"])
    return following


@transaction.atomic
def plan_create_from_answers(*, flow: Flow, answers: Mapping[str, Any]) -> Plan:
    """A complete plan from all answers at once (the API). Every question on the path must be
    answered validly; errors are raised together as a ValidationError keyed by question."""
    accepted: dict[str, Any] = {}
    errors: dict[str, str] = {}
    unknown = sorted(set(answers) - set(flow.by_slug))
    for slug in unknown:
        errors[slug] = _("This is not a question of the questionnaire.")
    for question in flow.questions:
        # The path is followed with the answers accepted so far, as the pages do.
        if not all(
            condition_holds(condition=condition, answers=accepted)
            for condition in flow.conditions_of(question)
        ):
            continue
        raw = answers.get(question.slug)
        values = (
            [str(item) for item in raw]
            if isinstance(raw, list)
            else ([] if raw is None else [str(raw)])
        )
        try:
            accepted[question.slug] = answer_clean(
                flow=flow, question=question, values=values, answers=accepted
            )
        except AnswerError as error:
            errors[question.slug] = error.message
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    plan = Plan(
        code=plan_code_new(),
        questionnaire=flow.questionnaire,
        answers=answers_pruned(flow=flow, answers=accepted),
        completed_at=now,
        expires_at=plan_expiry(now=now),
    )
    plan.save()
    return plan


@transaction.atomic
def plan_delete(*, plan: Plan) -> None:
    plan.delete()


@transaction.atomic
def plan_purge_expired(*, now: datetime.datetime | None = None) -> int:
    deleted, _by_model = Plan.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
