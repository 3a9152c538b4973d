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


def staff_login(page, email: str, password: str, next_url: str) -> None:
    from django_otp.oath import totp

    from rumbo.casework.demo import demo_device

    page.goto(f"/staff/login/?next={next_url}")
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    device = demo_device(email)
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    page.fill("#id_token", f"{code:06d}")
    page.click("main button[type=submit]")
    page.wait_for_url(f"**{next_url}")


def test_partner_proposes_a_moderator_approves_and_it_is_public(
    page, browser, live_demo, axe_check
):
    from rumbo.casework.demo import DEMO_PASSWORD
    from rumbo.core.management.commands.demo import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD
    from rumbo.opportunities.demo import PARTNER_EMAIL

    staff_login(page, PARTNER_EMAIL, DEMO_PASSWORD, "/opportunities/partner/")
    axe_check(page)
    page.click("main a[href='/opportunities/partner/new/']")
    page.select_option("#id_kind", "work")
    page.select_option("#id_subkind", "apprenticeship")
    page.fill("#id_title", "Aprendizaje de carpintería")
    page.fill("#id_summary", "Seis meses en taller, con beca.")
    page.fill("#id_application_deadline", "2099-01-31")
    page.fill("#id_apply_url", "https://example.org/carpinteria")
    axe_check(page)
    page.click("main button[type=submit]")
    assert "Enviado a revisión" in page.inner_text("main")
    assert page.goto("/opportunities/aprendizaje-de-carpinteria/").status == 404

    moderator = browser.new_context(
        base_url=live_demo.url, viewport={"width": 360, "height": 740}, locale="es-MX"
    )
    admin = moderator.new_page()
    staff_login(admin, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, "/opportunities/moderation/")
    axe_check(admin)
    admin.click("main a:has-text('Nueva oportunidad')")
    assert "Aprendizaje de carpintería" in admin.inner_text("table")
    axe_check(admin)
    admin.click("button[name=approve]")
    moderator.close()
    assert page.goto("/opportunities/aprendizaje-de-carpinteria/").status == 200


def test_visitor_suggests_a_correction_without_javascript(page_without_javascript):
    from rumbo.opportunities.models import Correction

    page = page_without_javascript
    page.goto(PAGES["detail"]())
    page.click("a:has-text('Sugiere una corrección')")
    page.fill("#id_what_is_wrong", "El teléfono ya no existe")
    page.click("main button[type=submit]")
    assert "Gracias" in page.inner_text("main")
    assert Correction.objects.filter(what_is_wrong="El teléfono ya no existe").exists()
