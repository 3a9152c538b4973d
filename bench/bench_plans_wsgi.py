"""The WSGI application for bench_plans_questionnaire.py: Rumbo's own, plus a bare baseline
view mounted in front of it, so the baseline passes through the same middleware."""

import os

from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("<!doctype html><title>ok</title><p>ok</p>")


def site_page(request: HttpRequest) -> HttpResponse:
    # The site's chrome alone (base.html, its menu and language form): what every page pays.
    return HttpResponse(_SITE_PAGE.render({}, request))


urlpatterns = [
    path("bench-baseline/", bare),
    path("bench-site-page/", site_page),
    path("", include("config.urls")),
]

from django.template import engines  # noqa: E402

_SITE_PAGE = engines["django"].from_string(
    "{% extends 'base.html' %}{% block content %}<h1>ok</h1>{% endblock %}"
)

from django.conf import settings  # noqa: E402

settings.ROOT_URLCONF = __name__

if os.environ.get("BENCH_NO_HEALTH_CHECKS") == "1":
    # An experiment for docs/performance.md: what the per-request `SELECT 1` costs.
    from django.db import connections

    connections["default"].settings_dict["CONN_HEALTH_CHECKS"] = False
