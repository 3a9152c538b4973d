"""What each kind of question needs on its page: the options, which are checked, and for a
municipality the two ways to find it without JavaScript (state then city, or by name)."""

from typing import Any

from django.http import HttpRequest

from rumbo.core.numbers import parse_int
from rumbo.core.selectors import place_search
from rumbo.plans.engine import Flow, country_choices, facts_from_answers
from rumbo.plans.models import Fact, Plan, Question
from rumbo.plans.selectors import place_cities_in, place_get, place_states

SEARCH_LIMIT = 15


def question_context(
    *,
    flow: Flow,
    plan: Plan,
    question: Question,
    request: HttpRequest,
    submitted: list[str] | None,
) -> dict[str, Any]:
    stored = plan.answers.get(question.slug)
    if submitted is not None:
        current = [str(value) for value in submitted]
    elif isinstance(stored, list):
        current = [str(value) for value in stored]
    else:
        current = [] if stored is None else [str(stored)]
    context: dict[str, Any] = {"current": current, "value": current[0] if current else ""}
    context["input_type"] = "checkbox" if question.kind == Question.Kind.MULTIPLE else "radio"
    if question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        context["options"] = [
            (choice.value, choice.label, choice.value in current)
            for choice in flow.choices_of(question)
        ]
    elif question.kind == Question.Kind.COUNTRY:
        context["options"] = [
            (country.code, country.name, country.code in current)
            for country in country_choices(question=question, answers=plan.answers, flow=flow)
        ]
    elif question.kind == Question.Kind.PLACE:
        context.update(_place_context(flow=flow, plan=plan, request=request, current=current))
    return context


def _place_context(
    *, flow: Flow, plan: Plan, request: HttpRequest, current: list[str]
) -> dict[str, Any]:
    country = facts_from_answers(flow=flow, answers=plan.answers).get(Fact.COUNTRY) or ""
    chosen_id = parse_int(current[0], minimum=1) if current else None
    chosen = place_get(place_id=chosen_id) if chosen_id is not None else None
    states = place_states(country_code=country) if country else []
    state_id = parse_int(request.GET.get("state"), minimum=1)
    state = next((s for s in states if s.pk == state_id), None)
    if state is None and chosen is not None and not request.GET.get("q"):
        state = next((s for s in states if s.pk == chosen.parent_id), None)
    query = request.GET.get("q", "").strip()[:100]
    results = []
    if query and country:
        results = [
            place
            for place in place_search(query=query, country_code=country, limit=SEARCH_LIMIT)
            if place.kind == "city"
        ]
    return {
        "states": states,
        "state": state,
        "cities": place_cities_in(state_id=state.pk, country_code=country) if state else [],
        "query": query,
        "results": results,
        "searched": bool(query),
        "chosen": chosen,
    }
