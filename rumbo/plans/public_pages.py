"""The questionnaire and plan pages held to the page budget. Each function makes a plan from
the demo questionnaire (a person in San Pedro Sula who wants to work in Mexico) and returns
the address of one of its pages."""

from django.db.models import Count
from django.urls import reverse

from rumbo.core.models import Place
from rumbo.plans.engine import flow_load
from rumbo.plans.models import Plan
from rumbo.plans.services import plan_create_from_answers, plan_start

DEMO_ANSWERS = {
    "country": "HN",
    "age": 24,
    "goal": "migrate",
    "destination": "MX",
    "purpose": "work",
    "situation": ["job-offer"],
    "documents": ["national-id"],
}


def demo_plan(**changes) -> Plan:
    flow = flow_load()
    assert flow is not None  # noqa: S101 - the demo questionnaire is loaded
    place = Place.objects.get(country__code="HN", kind="city", name="San Pedro Sula")
    answers = DEMO_ANSWERS | {"place": place.pk} | changes
    return plan_create_from_answers(flow=flow, answers=answers)


def _question(slug: str, query: str = "") -> str:
    flow = flow_load()
    assert flow is not None  # noqa: S101
    plan = plan_start(flow=flow)
    # Answer what comes before `slug` so that the page is reachable.
    answers = demo_plan().answers
    slugs = list(flow.by_slug)
    plan.answers = {key: answers[key] for key in slugs[: slugs.index(slug)] if key in answers}
    plan.save(update_fields=["answers"])
    return reverse("plans:question", kwargs={"code": plan.code, "slug": slug}) + query


def _place_in_largest_state() -> str:
    # The Mexican state with the most municipalities makes the longest page of this question.
    flow = flow_load()
    assert flow is not None  # noqa: S101
    plan = plan_start(flow=flow)
    plan.answers = {"country": "MX"}
    plan.save(update_fields=["answers"])
    state = (
        Place.objects.filter(kind="state", country__code="MX")
        .annotate(cities=Count("children"))
        .order_by("-cities")
        .first()
    )
    url = reverse("plans:question", kwargs={"code": plan.code, "slug": "place"})
    return f"{url}?state={state.pk}" if state else url


PAGES = {
    "landing": lambda: reverse("plans:landing"),
    "question": lambda: _question("country"),
    "question-place": lambda: _question("place", "?q=san"),
    "question-place-state": _place_in_largest_state,
    "question-age": lambda: _question("age"),
    "question-destination": lambda: _question("destination"),
    "question-documents": lambda: _question("documents"),
    "plan": lambda: demo_plan().get_absolute_url(),
    # Every goal at once: the local opportunities and the pathways to Mexico...
    "plan-every-goal": lambda: demo_plan(
        goal=["study", "work", "business", "work-abroad", "migrate"]
    ).get_absolute_url(),
    # ...or, with no destination, the regular ways abroad that fit.
    "plan-here": lambda: demo_plan(goal=["study", "work", "business"]).get_absolute_url(),
    "delete": lambda: reverse("plans:delete", kwargs={"code": demo_plan().code}),
}
EXCLUDED = {
    "start": "a POST target that creates a plan and redirects to its first question",
    "open": "redirects to the plan whose code was typed (or shows the landing page)",
    "pdf": "a PDF download, not an HTML page (size tested in rumbo/plans/tests)",
}
