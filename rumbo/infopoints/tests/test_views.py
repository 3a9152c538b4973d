from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rumbo.core.models import Place
from rumbo.infopoints import clock
from rumbo.infopoints.models import InfoPoint

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]

# Tuesday 1 December 2026, 11:00 in Tapachula (UTC-6).
TUESDAY_11_TAPACHULA = datetime(2026, 12, 1, 17, tzinfo=UTC)
LIST = reverse("infopoints:list")


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: TUESDAY_11_TAPACHULA)


@pytest.fixture
def tapachula():
    return Place.objects.get(name="Tapachula", kind=Place.Kind.CITY, country__code="MX")


def result_slugs(response) -> list[str]:
    return [entry.point.slug for entry in response.context["entries"]]


def test_empty_directory_shows_the_search_form_without_results(client):
    response = client.get(LIST)
    assert response.status_code == 200
    assert response.context["entries"] is None
    assert b'name="q"' in response.content


def test_picking_a_country_offers_its_states_then_its_municipalities(client, tapachula):
    states = client.get(LIST, {"country": "MX", "by": "place"})
    assert "Chiapas" in states.content.decode()
    municipalities = client.get(
        LIST, {"country": "MX", "state": tapachula.parent_id, "by": "place"}
    )
    assert f'<option value="{tapachula.pk}">Tapachula</option>' in municipalities.content.decode()


def test_a_very_large_state_is_narrowed_by_initial_letter(client):
    mexico_state = Place.objects.get(name="México", kind=Place.Kind.STATE)
    response = client.get(LIST, {"country": "MX", "state": mexico_state.pk, "letter": "T"})
    assert response.context["form"].letters
    names = [place.name for place in response.context["form"].municipalities]
    assert names
    assert all(name.upper().startswith("T") for name in names)


def test_municipality_gives_the_nearest_points_sorted_by_distance(client, tapachula):
    response = client.get(
        LIST, {"country": "MX", "state": tapachula.parent_id, "place": tapachula.pk, "by": "place"}
    )
    entries = response.context["entries"]
    assert len(entries) == 10
    distances = [entry.distance_km for entry in entries]
    assert distances == sorted(distances)
    assert entries[0].point.place == tapachula


def test_open_now_keeps_only_points_open_at_that_time(client, tapachula):
    response = client.get(LIST, {"place": tapachula.pk, "open": "on"})
    entries = response.context["entries"]
    assert entries
    assert all(entry.state.is_open for entry in entries)
    # Chichicastenango opens Thursday to Sunday only.
    assert "chichicastenango" not in result_slugs(response)


def test_language_filter_narrows_to_points_speaking_kiche(client, tapachula):
    everyone = result_slugs(client.get(LIST, {"place": tapachula.pk}))
    kiche = result_slugs(client.get(LIST, {"place": tapachula.pk, "language": "quc"}))
    assert kiche
    assert set(kiche) != set(everyone)
    assert all(
        InfoPoint.objects.get(slug=slug).languages.filter(code="quc").exists() for slug in kiche
    )


def test_browser_location_gives_the_same_list_as_the_municipality(client, tapachula):
    by_place = result_slugs(client.get(LIST, {"place": tapachula.pk}))
    by_location = result_slugs(
        client.get(LIST, {"lat": tapachula.latitude, "lon": tapachula.longitude, "by": "location"})
    )
    assert by_location == by_place


def test_typed_place_name_ignores_accents_and_case(client):
    plain = client.get(LIST, {"q": "QUETZALTENANGO", "by": "name"})
    accented = client.get(LIST, {"q": "Quetzaltenángo", "by": "name"})
    assert result_slugs(plain)[0] == "quetzaltenango"
    assert result_slugs(accented) == result_slugs(plain)


def test_ambiguous_place_name_offers_choices(client):
    response = client.get(LIST, {"q": "San Miguel", "by": "name"})
    assert response.context["entries"] is None
    choices = response.context["place_choices"]
    assert len(choices) > 1
    assert "?place=" in response.content.decode()


def test_unknown_place_name_says_so(client):
    response = client.get(LIST, {"q": "Atlantida del Norte Imaginaria", "by": "name"})
    assert response.status_code == 200
    assert response.context["not_found"]
    assert "Atlantida del Norte Imaginaria" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"lat": "abc", "lon": "-92"},
        {"lat": "95", "lon": "-92"},
        {"lat": "14.9"},
        {"place": "99999999"},
        {"place": "not-a-number"},
        {"country": "ZZ", "state": "x"},
        {"service": "unknown", "language": "zzz", "open": "maybe"},
        {"q": "x" * 500},
        {"letter": "ab", "state": "-1", "country": "MX"},
    ],
)
def test_bad_input_gets_a_message_not_a_server_error(client, query):
    response = client.get(LIST, query)
    assert response.status_code == 400
    assert response.context["entries"] is None
    assert response.context["form"].errors


