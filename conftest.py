"""Fixtures shared by every app's tests."""

import io
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = Path(os.environ.get("RUMBO_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IN_CI = os.environ.get("CI", "").lower() == "true"
STANDARDS_DIR = Path(__file__).resolve().parent.parent / "shared" / "standards"
SCREENSHOTS_DIR = Path(__file__).resolve().parent / "var" / "screenshots"


def unavailable(reason: str) -> None:
    """Skips a test whose tool or file is missing; in CI the same absence is a failure."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: this may not be skipped)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _process_caches_cleared():
    """Content kept in the process (rumbo.guides.catalogue) must not outlive the test that
    loaded it: the database is rolled back after each test, without the signals that clear
    it."""
    from rumbo.guides.catalogue import catalogue_clear

    catalogue_clear()
    yield
    catalogue_clear()


@pytest.fixture(scope="session")
def standards_dir() -> Path:
    if not STANDARDS_DIR.is_dir():
        unavailable(f"the reference standards folder {STANDARDS_DIR} is missing")
    return STANDARDS_DIR


@pytest.fixture(scope="session")
def demo_data(django_db_setup, django_db_blocker):
    """The demo data, loaded once for all tests that run inside a transaction."""
    with django_db_blocker.unblock():
        call_command("demo", verbosity=0, stdout=io.StringIO())


@pytest.fixture
def live_demo(transactional_db, live_server):
    """A live server with the demo data (browser tests flush the database after each test)."""
    call_command("demo", verbosity=0, stdout=io.StringIO())
    return live_server


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright keeps an event loop in this thread; the ORM calls tests make are still
    # synchronous, so Django's async-safety guard does not apply to them.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, live_demo):
    """A phone-sized page on the live server, which fails the test on any outside request."""
    context = browser.new_context(
        base_url=live_demo.url, viewport={"width": 360, "height": 740}, locale="es-MX"
    )
    page = context.new_page()
    outside: list[str] = []

    def check_host(request) -> None:
        if not (request.url.startswith(live_demo.url) or request.url.startswith("data:")):
            outside.append(request.url)

    page.on("request", check_host)
    yield page
    context.close()
    assert outside == [], f"requests left the server: {outside}"


@pytest.fixture
def axe_check():
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page) -> None:
        results = axe.run(page)
        assert results.violations_count == 0, results.generate_report()

    return check


@pytest.fixture
def screenshot():
    def take(page, name: str) -> Path:
        SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS_DIR / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def login_with_second_factor(client, user) -> None:
    """Logs `user` in as after a password and a valid TOTP code, as staff pages require."""
    from django_otp import DEVICE_ID_SESSION_KEY

    from rumbo.accounts.services import totp_device_ensure

    device = totp_device_ensure(user=user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, with the second factor the admin site requires."""
    login_with_second_factor(client, admin_user)
    return client
