import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rumbo.plans.models import Plan
from rumbo.plans.services import plan_create_from_answers, plan_start
from rumbo.plans.tests.conftest import answers_for

pytestmark = pytest.mark.django_db


def question_url(plan, slug):
    return reverse("plans:question", kwargs={"code": plan.code, "slug": slug})


def answer(client, plan, slug, *values, follow=False):
    return client.post(question_url(plan, slug), {"answer": list(values)}, follow=follow)


@pytest.fixture
def plan(flow):
    return plan_start(flow=flow)


def test_landing_offers_start_and_open_by_code(client, flow):
    html = client.get(reverse("plans:landing")).content.decode()
    assert reverse("plans:start") in html
    assert 'name="code"' in html


def test_start_makes_an_anonymous_plan_and_asks_the_first_question(client, flow):
    response = client.post(reverse("plans:start"))
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == question_url(plan, "country")
    assert len(plan.code) >= 22
    assert plan.answers == {}


def test_start_refuses_get(client, flow):
    assert client.get(reverse("plans:start")).status_code == 405


def test_whole_journey_ends_on_the_plan(client, plan, san_pedro_sula):
    steps = [
        ("country", ["HN"], "place"),
        ("place", [str(san_pedro_sula.pk)], "age"),
        ("age", ["24"], "goal"),
        ("goal", ["migrate"], "destination"),
        ("destination", ["MX"], "purpose"),
        ("purpose", ["work"], "situation"),
        ("situation", ["job-offer"], "documents"),
    ]
    for slug, values, following in steps:
        response = answer(client, plan, slug, *values)
        assert response.status_code == 302, slug
        assert response["Location"] == question_url(plan, following)
    response = answer(client, plan, "documents", "passport")
    assert response["Location"] == plan.get_absolute_url()
    plan.refresh_from_db()
    assert plan.completed_at is not None
    assert plan.answers["documents"] == ["passport"]
    assert client.get(plan.get_absolute_url()).status_code == 200


def test_progress_says_which_question_of_how_many(client, plan, san_pedro_sula):
    plan.answers = {"country": "HN", "place": san_pedro_sula.pk, "age": 30, "goal": "migrate"}
    plan.save()
    html = client.get(question_url(plan, "destination")).content.decode()
    assert "Pregunta 5 de 8" in html
    assert '<progress max="8" value="5"' in html


def test_back_button_links_to_the_previous_question(client, plan, san_pedro_sula):
    plan.answers = {"country": "HN", "place": san_pedro_sula.pk, "age": 30, "goal": "study"}
    plan.save()
    html = client.get(question_url(plan, "documents")).content.decode()
    assert f'href="{question_url(plan, "goal")}"' in html


def test_going_back_shows_the_earlier_answer(client, plan):
    plan.answers = {"country": "HN", "age": 30}
    plan.save()
    html = client.get(question_url(plan, "country")).content.decode()
    assert 'value="HN" checked' in html


def test_first_question_has_no_back_button(client, plan):
    html = client.get(question_url(plan, "country")).content.decode()
    assert "Atrás" not in html


