"""The test the issue asks for: a visitor who comes through a tracked link of the Honduran
campaign, makes a plan and asks for an appointment is in that campaign's funnel the next day,
and nowhere as a person."""

import datetime

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from rumbo.casework.factories import InfoPointFactory
from rumbo.core.factories import PlaceFactory, country
from rumbo.measurement import selectors
from rumbo.measurement.factories import TrackedLinkFactory, campaign
from rumbo.measurement.models import DailyCount
from rumbo.measurement.tasks import counts_flush_periodic
from rumbo.plans.engine import flow_cache_clear
from rumbo.plans.models import Plan, Question, Questionnaire

pytestmark = pytest.mark.django_db

HOST = "ponele-plan-a-tu-vida.campaign.test"
ADDRESS = "203.0.113.77"
AGENT = "Mozilla/5.0 (Linux; Android 14; SM-A146M) Mobile Safari/537.36 UniqueAgent/4242"
REFERER = "https://m.facebook.com/story.php?story_fbid=998877665544&id=112233"
ANSWERS = {
    "country": ["HN"],
    "age": ["19"],
    "goal": ["stay"],
    "destination": ["MX"],
    "purpose": ["work"],
    "situation": ["job-offer"],
    "documents": ["national-id"],
}


def table_rows() -> dict[str, set[tuple]]:
    rows = {}
    for model in apps.get_models():
        if not model._meta.managed or model._meta.proxy:
            continue
        names = [field.attname for field in model._meta.concrete_fields]
        rows[model._meta.label] = {
            tuple(text_of(value) for value in row)
            for row in model._default_manager.values_list(*names)
        }
    return rows


def text_of(value) -> str:
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("latin-1")
    return str(value)


def test_visitor_through_a_tracked_link_is_in_the_funnel_and_nowhere_as_a_person(
    client, campaign_sites, clock, settings, django_capture_on_commit_callbacks
):
    settings.RUMBO_PLAN_CREATE_RATE = "1000/m"
    honduras = campaign("ponele-plan-a-tu-vida", "HN")
    link = TrackedLinkFactory(
        code="hn-poster-terminal", campaign=honduras, target=reverse("plans:landing")
    )
    Questionnaire.objects.update(is_active=False)  # the session's demo questionnaire
    questionnaire = Questionnaire.objects.create(slug="journey", title="Plan", is_active=True)
    Question.objects.create(
        questionnaire=questionnaire,
        slug="age",
        kind="number",
        text="Age?",
        fact="age",
        min_value=10,
        max_value=99,
    )
    flow_cache_clear()
    point = InfoPointFactory(place=PlaceFactory(country=country("HN"), parent=None))
    day = clock.day
    before = table_rows()
    headers = {"HTTP_HOST": HOST, "REMOTE_ADDR": ADDRESS, "HTTP_USER_AGENT": AGENT}

    with django_capture_on_commit_callbacks(execute=True):
        # The poster's QR code: counted as a click, then redirected to the plan's landing page.
        response = client.get(f"/go/{link.code}", HTTP_REFERER=REFERER, **headers)
        assert response.status_code == 302
        assert response["Location"] == reverse("plans:landing")
        landing = client.get(response["Location"], HTTP_REFERER=REFERER, **headers)
        assert landing.status_code == 200
        internal = {**headers, "HTTP_REFERER": f"http://{HOST}{reverse('plans:landing')}"}
        response = client.post(reverse("plans:start"), **internal)
        plan = Plan.objects.order_by("-created_at").first()
        assert plan is not None
        for _step in range(20):
            location = response["Location"]
            if location == plan.get_absolute_url():
                break
            slug = location.rstrip("/").split("/")[-1]
            values = ANSWERS.get(slug)
            response = client.post(location, {"answer": values}, **internal)
            assert response.status_code == 302, (slug, response.content[:500])
        plan.refresh_from_db()
        assert plan.completed_at is not None
        assert client.get(plan.get_absolute_url(), **internal).status_code == 200
        response = client.post(
            reverse("casework:appointment_request", args=[point.slug]),
            {
                "alias": "Rosa Visitante",
                "contact_channel": "whatsapp",
                "contact": "+504 9999 1234",
                "preferred_date": (datetime.date.today() + datetime.timedelta(days=3)).isoformat(),  # noqa: DTZ011
                "preferred_slot": "morning",
                "topic": "documents",
            },
            **internal,
        )
        assert response.status_code == 200
        reference = point.appointment_requests.order_by("-pk").first().reference

    # Nothing is written while the day runs: counts wait in memory...
    funnel = DailyCount.objects.filter(site=link.campaign.slug, day=day, is_demo=False)
    assert not funnel.exists()
    # ...and the next day the worker's flush has put the visit in the campaign's funnel.
    clock.day = day + datetime.timedelta(days=1)
    counts_flush_periodic.call_local()
    counted = {(str(row.metric), row.key): row.count for row in funnel}
    assert counted[("click", "hn-poster-terminal")] == 1
    assert counted[("visit", "facebook.com")] == 1
    assert counted[("funnel", "started")] == 1
    assert counted[("funnel", "plans")] == 1
    assert counted[("funnel", "appointments")] == 1
    assert counted[("device", "mobile")] == 2  # the landing page and the plan
    assert {row.country for row in funnel} == {"HN"}
    # The dashboard of the campaign shows it (as "<5": one person must not be singled out).
    with translation.override("en"):
        board = selectors.dashboard(
            user=_staff(), site=link.campaign.slug, date_from=day, date_to=day
        )
    plans_row = next(row for row in board.funnel.rows if row.label == "Plans created")
    assert plans_row.count is None

    # Nowhere as a person: no table written during the visit holds the address, the user
    # agent, the referring address, a cookie, or the plan's code outside the plan itself.
    after = table_rows()
    written = {label: after[label] - before.get(label, set()) for label in after}
    cookies = [morsel.value for morsel in client.cookies.values()]
    secrets = [ADDRESS, "UniqueAgent", "998877665544", "story.php", *cookies]
    for label, rows in written.items():
        text = " ".join(text_of(value) for row in rows for value in row)
        for secret in secrets:
            assert secret not in text, (label, secret)
        if label.startswith("measurement."):
            for identifier in (plan.code, reference, "Rosa", "9999 1234"):
                assert identifier not in text, (label, identifier)
    assert cookies == []
    assert not written["sessions.Session"]
    measurement = {label for label, rows in written.items() if rows and "measurement" in label}
    assert measurement == {"measurement.DailyCount", "measurement.MonthlyCount"}


def _staff():
    from rumbo.accounts.factories import UserFactory

    return UserFactory(is_staff=True)
