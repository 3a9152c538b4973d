"""The WSGI application for bench_chat.py: Rumbo's own, plus a bare baseline view answering
a POST, mounted in front of it so the baseline passes through the same middleware."""

import os

from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()


@csrf_exempt
def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(status=200)


urlpatterns = [
    path("bench-baseline/", bare),
    path("", include("config.urls")),
]

from django.conf import settings  # noqa: E402

settings.ROOT_URLCONF = __name__
