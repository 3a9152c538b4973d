"""The WSGI application for bench_launch_pages.py and bench_launch_load.py: Rumbo's own, plus
a bare baseline view mounted in front of it, behind the same middleware. The baseline is
marked private, so the page cache neither stores it nor asks for it after its first answer:
it is the bare view, not a cached one."""

import os

from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        "<!doctype html><title>ok</title><p>ok</p>", headers={"Cache-Control": "private"}
    )


urlpatterns = [path("bench-baseline/", bare), path("", include("config.urls"))]

from django.conf import settings  # noqa: E402

settings.ROOT_URLCONF = __name__
