"""The WSGI application for bench_casework_staff.py: Rumbo's own, plus a bare baseline view
mounted in front of it, so the baseline passes through the same middleware (sessions, OTP,
staff session timeouts, CSRF, CSP, request log)."""

import os

from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f"ok {request.user.is_authenticated}")


urlpatterns = [path("bench-baseline/", bare), path("", include("config.urls"))]

from django.conf import settings  # noqa: E402

settings.ROOT_URLCONF = __name__
