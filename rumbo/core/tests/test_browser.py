"""The base site in a real browser: languages, right-to-left, keyboard use, accessibility."""

import pytest
from django.conf import settings

from rumbo.core.pages import public_page_list

pytestmark = pytest.mark.browser


def test_every_public_page_passes_axe_in_spanish_and_arabic(page, live_demo, axe_check):
    pages = public_page_list()
    for language in ("es", "ar"):
        page.context.add_cookies(
            [
                {
                    "name": settings.LANGUAGE_COOKIE_NAME,
                    "value": language,
                    "url": live_demo.url,
                }
            ]
        )
        for name, url in pages.items():
            response = page.goto(url())
            assert response.status == 200, f"{name} answered {response.status}"
            # A page may keep its content's own language (a course taken in Arabic stays
            # Arabic); whatever its language, its direction must match it.
            html_lang = page.locator("html").get_attribute("lang")
            expected_dir = "rtl" if html_lang == "ar" else "ltr"
            assert page.locator("html").get_attribute("dir") == expected_dir, name
            axe_check(page)


def test_arabic_pages_are_right_to_left_and_mirrored(page, screenshot):
    page.goto("/")
    page.locator('button[name="language"][value="ar"]').click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    width = page.viewport_size["width"]
    brand = page.locator(".brand").bounding_box()
    # In a right-to-left page the brand sits at the right edge, as the start of the line.
    assert brand["x"] + brand["width"] > width * 0.75
    heading = page.locator("h1").bounding_box()
    assert heading["x"] + heading["width"] > width * 0.75
    screenshot(page, "home-ar")


def test_language_choice_works_without_javascript_and_is_remembered(browser, live_demo):
    context = browser.new_context(base_url=live_demo.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/campaigns/")
    page.get_by_role("button", name="English").click()
    assert page.url.endswith("/campaigns/")
    assert page.locator("h1").inner_text() == "Campaigns"
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()


def test_skip_link_is_the_first_stop_and_visible_on_focus(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip")
    assert skip.evaluate("element => element === document.activeElement")
    box = skip.bounding_box()
    assert box["y"] >= 0
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
