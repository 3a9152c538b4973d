"""The questionnaire as data, and plans by code: create from all answers, read, delete."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from rumbo.guides.models import Pathway
from rumbo.plans.engine import Flow, flow_load
from rumbo.plans.models import Question
from rumbo.plans.selectors import PlanSummary, PlanUnavailable, plan_get, plan_summary
from rumbo.plans.services import plan_create_from_answers, plan_delete
from rumbo.plans.views import plan_create_limited, plan_unavailable_status

router = Router(tags=["plans"])


class ChoiceOut(Schema):
    value: str
    label: str
    sets: dict[str, Any]


class ConditionOut(Schema):
    question: str
    operator: str
    values: list[str]


class QuestionOut(Schema):
    slug: str
    order: int
    kind: str
    text: str
    help_text: str
    required: bool
    fact: str
    countries: str
    min_value: int | None
    max_value: int | None
    choices: list[ChoiceOut]
    show_when: list[ConditionOut]


class QuestionnaireOut(Schema):
    slug: str
    title: str
    introduction: str
    questions: list[QuestionOut]


class PlanIn(Schema):
    answers: dict[str, Any]


class PathwayOut(Schema):
    slug: str
    title: str
    fits: bool
    unmet_conditions: list[str]
    to_check: list[str]
    steps: list[str]


class ChecklistOut(Schema):
    document: str
    name: str
    institution: str | None
    office: str | None
    address: str | None
    place: str | None
    distance_km: float | None
    cost: str | None
    what_to_bring: str | None


class OpportunityOut(Schema):
    slug: str
    title: str
    kind: str
    distance_km: float | None


class PlanOut(Schema):
    code: str
    url: str
    expires_at: str
    answers: dict[str, Any]
    pathways: list[PathwayOut]
    checklist: list[ChecklistOut]
    documents_held: list[str]
    articles: list[str]
    # The local road: opportunities that fit, nearest first.
    opportunities: list[OpportunityOut]
    # Regular pathways abroad that fit, when no destination was named (slugs).
    abroad: list[str]


class Message(Schema):
    detail: Any


def _question_out(flow: Flow, question: Question) -> dict[str, Any]:
    return {
        "slug": question.slug,
        "order": question.order,
        "kind": question.kind,
        "text": question.text,
        "help_text": question.help_text,
        "required": question.required,
        "fact": question.fact,
        "countries": question.country_role,
        "min_value": question.min_value,
        "max_value": question.max_value,
        "choices": [
            {"value": c.value, "label": c.label, "sets": c.sets} for c in flow.choices_of(question)
        ],
        "show_when": [
            {"question": c.depends_on.slug, "operator": c.operator, "values": c.value_list}
            for c in flow.conditions_of(question)
        ],
    }


def _plan_out(request: HttpRequest, summary: PlanSummary) -> dict[str, Any]:
    plan = summary.plan
    no_messages: list[str] = []
    pathways: list[tuple[Pathway, list[str], list[str]]] = [
        (pathway, no_messages, to_check)
        for pathway, to_check in summary.fitting + summary.other_fitting
    ] + [(pathway, unmet, no_messages) for pathway, unmet in summary.unfit]
    checklist = []
    for item in summary.checklist:
        nearest = item.nearest
        office = nearest.office if nearest else None
        checklist.append(
            {
                "document": item.document.slug,
                "name": item.document.name,
                "institution": str(nearest.issuance.institution) if nearest else None,
                "office": office.name if office else None,
                "address": office.address if office else None,
                "place": str(office.place) if office else None,
                "distance_km": nearest.distance_km if nearest else None,
                "cost": nearest.issuance.cost if nearest else None,
                "what_to_bring": nearest.issuance.what_to_bring if nearest else None,
            }
        )
    return {
        "code": plan.code,
        "url": request.build_absolute_uri(plan.get_absolute_url()),
        "expires_at": plan.expires_at.isoformat(),
        "answers": plan.answers,
        "pathways": [
            {
                "slug": pathway.slug,
                "title": pathway.title,
                "fits": not unmet,
                "unmet_conditions": unmet,
                "to_check": to_check,
                "steps": [step.title for step in pathway.steps.all()],
            }
            for pathway, unmet, to_check in pathways
        ],
        "checklist": checklist,
        "documents_held": sorted(summary.facts.documents_held),
        "articles": [article.slug for article in summary.articles],
        "opportunities": [
            {
                "slug": fit.opportunity.slug,
                "title": fit.opportunity.title,
                "kind": fit.opportunity.kind,
                "distance_km": fit.distance_km,
            }
            for fit in summary.opportunities
        ],
        "abroad": [pathway.slug for pathway in summary.abroad],
    }


@router.get("/questionnaire", response={200: QuestionnaireOut, 503: Message})
def questionnaire_read(request: HttpRequest):
    flow = flow_load()
    if flow is None:
        return Status(503, {"detail": _("The questionnaire is not available at the moment.")})
    return {
        "slug": flow.questionnaire.slug,
        "title": flow.questionnaire.title,
        "introduction": flow.questionnaire.introduction,
        "questions": [_question_out(flow, question) for question in flow.questions],
    }


@router.post("/", response={201: PlanOut, 422: Message, 429: Message, 503: Message})
def plan_create(request: HttpRequest, payload: PlanIn):
    flow = flow_load()
    if flow is None:
        return Status(503, {"detail": _("The questionnaire is not available at the moment.")})
    if plan_create_limited(request):
        return Status(
            429,
            {
                "detail": _(
                    "Too many plans were started from your connection in a short time. Please wait an hour and try again, or open a plan you already have by its code."
                )
            },
        )
    try:
        plan = plan_create_from_answers(flow=flow, answers=payload.answers)
    except ValidationError as error:
        return Status(
            422,
            {
                "detail": [
                    {"field": f"answers.{field}", "message": " ".join(messages)}
                    for field, messages in error.message_dict.items()
                ]
            },
        )
    return Status(201, _plan_out(request, plan_summary(flow=flow, plan=plan)))


@router.get("/{code}", response={200: PlanOut, 404: Message, 410: Message})
def plan_read(request: HttpRequest, code: str):
    try:
        plan = plan_get(code=code)
    except PlanUnavailable as error:
        return Status(plan_unavailable_status(error), {"detail": error.message})
    flow = flow_load(questionnaire_id=plan.questionnaire_id)
    assert flow is not None  # noqa: S101 - a plan's questionnaire exists (cascade)
    return _plan_out(request, plan_summary(flow=flow, plan=plan))


@router.delete("/{code}", response={204: None, 404: Message, 410: Message})
def plan_remove(request: HttpRequest, code: str):
    try:
        plan = plan_get(code=code)
    except PlanUnavailable as error:
        return Status(plan_unavailable_status(error), {"detail": error.message})
    plan_delete(plan=plan)
    return Status(204, None)
