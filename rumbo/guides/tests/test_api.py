import pytest

from rumbo.guides.factories import DocumentIssuanceFactory, OfficeFactory, PathwayFactory, days_ago

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def get(client, url, **params):
    return client.get(f"/api/guides{url}", params, headers={"accept-language": "en"})


def test_pathways_filter_by_origin_and_destination(client):
    body = get(client, "/pathways", origin="HN", destination="MX").json()
    assert body
    assert all(item["destination"] == "MX" and "HN" in item["origins"] for item in body)


@pytest.mark.parametrize(
    ("params", "field"),
    [({"origin": "Honduras"}, "query.origin"), ({"kind": "nope"}, "query.kind")],
)
def test_pathways_name_the_malformed_parameter(client, params, field):
    response = get(client, "/pathways", **params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == field


def test_pathway_detail_has_steps_rules_documents_and_sources(client):
    body = get(client, "/pathways/mx-temporary-resident-work").json()
    assert body["steps"]
    assert body["documents"]
    assert body["sources"]
    assert {"fact": "age", "operator": "min", "value": "18"}.items() <= body["rules"][0].items()


def test_unknown_pathway_is_404(client):
    assert get(client, "/pathways/nope").status_code == 404


def test_fit_tells_a_seventeen_year_old_why_work_pathways_do_not_fit(client):
    body = get(client, "/pathways/fit", nationality="HN", age=17, purpose="work").json()
    assert body
    assert not any(item["fits"] for item in body)
    assert "Only from 18 years of age" in body[0]["unmet_conditions"]


def test_fit_rejects_an_impossible_age(client):
    response = get(client, "/pathways/fit", age=300)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "query.age"


def test_documents_include_issuances_with_offices(client):
    body = get(client, "/documents/passport").json()
    honduras = next(item for item in body["issuances"] if item["country"] == "HN")
    assert any("San Pedro Sula" in office["city"] for office in honduras["offices"])


def test_stale_issuance_is_flagged(client):
    office = OfficeFactory(issuance__last_verified=days_ago(1000))
    body = get(client, f"/documents/{office.issuance.document.slug}").json()
    assert body["issuances"][0]["may_be_out_of_date"] is True


def test_unknown_document_and_article_are_404(client):
    assert get(client, "/documents/nope").status_code == 404
    assert get(client, "/articles/nope").status_code == 404


def test_articles_list_and_detail(client):
    listed = get(client, "/articles").json()
    assert listed
    assert get(client, f"/articles/{listed[0]['slug']}").json()["title"] == listed[0]["title"]


def test_search_tolerates_a_typo(client):
    assert get(client, "/search", q="pasporte").json()[0]["slug"] == "passport"


def test_search_requires_a_query(client):
    assert get(client, "/search").status_code == 422


def test_api_is_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/guides/pathways" in paths
    assert "/api/guides/search" in paths


def test_factories_do_not_leak_into_demo_assertions():
    # Guard: factories create rows in this test's transaction only.
    assert PathwayFactory().pk
    assert DocumentIssuanceFactory().pk
