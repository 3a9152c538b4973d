"""The plan journeys of issue 3 in a real browser, with axe-core on every page."""

import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.browser

WORK_PERMIT = {
    "es": "México: residencia temporal con permiso para trabajar (oferta de empleo)",
    "ar": "المكسيك: إقامة مؤقتة مع تصريح عمل (عرض عمل)",
}
FROM_18 = {"es": "Solo a partir de 18 años de edad", "ar": "فقط من سن 18 عامًا"}
PASSPORT_OFFICE = "Oficina de pasaportes del INM en San Pedro Sula"


def next_button(page):
    return page.locator("main form[method=post] button[type=submit]").last


def answer_questionnaire(
    page, axe_check, *, age: int, situation: list[str], goals: tuple[str, ...] = ("migrate",)
) -> None:
    """From the landing page to the plan, by values, so it works in every language. Goals
    that do not lead abroad skip the migration questions."""
    page.goto("/plan/")
    axe_check(page)
    page.locator("main form[method=post] button").click()
    assert re.search(r"/q/country/$", page.url)
    axe_check(page)
    page.check('input[value="HN"]')
    next_button(page).click()
    # Municipality: the state first, then its municipalities (no JavaScript needed).
    axe_check(page)
    page.select_option("#state", label="Cortés")
    page.locator("form:has(#state) button").click()
    page.select_option("#city", label="San Pedro Sula")
    axe_check(page)
    page.locator("form:has(#city) button[type=submit]").click()
    axe_check(page)
    page.fill("#answer", str(age))
    next_button(page).click()
    abroad = (
        [("destination", ["MX"]), ("purpose", ["work"]), ("situation", situation)]
        if "migrate" in goals
        else []
    )
    for slug, values in [("goal", list(goals)), *abroad, ("documents", [])]:
        assert page.url.endswith(f"/q/{slug}/"), page.url
        axe_check(page)
        for value in values:
            page.check(f'input[value="{value}"]')
        next_button(page).click()
    assert re.search(r"/plan/[\w-]{22}/$", page.url), page.url


def plan_code(page) -> str:
    return page.locator("code.code").inner_text()


def test_adult_in_san_pedro_sula_gets_work_pathways_prints_reopens_and_deletes(
    page, axe_check, screenshot
):
    answer_questionnaire(page, axe_check, age=24, situation=["job-offer"])
    axe_check(page)
    fitting = page.locator("section[aria-labelledby=fit]")
    assert WORK_PERMIT["es"] in fitting.inner_text()
    checklist = page.locator("section[aria-labelledby=docs]")
    passport = checklist.locator("li", has_text="Pasaporte")
    assert PASSPORT_OFFICE in passport.inner_text()
    assert "San Pedro Sula" in passport.inner_text()
    assert page.locator("figure.qr svg").is_visible()
    screenshot(page, "plan-es")

    # Printing: the print stylesheet hides the menu and the buttons, keeps the plan and QR.
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".keep .actions").is_visible()
    assert page.locator("figure.qr svg").is_visible()
    assert PASSPORT_OFFICE in page.locator("section[aria-labelledby=docs]").inner_text()
    pdf_bytes = page.pdf()  # Chromium's own print of the page, as "Save as PDF" would do
    assert pdf_bytes.startswith(b"%PDF")
    page.emulate_media(media="screen")

    # Opening it again by its code, from the landing page.
    code = plan_code(page)
    plan_url = page.url
    page.goto("/plan/")
    page.fill("#code", code)
    page.locator("form:has(#code) button").click()
    assert page.url == plan_url
    assert WORK_PERMIT["es"] in page.locator("section[aria-labelledby=fit]").inner_text()

    # Deleting it: a confirmation page, then nothing is left.
    page.get_by_role("link", name="Borrar mi plan").click()
    axe_check(page)
    page.get_by_role("button", name="Sí, borrar mi plan").click()
    assert "Tu plan fue borrado" in page.locator("main").inner_text()
    axe_check(page)
    response = page.goto(plan_url)
    assert response.status == 404
    assert "Ningún plan tiene este código" in page.locator("main").inner_text()


def test_adult_who_wants_to_work_here_sees_local_jobs_and_regular_ways_abroad(
    page, axe_check, screenshot
):
    answer_questionnaire(page, axe_check, age=24, situation=[], goals=("work",))
    axe_check(page)
    here = page.locator("section[aria-labelledby=here]")
    assert here.locator("li").count() >= 1
    assert page.locator("section[aria-labelledby=abroad] a").count() >= 1
    assert page.locator("section[aria-labelledby=docs]").count() == 0
    screenshot(page, "plan-work-here-es")


def test_seventeen_year_old_sees_the_unmet_age_condition_and_what_fits(page, axe_check, screenshot):
    answer_questionnaire(page, axe_check, age=17, situation=["job-offer", "family"])
    axe_check(page)
    assert WORK_PERMIT["es"] not in page.locator("section[aria-labelledby=fit]").inner_text()
    unfit = page.locator("section[aria-labelledby=unfit]")
    assert WORK_PERMIT["es"] in unfit.inner_text()
    assert FROM_18["es"] in unfit.inner_text()
    other = page.locator("section[aria-labelledby=other]")
    assert "México: residencia por unidad familiar" in other.inner_text()
    screenshot(page, "plan-17-es")


def test_the_journey_in_arabic_is_right_to_left(page, live_demo, axe_check, screenshot):
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ar", "url": live_demo.url}]
    )
    answer_questionnaire(page, axe_check, age=17, situation=["job-offer"])
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    axe_check(page)
    assert FROM_18["ar"] in page.locator("section[aria-labelledby=unfit]").inner_text()
    heading = page.locator("h1").bounding_box()
    width = page.viewport_size["width"]
    assert heading["x"] + heading["width"] > width * 0.75  # starts at the right edge
    screenshot(page, "plan-ar")


def test_every_plans_page_passes_axe_in_spanish_and_arabic(page, live_demo, axe_check):
    from rumbo.plans.public_pages import PAGES

    for language in ("es", "ar"):
        page.context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_demo.url}]
        )
        for name, url in PAGES.items():
            response = page.goto(url())
            assert response.status == 200, name
            assert page.locator("html").get_attribute("lang") == language
            axe_check(page)


def test_the_questionnaire_works_without_javascript(browser, live_demo):
    context = browser.new_context(base_url=live_demo.url, java_script_enabled=False, locale="es-MX")
    page = context.new_page()
    try:
        page.goto("/plan/")
        page.locator("main form[method=post] button").click()
        page.check('input[value="GT"]')
        next_button(page).click()
        # The municipality typed, found ignoring accents and case, then chosen.
        page.fill("#q", "quetzaltenango")
        page.locator("form:has(#q) button").click()
        page.locator("main form[method=post] button[type=submit]").last.click()
        page.fill("#answer", "19")
        next_button(page).click()
        page.check('input[value="study"]')
        next_button(page).click()
        assert page.url.endswith("/q/documents/")
        assert "Pregunta 5 de 5" in page.locator("main").inner_text()
        page.get_by_role("link", name="Atrás").click()
        assert page.url.endswith("/q/goal/")
        assert page.locator('input[value="study"]').is_checked()
        next_button(page).click()
        next_button(page).click()
        assert re.search(r"/plan/[\w-]{22}/$", page.url)
        assert "Quetzaltenango" in page.locator("main").inner_text()
        # The print button needs the script; without it only the menu hint is offered.
        assert not page.locator("[data-print]").is_visible()
        assert page.get_by_role("link", name="Descargar PDF").is_visible()
    finally:
        context.close()
