import pytest
from django.urls import reverse

from rumbo.plans.qr import qr_svg
from rumbo.plans.services import plan_create_from_answers
from rumbo.plans.tests.conftest import answers_for

pytestmark = pytest.mark.django_db
PDF_BUDGET = 60_000


@pytest.fixture
def plan(flow, san_pedro_sula, work_content):
    return plan_create_from_answers(flow=flow, answers=answers_for(san_pedro_sula))


@pytest.mark.parametrize("language", ["es", "en", "fr", "ar"])
def test_pdf_is_a_small_pdf_in_every_language(client, plan, language, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse("plans:pdf", kwargs={"code": plan.code}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert len(response.content) < PDF_BUDGET, len(response.content)


def test_arabic_pdf_embeds_the_vendored_font_with_arabic_glyphs(client, plan, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    pdf = client.get(reverse("plans:pdf", kwargs={"code": plan.code})).content
    # The subset font is named after DejaVu; Helvetica, which has no Arabic, is not used.
    assert b"DejaVuSans" in pdf
    assert b"Helvetica" not in pdf


def test_pdf_of_an_unknown_code_is_refused(client, flow):
    response = client.get(reverse("plans:pdf", kwargs={"code": "Z" * 22}))
    assert response.status_code == 404


def test_qr_code_is_inline_svg_with_a_label(client, plan):
    html = client.get(plan.get_absolute_url()).content.decode()
    assert '<svg role="img" aria-label="Código QR que abre este plan"' in html
    assert "<script>" not in html


def test_qr_code_encodes_the_link():
    first, second = qr_svg("https://example.org/plan/aaa/"), qr_svg("https://example.org/plan/bbb/")
    assert first.startswith("<svg")
    assert first != second


def test_plan_page_shows_code_and_link_for_sharing(client, plan):
    html = client.get(plan.get_absolute_url()).content.decode()
    assert plan.code in html
    assert f"http://testserver/plan/{plan.code}/" in html


def test_print_stylesheet_hides_navigation_and_buttons():
    from django.contrib.staticfiles import finders

    path = finders.find("plans/plans.css")
    assert isinstance(path, str)
    css = open(path, encoding="utf-8").read()
    assert "@media print" in css
    print_rules = css.split("@media print", 1)[1]
    assert ".actions" in print_rules
    assert ".site-header" in print_rules
