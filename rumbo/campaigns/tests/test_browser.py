"""A visitor on the Honduran campaign's own domain, and its manager editing the site.

The demo gives each campaign the domain <slug>.localhost, which Chromium resolves to this
machine by itself, and ALLOWED_HOSTS accepts in development (".localhost")."""

from urllib.parse import urlsplit

import pytest
from django.test import Client

from conftest import CHROMIUM_FLAGS  # noqa: F401 - the browser fixture launches with them
from rumbo.accounts.models import User
from rumbo.campaigns.demo import MANAGER_EMAIL

pytestmark = pytest.mark.browser
SLUG = "ponele-plan-a-tu-vida"


@pytest.fixture
def site(browser, live_demo):
    port = urlsplit(live_demo.url).port
    base = f"http://{SLUG}.localhost:{port}"
    context = browser.new_context(
        base_url=base, viewport={"width": 360, "height": 740}, locale="es-MX"
    )
    page = context.new_page()
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(base) or request.url.startswith("data:")
            else outside.append(request.url)
        ),
    )
    yield context, page, base
    context.close()
    assert outside == [], f"requests left the campaign's site: {outside}"


def _accent(page) -> str:
    return page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()"
    )


def test_visitor_keeps_the_theme_from_landing_to_plan_and_guides(site, axe_check):
    _context, page, base = site
    page.goto("/")
    assert page.locator("h1").inner_text() == "Ponele plan a tu vida"
    assert _accent(page) == "#005a9c"
    assert "Tu vida, tu plan" in page.locator("header").inner_text()
    assert "no sabe distinguir" not in page.content()  # Nicaragua's message is not here
    assert "Más del 80 %" in page.locator("main").inner_text()
    axe_check(page)
    page.locator("header nav a", has_text="Guías").click()
    assert page.url.startswith(f"{base}/guides/?origin=HN")
    assert _accent(page) == "#005a9c"
    page.goto("/")
    page.locator("main a.button").first.click()
    assert page.url.startswith(f"{base}/plan/")
    assert _accent(page) == "#005a9c"
    page.goto(f"/campaigns/{SLUG}/materials/")
    with page.expect_download() as download:
        page.get_by_text("Afiche con el código QR").click()
    assert download.value.suggested_filename == f"{SLUG}-poster.pdf"


def test_campaign_site_passes_axe_in_arabic(site, axe_check):
    context, page, base = site
    context.add_cookies([{"name": "django_language", "value": "ar", "url": base}])
    page.goto("/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    axe_check(page)


def test_manager_edits_previews_publishes_and_posts_news_to_the_feed(site):
    from django_otp import DEVICE_ID_SESSION_KEY

    from rumbo.accounts.services import totp_device_ensure

    context, page, base = site
    manager = User.objects.get(email=MANAGER_EMAIL)
    # The session a password and a TOTP code open (the login itself is tested in accounts).
    client = Client()
    client.force_login(manager)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = totp_device_ensure(user=manager).persistent_id
    session.save()
    context.add_cookies([{"name": "sessionid", "value": session.session_key, "url": base}])
    page.goto(f"/campaigns/{SLUG}/manage/")
    page.get_by_role("link", name="Añadir un bloque").click()
    page.get_by_label("Título (Español)").fill("Mensaje nuevo del equipo")
    page.get_by_label("Texto en Markdown (Español)").fill("Un **texto** escrito hoy.")
    page.get_by_role("button", name="Guardar el borrador").click()
    page.goto("/")
    assert "Mensaje nuevo del equipo" not in page.content()
    page.goto(f"/campaigns/{SLUG}/manage/preview/")
    assert "Mensaje nuevo del equipo" in page.locator("main").inner_text()
    page.get_by_role("button", name="Publicar").first.click()
    page.goto("/")
    assert "Mensaje nuevo del equipo" in page.locator("main").inner_text()
    page.goto(f"/campaigns/{SLUG}/manage/news/")
    page.get_by_label("Título").fill("Feria de empleo juvenil")
    page.get_by_label("Texto en Markdown").fill("Te esperamos el sábado.")
    page.get_by_label("Publicar ahora").check()
    page.get_by_role("button", name="Guardar").click()
    # Fetched by the page itself: Chromium resolves *.localhost, Playwright's own client not.
    kind, text = page.evaluate(
        "fetch('/campaigns/" + SLUG + "/feed/')"
        ".then(r => r.text().then(t => [r.headers.get('content-type'), t]))"
    )
    assert kind.startswith("application/atom+xml")
    assert "Feria de empleo juvenil" in text
