from typing import cast

import pytest
from django.conf import settings
from django.urls import reverse

from rumbo.guides.factories import (
    ArticleFactory,
    DocumentIssuanceFactory,
    EligibilityRuleFactory,
    OfficeFactory,
    PathwayFactory,
    SourceFactory,
    days_ago,
)
from rumbo.guides.models import Pathway
from rumbo.guides.services import search_index_update

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_guides")]


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def test_pathway_page_shows_steps_conditions_sources_and_last_verified(client):
    rule = EligibilityRuleFactory(pathway__title="Work in Mexico")
    pathway = rule.pathway
    pathway.steps.create(order=1, title="Get a job offer")
    source = SourceFactory(title="INM official page")
    pathway.sources.add(source)
    response = client.get(pathway.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Work in Mexico", "Get a job offer", "Only from 18 years of age"):
        assert text in html
    assert f'href="{source.url}"' in html
    assert "Last verified" in html
    assert "may be out of date" not in html


def test_stale_pathway_shows_the_out_of_date_notice(client, settings):
    settings.RUMBO_CONTENT_MAX_AGE_DAYS = 30
    pathway = PathwayFactory(last_verified=days_ago(31))
    response = client.get(pathway.get_absolute_url())
    assert "may be out of date" in response.content.decode()


def test_age_setting_decides_staleness(client, settings):
    settings.RUMBO_CONTENT_MAX_AGE_DAYS = 400
    pathway = PathwayFactory(last_verified=days_ago(200))
    assert "may be out of date" not in client.get(pathway.get_absolute_url()).content.decode()


def test_article_body_markdown_is_sanitised(client):
    article = ArticleFactory(body="**Bold** <script>alert(1)</script> [x](javascript:alert(1))")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<strong>Bold</strong>" in html
    assert "<script>alert" not in html
    assert "javascript:" not in html


@pytest.mark.parametrize("route", ["guides:pathway", "guides:document", "guides:article"])
def test_unknown_slug_is_a_404(client, route):
    assert client.get(reverse(route, kwargs={"slug": "no-such-record"})).status_code == 404


def test_document_page_shows_nearest_office_for_a_place(client):
    office = OfficeFactory(name="Passport office North", place__name="Norte City")
    OfficeFactory(issuance=office.issuance, name="Passport office South", place__latitude=10.0)
    url = office.issuance.document.get_absolute_url()
    html = client.get(url, {"place": office.place_id}).content.decode()
    assert "Nearest to Norte City" in html
    assert html.index("Passport office North") < html.index("Where to get it")


def test_document_page_finds_the_place_by_name(client):
    office = OfficeFactory(place__name="San Pedro Sula")
    url = office.issuance.document.get_absolute_url()
    assert "Nearest to San Pedro Sula" in client.get(url, {"city": "san pedro"}).content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"place": "abc"}, "Enter a whole number."),
        ({"place": "99999999"}, "No municipality with this number."),
        ({"city": "zzzzqqq"}, "No municipality found with this name."),
    ],
)
def test_document_page_explains_a_bad_place(client, query, message):
    issuance = DocumentIssuanceFactory()
    response = client.get(issuance.document.get_absolute_url(), query)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_index_filters_pathways_by_origin_and_destination(client):
    hn = PathwayFactory(title="For Hondurans", origins=["HN"])
    PathwayFactory(title="For Guatemalans", origins=["GT"])
    html = client.get(reverse("guides:index"), {"origin": "HN", "destination": "MX"}).content
    assert hn.title.encode() in html
    assert b"For Guatemalans" not in html


def test_index_explains_an_unknown_country_and_shows_everything(client):
    PathwayFactory(title="For Hondurans", origins=["HN"])
    response = client.get(reverse("guides:index"), {"origin": "ZZ"})
    assert response.status_code == 200
    assert b"Choose a country from the list." in response.content
    assert b"For Hondurans" in response.content


def test_search_page_lists_results(client):
    pathway = PathwayFactory(title_en="Seasonal farm work", title_es="Trabajo agrícola")
    search_index_update(instance=cast(Pathway, pathway))
    html = client.get(reverse("guides:search"), {"q": "Seasonal"}).content.decode()
    assert pathway.get_absolute_url() in html


@pytest.mark.parametrize("query", [{}, {"q": ""}, {"q": "x" * 101}])
def test_search_page_explains_a_missing_or_too_long_query(client, query):
    response = client.get(reverse("guides:search"), query)
    assert response.status_code == 200
    if query:
        assert b"errorlist" in response.content


def test_pages_refuse_post(client):
    assert client.post(reverse("guides:index")).status_code == 405


def count_queries(client, url, django_assert_max_num_queries, limit: int) -> None:
    with django_assert_max_num_queries(limit):
        assert client.get(url).status_code == 200


def test_index_queries_do_not_grow_with_content(client, django_assert_max_num_queries):
    for _index in range(12):
        PathwayFactory(origins=["HN", "GT"])
        OfficeFactory()
        ArticleFactory()
    count_queries(client, reverse("guides:index"), django_assert_max_num_queries, 10)


def test_document_page_queries_do_not_grow_with_offices(client, django_assert_max_num_queries):
    office = OfficeFactory()
    for _index in range(10):
        OfficeFactory(issuance=office.issuance)
    url = office.issuance.document.get_absolute_url() + f"?place={office.place_id}"
    count_queries(client, url, django_assert_max_num_queries, 14)


def test_index_shortens_long_lists_and_says_so(client, monkeypatch):
    monkeypatch.setattr("rumbo.guides.views.INDEX_LIMIT", 2)
    for _index in range(3):
        ArticleFactory()
    html = client.get(reverse("guides:index")).content.decode()
    assert html.count("/guides/articles/") == 2
    assert "Some lists are shortened" in html


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/guides/search/", {"q": "pasa\x00porte"}),
        ("/guides/", {"origin": "H\x00N"}),
        ("/api/guides/search", {"q": "pasa\x00porte"}),
    ],
)
def test_null_characters_get_a_message_not_an_error(client, url, query):
    # Refused before any view (rumbo.core.middleware.RefuseNulBytesMiddleware).
    response = client.get(url, query)
    assert response.status_code == 400
    assert b"NUL" in response.content


def test_null_character_in_a_city_gets_a_message(client):
    issuance = DocumentIssuanceFactory()
    response = client.get(issuance.document.get_absolute_url(), {"city": "San\x00"})
    assert response.status_code == 400
    assert b"NUL" in response.content


def test_office_in_the_persons_own_city_says_so(client):
    office = OfficeFactory()
    html = client.get(
        office.issuance.document.get_absolute_url(), {"place": office.place_id}
    ).content.decode()
    assert "in your municipality" in html
