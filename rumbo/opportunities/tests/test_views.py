from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from rumbo.core.models import Place
from rumbo.opportunities.models import Opportunity
from rumbo.opportunities.tests.hostile import HOSTILE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]

LIST = reverse("opportunities:list")


@pytest.fixture
def chinandega():
    return Place.objects.get(name="Chinandega", kind=Place.Kind.CITY, country__code="NI")


def shown(response) -> list[Opportunity]:
    return [opportunity for opportunity, _distance in response.context["entries"]]


def test_the_list_without_filters_shows_open_opportunities_soonest_deadline_first(client):
    response = client.get(LIST)
    assert response.status_code == 200
    deadlines = [item.application_deadline for item in shown(response)]
    assert deadlines
    assert None not in deadlines  # the demo has more than a page of dated ones
    assert deadlines == sorted(date for date in deadlines if date is not None)


def test_kind_filter_shows_only_that_kind(client):
    response = client.get(LIST, {"kind": "entrepreneurship"})
    assert {item.kind for item in shown(response)} == {"entrepreneurship"}


def test_a_municipality_gives_its_country_nearest_first(client, chinandega):
    response = client.get(
        LIST, {"country": "NI", "state": chinandega.parent_id, "place": chinandega.pk}
    )
    assert response.status_code == 200
    entries = response.context["entries"]
    assert {item.country.code for item, _distance in entries} == {"NI"}
    distances = [distance if distance is not None else 0 for _item, distance in entries]
    assert distances == sorted(distances)
    assert "Chinandega" in response.content.decode()


def test_a_nineteen_year_old_in_chinandega_finds_a_free_course_nearby(client, chinandega):
    response = client.get(
        LIST,
        {"kind": "learning", "place": chinandega.pk, "age": "19", "free": "on"},
    )
    first, distance = response.context["entries"][0]
    assert first.slug == "ni-electricidad-chinandega"
    assert distance == 0
    assert all(item.is_free for item in shown(response))


def test_a_typed_town_name_finds_the_municipality(client):
    response = client.get(LIST, {"q": "chinandega"})
    assert response.context["origin"].name == "Chinandega"


def test_age_free_closing_soon_and_language_filters_combine(client):
    response = client.get(LIST, {"age": "40", "free": "on", "soon": "on", "language": "spa"})
    today = timezone.localdate()
    for item in shown(response):
        assert item.is_free
        assert item.age_max is None or item.age_max >= 40
        deadline = item.application_deadline
        assert deadline is not None
        assert today <= deadline <= today + timedelta(days=14)


def test_arabic_indic_digits_are_read_as_an_age(client):
    response = client.get(LIST, {"age": "\u0661\u0669"})  # 19
    assert response.status_code == 200
    assert response.context["form"].cleaned_data["age"] == 19


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("kind", "magic"),
        ("age", "²"),
        ("age", "9" * 400),
        ("age", "121"),
        ("age", "-1"),
        ("page", "99999999999999999999999"),
        ("place", "99999999"),
        ("place", "abc"),
        ("country", "XX"),
        ("language", "klingon"),
        ("q", "San Pedro \ufffd"),
    ],
)
def test_a_bad_filter_is_answered_400_with_a_message_on_its_field(client, field, value):
    response = client.get(LIST, {field: value})
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert 'class="errorlist' in response.content.decode()


def test_a_state_of_another_country_is_refused(client, chinandega):
    response = client.get(LIST, {"country": "HN", "state": chinandega.parent_id})
    assert response.status_code == 400
    assert "state" in response.context["form"].errors


def test_the_list_takes_as_many_queries_for_ten_results_as_for_two(client, chinandega):
    def queries(**filters) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(LIST, {"place": chinandega.pk, **filters})
        return len(captured), len(response.context["entries"])

    queries(kind="work")  # warms what a process reads once (the menu's sections...)
    few, two = queries(kind="entrepreneurship")
    many, ten = queries()
    assert (two, ten) == (2, 10)
    assert many == few