def test_tampered_step_gets_a_message_and_the_right_question(client, plan):
    response = client.get(question_url(plan, "documents"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "no forma parte de tu cuestionario" in html
    assert "¿En qué país vives?" in html


def test_answering_a_tampered_step_changes_nothing(client, plan):
    response = answer(client, plan, "destination", "MX")
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.answers == {}


def test_unknown_question_slug_is_a_tampered_step(client, plan):
    assert client.get(question_url(plan, "no-such-question")).status_code == 400


def test_invalid_choice_gets_a_message_on_the_same_page(client, plan):
    plan.answers = {"country": "HN", "place": 1, "age": 30}
    plan.save()
    response = answer(client, plan, "goal", "fly")
    assert response.status_code == 400
    assert "no es una de las opciones" in response.content.decode()


def test_impossible_age_gets_a_message_and_keeps_the_input(client, plan, san_pedro_sula):
    plan.answers = {"country": "HN", "place": san_pedro_sula.pk}
    plan.save()
    response = answer(client, plan, "age", "7")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Escribe un número entero del 10 al 99" in html
    assert 'value="7"' in html
    assert 'aria-invalid="true"' in html
    plan.refresh_from_db()
    assert "age" not in plan.answers


def test_unknown_code_gets_a_clear_message(client, flow):
    for url in (
        reverse("plans:plan", kwargs={"code": "A" * 22}),
        reverse("plans:question", kwargs={"code": "A" * 22, "slug": "age"}),
        reverse("plans:plan", kwargs={"code": "x"}),
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert "Ningún plan tiene este código" in response.content.decode()


def test_expired_plan_is_refused(client, flow, san_pedro_sula):
    plan = plan_create_from_answers(flow=flow, answers=answers_for(san_pedro_sula))
    Plan.objects.filter(pk=plan.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = client.get(plan.get_absolute_url())
    assert response.status_code == 410
    assert "ha caducado" in response.content.decode()
    assert client.get(reverse("plans:pdf", kwargs={"code": plan.code})).status_code == 410


def test_plan_expires_after_the_configured_days(flow, settings):
    settings.RUMBO_PLAN_MAX_AGE_DAYS = 7
    plan = plan_start(flow=flow)
    assert (plan.expires_at - plan.created_at).days in (6, 7)


def test_unfinished_plan_opens_on_its_next_question(client, plan):
    plan.answers = {"country": "HN"}
    plan.save()
    response = client.get(plan.get_absolute_url())
    assert response["Location"] == question_url(plan, "place")


def test_open_by_code_redirects_to_the_plan(client, flow, san_pedro_sula):
    plan = plan_create_from_answers(flow=flow, answers=answers_for(san_pedro_sula))
    response = client.get(reverse("plans:open"), {"code": f"  {plan.code} "})
    assert response["Location"] == plan.get_absolute_url()
    pasted_link = "https://example.org" + plan.get_absolute_url()
    assert (
        client.get(reverse("plans:open"), {"code": pasted_link})["Location"]
        == plan.get_absolute_url()
    )


def test_open_with_a_wrong_code_shows_the_message_on_the_landing_page(client, flow):
    response = client.get(reverse("plans:open"), {"code": "nope-nope-nope"})
    html = response.content.decode()
    assert response.status_code == 404
    assert "Ningún plan tiene este código" in html
    assert 'aria-invalid="true"' in html


def test_open_without_a_code_asks_for_one(client, flow):
    assert client.get(reverse("plans:open"), {"code": " "}).status_code == 400


def test_place_question_lists_municipalities_of_the_chosen_state(client, plan, san_pedro_sula):
    plan.answers = {"country": "HN"}
    plan.save()
    html = client.get(
        question_url(plan, "place"), {"state": san_pedro_sula.parent_id}
    ).content.decode()
    assert f'<option value="{san_pedro_sula.pk}">San Pedro Sula</option>' in html


def test_place_question_finds_a_typed_name_without_accents(client, plan, san_pedro_sula):
    plan.answers = {"country": "HN"}
    plan.save()
    html = client.get(question_url(plan, "place"), {"q": "SAN PEDRO sula"}).content.decode()
    assert f'value="{san_pedro_sula.pk}"' in html
    assert "San Pedro Sula, Cortés" in html


def test_place_search_stays_in_the_country(client, plan):
    plan.answers = {"country": "NI"}
    plan.save()
    html = client.get(question_url(plan, "place"), {"q": "San Pedro Sula"}).content.decode()
    assert "San Pedro Sula" not in html.split("</form>")[-1] or "Ningún municipio" in html


def test_delete_asks_for_confirmation_then_deletes(client, flow, san_pedro_sula):
    plan = plan_create_from_answers(flow=flow, answers=answers_for(san_pedro_sula))
    url = reverse("plans:delete", kwargs={"code": plan.code})
    assert "Sí, borrar mi plan" in client.get(url).content.decode()
    assert Plan.objects.filter(pk=plan.pk).exists()
    response = client.post(url, follow=True)
    assert not Plan.objects.filter(pk=plan.pk).exists()
    assert "Tu plan fue borrado" in response.content.decode()
    assert client.get(plan.get_absolute_url()).status_code == 404


def test_delete_needs_the_csrf_token(flow, san_pedro_sula):
    plan = plan_create_from_answers(flow=flow, answers=answers_for(san_pedro_sula))
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("plans:delete", kwargs={"code": plan.code}))
    assert response.status_code == 403
    assert Plan.objects.filter(pk=plan.pk).exists()


def test_question_answers_need_no_csrf_token(flow, plan):
    # ADR 0005: the code in the address is the plan's only authority, so question pages
    # carry no token and set no cookie.
    client = Client(enforce_csrf_checks=True)
    page = client.get(question_url(plan, "country"))
    assert "csrfmiddlewaretoken" not in page.content.decode()
    assert not page.cookies
    assert answer(client, plan, "country", "HN").status_code == 302
    plan.refresh_from_db()
    assert plan.answers == {"country": "HN"}


def test_plan_pages_are_not_cached_or_indexed(client, flow, san_pedro_sula):
    plan = plan_create_from_answers(flow=flow, answers=answers_for(san_pedro_sula))
    response = client.get(plan.get_absolute_url())
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_plan_creation_is_rate_limited_per_client(client, flow, settings, clear_cache):
    settings.RUMBO_PLAN_CREATE_RATE = "2/h"
    assert client.post(reverse("plans:start")).status_code == 302
    assert client.post(reverse("plans:start")).status_code == 302
    response = client.post(reverse("plans:start"))
    assert response.status_code == 429
    assert "Demasiados planes" in response.content.decode()
    assert Plan.objects.count() == 2
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post(reverse("plans:start")).status_code == 302


def test_no_address_is_stored_with_a_plan(client, flow):
    client.post(reverse("plans:start"), REMOTE_ADDR="10.1.2.3")
    plan = Plan.objects.get()
    stored = " ".join(
        str(value) for value in Plan.objects.filter(pk=plan.pk).values().get().values()
    )
    assert "10.1.2.3" not in stored


def test_changing_an_answer_that_opens_new_questions_asks_them_before_the_plan(
    client, flow, san_pedro_sula
):
    plan = plan_create_from_answers(flow=flow, answers=answers_for(san_pedro_sula, goal="study"))
    assert client.get(plan.get_absolute_url()).status_code == 200
    response = answer(client, plan, "goal", "migrate")
    assert response["Location"] == question_url(plan, "destination")
    assert client.get(plan.get_absolute_url())["Location"] == question_url(plan, "destination")


def test_progress_does_not_grow_before_the_branch_is_chosen(client, plan):
    plan.answers = {"country": "HN"}
    plan.save()
    assert "Pregunta 2 de 8" in client.get(question_url(plan, "place")).content.decode()


def test_the_page_shown_at_a_tampered_address_answers_the_right_question(client, plan):
    html = client.get(question_url(plan, "documents")).content.decode()
    assert f'action="{question_url(plan, "country")}"' in html
    response = answer(client, plan, "country", "HN")
    assert response["Location"] == question_url(plan, "place")


def test_a_questionnaire_emptied_in_the_admin_gets_a_message(client, plan):
    from rumbo.plans.engine import flow_cache_clear

    plan.questionnaire.questions.all().delete()
    flow_cache_clear()
    response = client.get(question_url(plan, "country"))
    assert response.status_code == 503
    assert "no está disponible" in response.content.decode()
