"""A 19-year-old in Chinandega finds a free vocational course nearby, without JavaScript."""

import pytest
from django.conf import settings

from rumbo.opportunities.public_pages import PAGES

pytestmark = pytest.mark.browser


@pytest.fixture
def page_without_javascript(browser, live_demo):
    context = browser.new_context(
        base_url=live_demo.url,
        viewport={"width": 360, "height": 740},
        locale="es-MX",
        java_script_enabled=False,
    )
    yield context.new_page()
    context.close()


def find_free_course_in_chinandega(page) -> None:
    page.goto("/opportunities/")
    page.select_option("#id_kind", "learning")
    page.select_option("#id_country", "NI")
    page.click("button[type=submit]")
    page.select_option("#id_state", label="Chinandega")
    page.click("button[type=submit]")
    page.select_option("#id_place", label="Chinandega")
    page.fill("#id_age", "19")
    page.check("#id_free")
    page.click("button[type=submit]")


def test_a_nineteen_year_old_in_chinandega_finds_a_free_course_nearby_in_spanish(
    page_without_javascript,
):
    page = page_without_javascript
    find_free_course_in_chinandega(page)
    first = page.locator("ol.cards li").first
    assert first.locator("h3").inner_text() == "Curso técnico de electricidad residencial"
    assert "En tu municipio" in first.inner_text()
    first.locator("h3 a").click()
    assert page.locator("h2", has_text="Cómo solicitar").count() == 1


def test_the_same_search_works_in_english(page_without_javascript, live_demo):
    page = page_without_javascript
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_demo.url}]
    )
    find_free_course_in_chinandega(page)
    first = page.locator("ol.cards li").first
    assert first.locator("h3").inner_text() == "Vocational course: residential electrics"
    assert "In your municipality" in first.inner_text()


@pytest.mark.parametrize("language", ["es", "ar"])
def test_the_opportunity_pages_pass_axe(page, live_demo, axe_check, language):
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_demo.url}]
    )
    for url in PAGES.values():
        assert page.goto(url()).status == 200
        axe_check(page)
