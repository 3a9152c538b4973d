"""Numbers in answers and addresses: digits of any script work, anything else gets a
message (400 on the pages, 422 JSON from the API), never a server error."""

import pytest
from django.urls import reverse

from rumbo.plans.models import Plan
from rumbo.plans.services import plan_start
from rumbo.plans.tests.conftest import answers_for

pytestmark = pytest.mark.django_db

HOSTILE_NUMBERS = ["²", "½", "9" * 400, "-1", "0", "1.5"]


def to_arabic_indic(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def question_url(plan, slug):
    return reverse("plans:question", kwargs={"code": plan.code, "slug": slug})


@pytest.fixture
def plan(flow):
    return plan_start(flow=flow)


@pytest.fixture
def plan_at_place(plan):
    plan.answers = {"country": "HN"}
    plan.save()
    return plan


@pytest.fixture
def plan_at_age(plan, san_pedro_sula):
    plan.answers = {"country": "HN", "place": san_pedro_sula.pk}
    plan.save()
    return plan


@pytest.mark.parametrize("value", HOSTILE_NUMBERS)
def test_malformed_place_answer_gets_a_message_and_changes_nothing(client, plan_at_place, value):
    response = client.post(question_url(plan_at_place, "place"), {"answer": value})
    assert response.status_code == 400
    assert "municipio" in response.content.decode()
    plan_at_place.refresh_from_db()
    assert plan_at_place.answers == {"country": "HN"}


def test_place_answer_in_arabic_indic_digits_is_accepted(client, plan_at_place, san_pedro_sula):
    response = client.post(
        question_url(plan_at_place, "place"), {"answer": to_arabic_indic(san_pedro_sula.pk)}
    )
    assert response.status_code == 302
    plan_at_place.refresh_from_db()
    assert plan_at_place.answers["place"] == san_pedro_sula.pk


@pytest.mark.parametrize("value", HOSTILE_NUMBERS)
def test_malformed_state_in_the_address_shows_the_question(client, plan_at_place, value):
    response = client.get(question_url(plan_at_place, "place"), {"state": value})
    assert response.status_code == 200


def test_state_in_arabic_indic_digits_lists_its_municipalities(
    client, plan_at_place, san_pedro_sula
):
    html = client.get(
        question_url(plan_at_place, "place"), {"state": to_arabic_indic(san_pedro_sula.parent_id)}
    ).content.decode()
    assert f'<option value="{san_pedro_sula.pk}">San Pedro Sula</option>' in html


def test_stored_place_that_is_not_a_number_still_shows_the_question(client, plan_at_place):
    plan_at_place.answers = {"country": "HN", "place": "²"}
    plan_at_place.save()
    assert client.get(question_url(plan_at_place, "place")).status_code == 200


def test_age_typed_in_arabic_indic_digits_is_accepted(client, plan_at_age):
    response = client.post(question_url(plan_at_age, "age"), {"answer": "١٧"})
    assert response.status_code == 302
    plan_at_age.refresh_from_db()
    assert plan_at_age.answers["age"] == 17


@pytest.mark.parametrize("value", HOSTILE_NUMBERS)
def test_malformed_age_gets_a_message_and_changes_nothing(client, plan_at_age, value):
    response = client.post(question_url(plan_at_age, "age"), {"answer": value})
    assert response.status_code == 400
    plan_at_age.refresh_from_db()
    assert "age" not in plan_at_age.answers


@pytest.mark.parametrize("value", HOSTILE_NUMBERS)
def test_api_answers_a_malformed_place_with_json_422(client, flow, san_pedro_sula, value):
    response = client.post(
        "/api/plans/",
        {"answers": answers_for(san_pedro_sula) | {"place": value}},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["detail"]] == ["answers.place"]
    assert Plan.objects.count() == 0


@pytest.mark.parametrize("value", HOSTILE_NUMBERS)
def test_api_answers_a_malformed_age_with_json_422(client, flow, san_pedro_sula, value):
    response = client.post(
        "/api/plans/",
        {"answers": answers_for(san_pedro_sula, age=value)},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["detail"]] == ["answers.age"]


def test_api_accepts_an_age_and_place_in_arabic_indic_digits(client, flow, san_pedro_sula):
    answers = answers_for(san_pedro_sula) | {
        "age": "٢٤",
        "place": to_arabic_indic(san_pedro_sula.pk),
    }
    response = client.post("/api/plans/", {"answers": answers}, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["answers"]["age"] == 24
    assert response.json()["answers"]["place"] == san_pedro_sula.pk


def test_number_question_is_a_text_input_so_browsers_take_arabic_indic_digits(client, plan_at_age):
    # Browsers refuse to type "١٧" into <input type="number">; the server reads any digits.
    html = client.get(question_url(plan_at_age, "age")).content.decode()
    assert 'type="text" inputmode="numeric"' in html
    assert 'type="number"' not in html
