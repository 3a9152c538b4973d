"""Every public page, in every language, fits the first TCP round trip (RFC 6928)."""

import gzip
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import resolve

from rumbo.core.pages import app_route_names, public_page_list, public_route_exclusions

HTML_BUDGET = 14_600
ASSETS_BUDGET = 20_000
ASSET_PATTERN = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]
PAGES = public_page_list()
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def fetch(client, page_name: str, language: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(PAGES[page_name](), headers={"accept-encoding": "gzip"})
    assert response.status_code == 200, f"{page_name} answered {response.status_code}"
    return response


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_name", sorted(PAGES))
def test_public_page_fits_in_first_round_trip(client, page_name, language):
    response = fetch(client, page_name, language)
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) <= HTML_BUDGET, (
        f"{page_name} in {language}: {len(response.content)} bytes compressed"
    )


@pytest.mark.parametrize("page_name", sorted(PAGES))
def test_public_page_assets_fit_budget(client, page_name):
    html = gzip.decompress(fetch(client, page_name, "es").content).decode()
    total = 0
    for url in ASSET_PATTERN.findall(html):
        path = finders.find(url.removeprefix(settings.STATIC_URL))
        assert path, f"{page_name} loads {url}, which is not a static file of ours"
        with open(path, "rb") as asset:
            total += len(gzip.compress(asset.read()))
    assert total <= ASSETS_BUDGET, f"{page_name} loads {total} bytes of CSS and JS"


def test_every_public_route_is_registered_or_excluded():
    registered = {resolve(urlsplit(url()).path).view_name for url in PAGES.values()}
    excluded = public_route_exclusions()
    unregistered = [
        name for name in app_route_names() if name not in registered and name not in excluded
    ]
    assert unregistered == [], (
        "add these routes to their app's public_pages.PAGES, or to EXCLUDED with a reason"
    )