def test_pages_keep_the_filters(client):
    response = client.get(LIST, {"kind": "learning"})
    assert response.context["page"].has_next()
    assert "kind=learning&amp;page=2" in response.content.decode()
    second = client.get(LIST, {"kind": "learning", "page": "2"})
    assert second.status_code == 200
    assert set(shown(second)).isdisjoint(shown(response))


def test_detail_gives_the_steps_to_apply(client):
    opportunity = Opportunity.objects.get(slug="ni-soldadura-leon")
    html = client.get(opportunity.get_absolute_url()).content.decode()
    assert opportunity.title in html
    assert opportunity.apply_url in html
    assert opportunity.apply_info_point.get_absolute_url() in html
    assert reverse("guides:document", kwargs={"slug": "national-id"}) in html
    assert opportunity.application_deadline.strftime("%Y") in html


def test_detail_of_a_demo_record_says_its_contacts_are_not_real(client):
    opportunity = Opportunity.objects.get(slug="mx-hotel-villahermosa")
    client.cookies["django_language"] = "en"
    html = client.get(opportunity.get_absolute_url(), headers={"accept-language": "en"})
    assert "phone numbers are not real" in html.content.decode()
    assert f'href="tel:{opportunity.apply_phone}"' in html.content.decode()


def test_detail_of_an_archived_opportunity_is_not_found(client):
    archived = Opportunity.objects.get(status=Opportunity.Status.ARCHIVED)
    assert client.get(archived.get_absolute_url()).status_code == 404


def test_detail_of_a_past_deadline_opportunity_is_not_found(client):
    opportunity = Opportunity.objects.get(slug="ni-soldadura-leon")
    Opportunity.objects.filter(pk=opportunity.pk).update(
        application_deadline=timezone.localdate() - timedelta(days=1)
    )
    assert client.get(opportunity.get_absolute_url()).status_code == 404


def test_the_landing_page_links_to_the_opportunities(client):
    assert f'href="{LIST}"' in client.get("/").content.decode()


FILTERS = ["kind", "country", "state", "letter", "place", "q", "age", "free", "soon", "language"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_filter_values_get_an_answer_and_no_nul_reaches_the_database(
    client, chinandega, value
):
    # A NUL in a query parameter is an error on PostgreSQL: it must be refused before. The
    # state of México is large enough to be narrowed by initial letter.
    mexico = Place.objects.get(name="México", kind=Place.Kind.STATE)
    valid = {"country": "MX", "state": str(mexico.pk), "letter": "T", "place": str(chinandega.pk)}
    sent: list = []

    def record(execute, sql, params, many, context):
        sent.extend(params or ())
        return execute(sql, params, many, context)

    for field in FILTERS:
        with connection.execute_wrapper(record):
            response = client.get(LIST, {**valid, field: value})
        assert response.status_code in (200, 400), (field, response.status_code)
        assert not any("\x00" in str(param) for param in sent), field


def test_a_page_kept_in_the_cache_is_kept_per_language(client):
    opportunity = Opportunity.objects.get(slug="ni-soldadura-leon")
    client.get(opportunity.get_absolute_url())
    client.cookies["django_language"] = "en"
    html = client.get(opportunity.get_absolute_url()).content.decode()
    assert "Vocational course: welding" in html


def test_detail_lists_every_place_served_with_its_state(client):
    opportunity = Opportunity.objects.get(slug="mx-capital-semilla-sur")
    html = client.get(opportunity.get_absolute_url()).content.decode()
    for place in opportunity.places.select_related("parent"):
        assert f"{place.name}, {place.parent.name}" in html


def test_a_country_without_a_place_shows_that_country_only(client):
    response = client.get(LIST, {"country": "GT"})
    assert {item.country.code for item in shown(response)} == {"GT"}


def test_an_ambiguous_town_name_offers_the_places_of_that_name(client):
    response = client.get(LIST, {"q": "San Miguel"})
    assert response.context["origin"] is None
    assert {place.country.code for place in response.context["place_choices"]} >= {"SV", "MX"}


def test_an_unknown_town_name_says_so(client):
    response = client.get(LIST, {"q": "Qwxzville"})
    assert response.context["not_found"]
    assert "Qwxzville" in response.content.decode()