def to_arabic_indic(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


@pytest.mark.parametrize("url", [LIST, reverse("infopoints:map")])
@pytest.mark.parametrize("value", ["²", "½", "9" * 400, "-1", "0"])
def test_malformed_state_gets_a_message_on_the_state_field(client, url, value):
    response = client.get(url, {"country": "MX", "state": value, "by": "place"})
    assert response.status_code == 400
    assert "state" in response.context["form"].errors


@pytest.mark.parametrize("value", ["²", "½", "9" * 400, "-1"])
def test_malformed_municipality_gets_a_message_on_the_place_field(client, value):
    response = client.get(LIST, {"country": "MX", "place": value, "by": "place"})
    assert response.status_code == 400
    assert "place" in response.context["form"].errors


def test_state_and_municipality_in_arabic_indic_digits_find_the_points(client, tapachula):
    response = client.get(
        LIST,
        {
            "country": "MX",
            "state": to_arabic_indic(tapachula.parent_id),
            "place": to_arabic_indic(tapachula.pk),
            "by": "place",
        },
    )
    assert response.status_code == 200
    assert tapachula.name in [place.name for place in response.context["form"].municipalities]
    assert response.context["entries"]


def test_results_show_contact_links_and_open_state(client, tapachula):
    html = client.get(LIST, {"place": tapachula.pk}).content.decode()
    assert 'href="tel:+52' in html
    assert 'href="https://wa.me/52' in html
    assert "https://www.openstreetmap.org/directions?" in html
    assert 'href="geo:' in html
    assert "Abierto ahora" in html  # Spanish is the default language


def test_list_page_loads_no_map(client, tapachula):
    html = client.get(LIST, {"place": tapachula.pk}).content.decode()
    assert "<svg" not in html
    assert "tile" not in html


def test_map_page_draws_the_points_as_svg_without_anything_remote(client, tapachula):
    response = client.get(reverse("infopoints:map"), {"place": tapachula.pk})
    html = response.content.decode()
    assert html.count("<circle") == 10
    assert "http://" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org", ""
    )


def test_detail_shows_hours_exceptions_services_languages_and_confirmation(client):
    point = InfoPoint.objects.get(slug="quetzaltenango")
    response = client.get(point.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "08:00–16:30</span>" in html
    assert "America/Guatemala" in html
    assert "K&#x27;iche&#x27;" in html
    assert point.last_confirmed.strftime("%Y") in html
    assert len(response.context["week"]) == 7


def test_detail_of_unknown_point_is_not_found(client):
    assert client.get(reverse("infopoints:detail", kwargs={"slug": "nowhere"})).status_code == 404


def test_detail_warns_when_details_are_overdue(client):
    point = InfoPoint.objects.get(slug="santa-ana")  # never confirmed in the demo
    html = client.get(point.get_absolute_url()).content.decode()
    assert point.last_confirmed is None
    assert response_has_overdue_notice(html)


def response_has_overdue_notice(html: str) -> bool:
    return "llama antes de ir" in html


def test_map_says_when_filters_leave_nothing(client, tapachula):
    response = client.get(
        reverse("infopoints:map"),
        {"place": tapachula.pk, "service": "labour-mobility", "language": "miq", "open": "on"},
    )
    assert response.context["entries"] == []
    assert "<svg" not in response.content.decode()


def test_a_country_not_offered_reaches_no_query(client):
    # PostgreSQL answers a NUL in a query parameter with an error (a 500).
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"country": "MX\x00", "by": "place"})
    assert response.status_code == 400
    by_country = [q for q in queries.captured_queries if '"core_country"."code" =' in q["sql"]]
    assert by_country == []


# "²" is no initial: it narrows nothing. (A NUL never reaches the view: the NUL middleware
# refuses it, as rumbo/core/tests/test_middleware.py checks.)
def test_a_letter_parameter_that_is_no_letter_narrows_nothing(client):
    mexico_state = Place.objects.get(name="México", kind=Place.Kind.STATE)
    response = client.get(LIST, {"country": "MX", "state": mexico_state.pk, "letter": "²"})
    assert response.status_code == 200
    assert response.context["form"].municipalities  # the largest, as with no letter


def test_a_nul_in_the_letter_parameter_reaches_no_query(client):
    # PostgreSQL answers a NUL in a query parameter with an error (a 500).
    mexico_state = Place.objects.get(name="México", kind=Place.Kind.STATE)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"country": "MX", "state": mexico_state.pk, "letter": "\x00"})
    assert response.status_code == 400
    assert not any("\x00" in q["sql"] for q in queries.captured_queries)
