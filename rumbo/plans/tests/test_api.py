import datetime

import pytest
from django.utils import timezone

from rumbo.plans.models import Plan
from rumbo.plans.tests.conftest import answers_for

pytestmark = pytest.mark.django_db


def test_questionnaire_is_published_as_data(client, flow):
    data = client.get("/api/plans/questionnaire").json()
    questions = {question["slug"]: question for question in data["questions"]}
    assert list(questions)[:3] == ["country", "place", "age"]
    assert questions["age"]["min_value"] == 10
    assert questions["destination"]["show_when"] == [
        {
            "question": "goal",
            "operator": "in",
            "values": ["study-abroad", "work-abroad", "migrate"],
        }
    ]
    work = next(c for c in questions["goal"]["choices"] if c["value"] == "work")
    assert work["sets"] == {"purpose": "work"}


def test_questionnaire_follows_the_language(client, flow):
    data = client.get("/api/plans/questionnaire", headers={"accept-language": "ar"}).json()
    assert data["questions"][0]["text"] == "في أي بلد تعيش؟"


def test_create_read_and_delete_a_plan(client, flow, san_pedro_sula, work_content):
    response = client.post(
        "/api/plans/", {"answers": answers_for(san_pedro_sula)}, content_type="application/json"
    )
    assert response.status_code == 201
    created = response.json()
    code = created["code"]
    assert created["url"].endswith(f"/plan/{code}/")
    assert {p["title"] for p in created["pathways"] if p["fits"]} == {
        "Trabajo fronterizo",
        "Visa de trabajo",
    }
    passport = next(item for item in created["checklist"] if item["document"] == "passport")
    assert passport["office"] == "Oficina San Pedro Sula"
    read = client.get(f"/api/plans/{code}").json()
    assert read["code"] == code
    assert client.delete(f"/api/plans/{code}").status_code == 204
    assert client.get(f"/api/plans/{code}").status_code == 404


def test_seventeen_year_old_gets_unmet_conditions(client, flow, san_pedro_sula, work_content):
    response = client.post(
        "/api/plans/",
        {"answers": answers_for(san_pedro_sula, age=17)},
        content_type="application/json",
    )
    adult = next(p for p in response.json()["pathways"] if p["slug"] == "test-work-permit")
    assert adult["fits"] is False
    assert adult["unmet_conditions"] == ["Desde los 18 años"]


def test_invalid_answers_are_named_field_by_field(client, flow, san_pedro_sula):
    answers = answers_for(san_pedro_sula, age=150, goal="fly", colour="red")
    response = client.post("/api/plans/", {"answers": answers}, content_type="application/json")
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["detail"]}
    assert fields == {"answers.age", "answers.goal", "answers.colour"}
    assert Plan.objects.count() == 0


def test_missing_answers_body_is_a_validation_error(client, flow):
    response = client.post("/api/plans/", {"nothing": 1}, content_type="application/json")
    assert response.status_code == 422


def test_expired_plan_is_gone(client, flow, san_pedro_sula):
    code = client.post(
        "/api/plans/", {"answers": answers_for(san_pedro_sula)}, content_type="application/json"
    ).json()["code"]
    Plan.objects.filter(code=code).update(expires_at=timezone.now() - datetime.timedelta(days=1))
    assert client.get(f"/api/plans/{code}").status_code == 410


def test_api_plan_creation_is_rate_limited(client, flow, san_pedro_sula, settings, clear_cache):
    settings.RUMBO_PLAN_CREATE_RATE = "1/h"
    body = {"answers": answers_for(san_pedro_sula)}
    assert client.post("/api/plans/", body, content_type="application/json").status_code == 201
    response = client.post("/api/plans/", body, content_type="application/json")
    assert response.status_code == 429
    assert "demasiados planes" in response.json()["detail"]


def test_a_plan_to_work_here_lists_local_opportunities_and_ways_abroad(
    client, flow, san_pedro_sula, work_content
):
    answers = {"country": "HN", "place": san_pedro_sula.pk, "age": 24, "goal": ["work"]}
    response = client.post("/api/plans/", {"answers": answers}, content_type="application/json")
    created = response.json()
    assert {item["kind"] for item in created["opportunities"]} == {"work"}
    assert "test-border-worker" in created["abroad"]
