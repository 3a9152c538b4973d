"""Fixtures shared by every app's tests."""

import io
import logging
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


class LogCollector(logging.Handler):
    """Keeps every line the run logs, formatted and filtered as the production handler does,
    for the check at the end of the session (no plan code, email, phone or query string)."""

    def __init__(self, production: logging.Handler) -> None:
        super().__init__(level=production.level)
        self.setFormatter(production.formatter)
        self.filters = list(production.filters)
        self.lines: list[str] = []
        self.failures: list[str] = []
        self.plan_codes: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception as error:  # a line the formatter cannot write is lost in production
            self.failures.append(f"{record.name}: {error!r}")


_log_collector: LogCollector | None = None


def _production_log_handler() -> logging.Handler:
    from rumbo.core.logging import JsonFormatter

    for handler in logging.getLogger().handlers:
        if isinstance(handler.formatter, JsonFormatter) and not isinstance(handler, LogCollector):
            return handler
    raise AssertionError("the root logger has no handler with the JSON formatter (LOGGING)")


def _log_collector_attach(collector: LogCollector) -> None:
    # The root receives every logger that propagates; one that does not gets it directly.
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger) and not logger.propagate
    ]
    for logger in loggers:
        if collector not in logger.handlers:
            logger.addHandler(collector)


def _plan_code_remember(sender, instance, **kwargs) -> None:
    if _log_collector is not None:
        _log_collector.plan_codes.add(instance.code)


@pytest.fixture(scope="session", autouse=True)
def log_collector():
    """Collects the whole run's log lines (checked in `pytest_sessionfinish`)."""
    from django.db.models.signals import post_save

    global _log_collector
    _log_collector = LogCollector(_production_log_handler())
    post_save.connect(_plan_code_remember, sender="plans.Plan", weak=False)
    yield _log_collector
    post_save.disconnect(_plan_code_remember, sender="plans.Plan")


@pytest.fixture(autouse=True)
def _log_collector_attached(log_collector):
    # Attached before each test: a logger created or reconfigured since is covered too.
    _log_collector_attach(log_collector)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    """Fails the run if any log line it wrote holds a plan code, an email, a phone number or
    a query string (docs/security.md, "What is logged")."""
    if _log_collector is None:
        return
    from rumbo.core.tests.log_leaks import log_leaks

    leaks = log_leaks(_log_collector.lines, secrets=_log_collector.plan_codes)
    problems = [f"{what}: {line[:500]}" for what, line in leaks]
    problems += [f"unformattable log record: {failure}" for failure in _log_collector.failures]
    if not problems:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    write = reporter.write_line if reporter else print
    write(f"\nLOG CHECK FAILED: {len(problems)} log lines carry personal data or secrets:")
    for problem in problems[:30]:
        write(f"  {problem}")
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _process_caches_cleared():
    """Content kept in the process (rumbo.guides.catalogue) must not outlive the test that
    loaded it: the database is rolled back after each test, without the signals that clear
    it."""
    from rumbo.campaigns.sites import campaign_sites_clear
    from rumbo.guides.catalogue import catalogue_clear

    catalogue_clear()
    campaign_sites_clear()
    yield
    catalogue_clear()
    campaign_sites_clear()


@pytest.fixture(scope="session", autouse=True)
def _live_server_one_request_at_a_time_on_sqlite():
    """The live server's threads share SQLite's in-memory test database through one
    connection, so two requests at once (a quiz sending the answers of two questions) could
    collide inside it ("cannot start a transaction within a transaction"). On SQLite the live
    server still accepts connections in threads, but runs one request at a time. Autouse and
    session-scoped, so it is in place before pytest-django starts the live server."""
    import threading

    from django.core.servers.basehttp import ThreadedWSGIServer
    from django.db import connection
    from django.test.testcases import LiveServerThread

    if connection.vendor != "sqlite":
        return

    class OneRequestAtATime(ThreadedWSGIServer):
        def set_app(self, application):
            lock = threading.Lock()

            def serialised(environ, start_response):
                with lock:
                    return application(environ, start_response)

            super().set_app(serialised)

    LiveServerThread.server_class = OneRequestAtATime


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    """Pages are rendered, not served from the page cache: inside a test's transaction no
    change commits, so none would clear a stored page. rumbo/core/tests/test_pagecache.py
    turns it on, with commits."""
    settings.RUMBO_PAGE_CACHE_ENABLED = False


@pytest.fixture(autouse=True)
def _shared_cache_cleared():
    """Each test starts with an empty shared cache. The database cache is rolled back with
    the test; Redis is not, so rate-limit counters and cached pages would leak from one test
    into the next (a fuzz test's guesses rate-limiting a later test's page)."""
    from django.conf import settings
    from django.core.cache import cache

    if "redis" in settings.CACHES["default"]["BACKEND"].lower():
        cache.clear()


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
