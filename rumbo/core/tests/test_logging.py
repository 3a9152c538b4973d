"""Logs never carry a secret or personal data: read through the real LOGGING configuration.

A plan's code is the only key to the plan, and Django's own lines name the request's path:
`Forbidden (CSRF cookie not set.): /plan/<code>/delete/`. The whole run's lines are checked
too (conftest.py, `pytest_sessionfinish`); the tests here prove the pieces each work.
"""

import io
import json
import logging
import time

import pytest
from django.test import Client
from django.urls import reverse

from rumbo.core.logging import JsonFormatter, redact
from rumbo.core.tests.log_leaks import log_leaks
from rumbo.plans.engine import flow_load
from rumbo.plans.models import Plan
from rumbo.plans.services import plan_start

CODE = "Zx8Qp2Lm9Tr4Vb7Nc1Kd5W"  # the shape of a plan's code (22 URL-safe characters)


@pytest.fixture
def log_output():
    """What the production handler (LOGGING's root handler) writes, one JSON object a line."""
    handler = next(
        handler
        for handler in logging.getLogger().handlers
        if isinstance(handler, logging.StreamHandler)
        and isinstance(handler.formatter, JsonFormatter)
        and type(handler).__name__ != "LogCollector"
    )
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    handler.setStream(previous)


@pytest.fixture
def plan(demo_data, db) -> Plan:
    flow = flow_load()
    assert flow is not None
    return plan_start(flow=flow)


def test_csrf_failure_on_a_plan_url_is_logged_by_route_without_the_code(plan, log_output):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("plans:delete", kwargs={"code": plan.code}))
    assert response.status_code == 403
    lines = log_output()
    forbidden = next(line for line in lines if line["logger"] == "django.security.csrf")
    assert forbidden["message"] == "Forbidden (CSRF cookie not set.): plan/<str:code>/delete/"
    assert forbidden["status_code"] == 403
    assert forbidden["view"] == "plans:delete"
    assert "request" not in forbidden
    assert all(plan.code not in json.dumps(line) for line in lines)


def test_server_error_on_a_plan_url_is_logged_by_route_without_the_code(
    plan, log_output, monkeypatch
):
    def broken(**kwargs):
        raise RuntimeError(
            f"plan {plan.code} of maria.lopez@example.org, +502 1234 5678, at /plan/{plan.code}/?x=1"
        )

    monkeypatch.setattr("rumbo.plans.views._plan_or_error", lambda request, code: broken())
    client = Client(raise_request_exception=False)
    response = client.get(reverse("plans:delete", kwargs={"code": plan.code}))
    assert response.status_code == 500
    lines = log_output()
    error = next(line for line in lines if line["logger"] == "django.request")
    assert error["message"] == "Internal Server Error: plan/<str:code>/delete/"
    assert error["level"] == "ERROR"
    assert (
        "RuntimeError: plan [token] of [email], [phone], at plan/<str:code>/"
        in (error["exception"])
    )
    logged = json.dumps(lines)
    for secret in (plan.code, "maria.lopez", "1234 5678", "x=1"):
        assert secret not in logged


def test_every_logger_writes_through_the_json_formatter():
    # A handler with another formatter (Django's defaults print full URLs) would be a way
    # around the redaction; the test run's own capture handlers are not production's.
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    assert logging.getLogger("django.request") in loggers  # discovery works
    plain = [
        f"{logger.name}: {handler!r}"
        for logger in loggers
        for handler in logger.handlers
        if not isinstance(handler.formatter, JsonFormatter)
        and not isinstance(handler, logging.NullHandler)
        and not type(handler).__module__.startswith("_pytest")
    ]
    assert plain == []


@pytest.mark.parametrize(
    "logger", ["django.request", "django.security.csrf", "django.server", "huey", "axes"]
)
def test_third_party_loggers_reach_the_root_json_handler(logger):
    current: logging.Logger | None = logging.getLogger(logger)
    while current is not None and current.propagate:
        current = current.parent
    assert current is None or current is logging.getLogger()


def test_development_server_line_names_the_route_not_the_path():
    record = logging.makeLogRecord(
        {
            "name": "django.server",
            "msg": '"%s" %s %s',
            "args": (f"GET /plan/{CODE}/?q=maria HTTP/1.1", "200", "5120"),
            "request": object(),
            "status_code": 200,
        }
    )
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == '"GET plan/<str:code>/ HTTP/1.1" 200 5120'
    assert "request" not in entry


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("login failed for maria.lopez@example.org", "login failed for [email]"),
        ("call +50212345678, 5555-1234 or 5555 1234", "call [phone], [phone] or [phone]"),
        ("from 203.0.113.9 and 2001:db8::1", "from [address] and [address]"),
        ("see https://example.org/x?y=1", "see [url]"),
        ("Not Found: /no/such/page", "Not Found: [path]"),
        ("Not Found: /guides/?q=maria", "Not Found: guides/"),
        (f"code {CODE} given", "code [token] given"),
        ("1/2 of 200 requests in 15:28:28", "1/2 of 200 requests in 15:28:28"),
    ],
)
def test_redact_blanks_personal_data_and_secrets(text, expected):
    assert redact(text) == expected


def test_redact_is_fast_and_bounded_on_a_hostile_value():
    started = time.perf_counter()
    redacted = redact("invalid literal for int(): '" + "a" * 10_000 + "@'")
    assert time.perf_counter() - started < 0.5
    assert len(redacted) < 4100


@pytest.mark.parametrize(
    ("what", "line"),
    [
        ("plan code", f'{{"message": "Forbidden: /plan/{CODE}/delete/"}}'),
        ("email", '{"message": "login failed for maria.lopez@example.org"}'),
        ("phone number", '{"message": "appointment for +50212345678"}'),
        ("query string", '{"message": "Not Found: /guides/?q=maria"}'),
    ],
)
def test_log_check_catches_a_leaked_line(what, line):
    clean = '{"message": "Forbidden (CSRF cookie not set.): plan/<str:code>/delete/"}'
    assert log_leaks([clean, line]) == [(what, line)]


def test_log_check_catches_a_created_plans_code_whatever_its_shape():
    line = '{"message": "deleted plan abcdefghijklmnop"}'
    assert log_leaks([line], secrets={"abcdefghijklmnop", "plan"}) == [("plan code", line)]


def test_log_check_ignores_a_short_code_set_by_hand():
    assert log_leaks(['{"message": "plan gone"}'], secrets={"gone"}) == []


def test_the_runs_log_lines_are_collected_through_the_production_formatter(log_collector):
    logging.getLogger("django.request").warning("Not Found: %s", f"/plan/{CODE}/")
    assert log_collector.lines[-1].endswith('"message": "Not Found: plan/<str:code>/"}')
