"""The guides in a real browser: every page passes axe in Spanish and Arabic, right to left."""

import pytest
from django.conf import settings

from rumbo.guides.public_pages import PAGES

pytestmark = pytest.mark.browser


def test_guide_pages_pass_axe_in_spanish_and_arabic(page, live_demo, axe_check, screenshot):
    for language in ("es", "ar"):
        page.context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_demo.url}]
        )
        for name, url in PAGES.items():
            response = page.goto(url())
            assert response is not None
            assert response.status == 200, f"{name} answered {response.status}"
            assert page.locator("html").get_attribute("dir") == (
                "rtl" if language == "ar" else "ltr"
            )
            axe_check(page)
            screenshot(page, f"guides-{name}-{language}")


def test_nearest_passport_office_is_found_without_javascript(browser, live_demo):
    context = browser.new_context(base_url=live_demo.url, java_script_enabled=False, locale="es-MX")
    page = context.new_page()
    page.goto("/guides/documents/passport/")
    page.fill("#id_city", "San Pedro Sula")
    page.click("form:has(#id_city) button")
    assert (
        "Oficina de pasaportes del INM en San Pedro Sula"
        in page.locator("#nearest-heading + p").inner_text()
    )
    context.close()
