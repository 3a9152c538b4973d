"""Static files are collected with hashed names, pre-compressed, and cached for a year."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture
def collected(tmp_path):
    with override_settings(
        STATIC_ROOT=tmp_path,
        STORAGES=PRODUCTION_STORAGES,
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
        # Only our own files: compressing the admin's and the API docs' scripts takes a minute.
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        STATICFILES_DIRS=[Path(settings.BASE_DIR) / "rumbo" / "core" / "static"],
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield tmp_path


def test_stylesheet_is_collected_with_a_hashed_name_and_compressed_copies(collected):
    hashed = [p for p in (collected / "rumbo").glob("site.*.css") if p.suffix == ".css"]
    assert len(hashed) == 1
    assert hashed[0].with_name(hashed[0].name + ".br").exists()
    assert hashed[0].with_name(hashed[0].name + ".gz").exists()


def test_hashed_stylesheet_is_served_compressed_with_a_long_lifetime(collected):
    hashed = next(p for p in (collected / "rumbo").glob("site.*.css") if p.suffix == ".css")
    middleware = WhiteNoiseMiddleware(lambda request: None)
    request = RequestFactory().get(
        f"/static/rumbo/{hashed.name}", headers={"accept-encoding": "gzip, br"}
    )
    response = middleware(request)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert (
        "max-age=315360000" in response["Cache-Control"] or "immutable" in response["Cache-Control"]
    )
