"""A person in Tapachula finds the nearest open information points on a phone."""

from datetime import UTC, datetime

import pytest

from rumbo.core.models import Place
from rumbo.infopoints import clock
from rumbo.infopoints.selectors import Origin, info_point_directory

pytestmark = pytest.mark.browser

# Tuesday 1 December 2026, 11:00 in Tapachula (UTC-6): most demo points are open.
TUESDAY_11_TAPACHULA = datetime(2026, 12, 1, 17, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    # The live server runs in this process, so the directory sees this time too.
    monkeypatch.setattr(clock, "now", lambda: TUESDAY_11_TAPACHULA)


def result_links(page) -> list[str]:
    return page.locator("ol.cards h3 a").evaluate_all("links => links.map(a => a.pathname)")


def expected_links(place: Place, *, language: str | None = None) -> list[str]:
    entries = info_point_directory(
        origin=Origin(place.latitude, place.longitude, place.name),
        service=None,
        language=language,
        open_now=True,
        at=TUESDAY_11_TAPACHULA,
    )
    return [entry.point.get_absolute_url() for entry in entries]


def test_person_in_tapachula_finds_nearest_open_points(page, axe_check, screenshot):
    tapachula = Place.objects.get(name="Tapachula", kind=Place.Kind.CITY, country__code="MX")

    # Without GPS: country, then state, then municipality, with plain GET forms.
    page.goto("/points/")
    page.select_option("#id_country", "MX")
    page.click("button[name=by][value=place]")
    page.select_option("#id_state", label="Chiapas")
    page.click("button[name=by][value=place]")
    page.select_option("#id_place", label="Tapachula")
    page.check("#id_open")
    page.click("button[name=by][value=place]")
    by_municipality = result_links(page)
    assert by_municipality == expected_links(tapachula)
    assert len(by_municipality) >= 5
    assert page.locator("ol.cards .ok").count() == len(by_municipality)  # all "open now"
    screenshot(page, "infopoints-tapachula-municipality")
    axe_check(page)

    # With the browser's location, the same list.
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": tapachula.latitude, "longitude": tapachula.longitude})
    page.goto("/points/")
    page.check("#id_open")
    page.click("button[data-locate]")
    page.wait_for_url("**by=location**")
    assert result_links(page) == by_municipality

    # Only points where K'iche' is spoken.
    page.select_option("#id_language", "quc")
    page.click("button.secondary[type=submit]")
    kiche = result_links(page)
    assert kiche == expected_links(tapachula, language="quc")
    assert 0 < len(kiche) < len(by_municipality) or set(kiche) != set(by_municipality)
    screenshot(page, "infopoints-tapachula-kiche")
    axe_check(page)


def test_map_is_opt_in_and_loads_nothing_remote(page, axe_check):
    tapachula = Place.objects.get(name="Tapachula", kind=Place.Kind.CITY, country__code="MX")
    page.goto(f"/points/?place={tapachula.pk}")
    assert page.locator("svg").count() == 0
    page.click("text=Ver estos puntos en un mapa")
    assert page.locator("svg circle").count() == 10
    axe_check(page)


def test_directory_pages_pass_axe_in_arabic_right_to_left(page, live_demo, axe_check, screenshot):
    from django.conf import settings

    from rumbo.infopoints.public_pages import PAGES

    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ar", "url": live_demo.url}]
    )
    for name, url in PAGES.items():
        response = page.goto(url())
        assert response.status == 200, name
        assert page.locator("html").get_attribute("dir") == "rtl"
        axe_check(page)
    screenshot(page, "infopoints-detail-ar")
