import pytest

from rumbo.infopoints.hsds_validation import hsds_errors
from rumbo.infopoints.models import InfoPoint, Service

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]
BASE = "/api/hsds"
PAGE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


def test_root_describes_the_api(client):
    data = client.get(f"{BASE}/").json()
    assert data["version"] == "3.0"
    assert data["openapi_url"].endswith("/api/openapi.json")


def test_services_are_paginated_as_the_specification_says(client):
    first = client.get(f"{BASE}/services", {"per_page": 5}).json()
    assert set(first) == PAGE_KEYS
    assert first["size"] == 5
    assert first["first_page"] is True
    assert first["last_page"] is False
    assert first["total_pages"] == -(-first["total_items"] // 5)
    last = client.get(f"{BASE}/services", {"per_page": 5, "page": first["total_pages"]}).json()
    assert last["last_page"] is True
    ids = {item["id"] for item in first["contents"]} & {item["id"] for item in last["contents"]}
    assert ids == set()


def test_listed_services_validate_and_full_ones_too(client):
    page = client.get(f"{BASE}/services", {"per_page": 3, "full": "true"}).json()
    for service in page["contents"]:
        assert hsds_errors(object_name="service", instance=service) == []
        assert service["service_at_locations"]


def test_service_by_id_is_fully_nested(client):
    listed = client.get(f"{BASE}/services", {"per_page": 1}).json()["contents"][0]
    service = client.get(f"{BASE}/services/{listed['id']}").json()
    assert service["id"] == listed["id"]
    assert hsds_errors(object_name="service", instance=service) == []
    assert service["organization"]["id"] == listed["organization_id"]


def test_services_filter_by_taxonomy_term(client):
    legal = Service.objects.get(code="legal-advice")
    page = client.get(f"{BASE}/services", {"taxonomy_term_id": str(legal.uuid)}).json()
    assert page["total_items"] > 0
    for service in page["contents"]:
        assert service["attributes"][0]["taxonomy_term_id"] == str(legal.uuid)


def test_unknown_service_is_not_found(client):
    assert client.get(f"{BASE}/services/00000000-0000-0000-0000-000000000000").status_code == 404


def test_organizations_list_and_detail(client):
    page = client.get(f"{BASE}/organizations", {"per_page": 100}).json()
    assert page["total_items"] == page["size"] >= 5
    organisation = client.get(f"{BASE}/organizations/{page['contents'][0]['id']}").json()
    assert hsds_errors(object_name="organization", instance=organisation) == []
    assert organisation["locations"]


def test_service_at_locations_proximity_orders_by_distance(client):
    tapachula = InfoPoint.objects.get(slug="tapachula-centro")
    page = client.get(
        f"{BASE}/service_at_locations",
        {"proximity": f"{tapachula.latitude},{tapachula.longitude},20000", "per_page": 200},
    ).json()
    location_ids = [item["location_id"] for item in page["contents"]]
    assert location_ids[0] == str(tapachula.uuid)
    near = {str(p.uuid) for p in InfoPoint.objects.filter(place__name="Tapachula")}
    assert near <= set(location_ids)
    assert str(InfoPoint.objects.get(slug="managua-centro").uuid) not in location_ids


def test_service_at_locations_full_nests_a_valid_location(client):
    page = client.get(f"{BASE}/service_at_locations", {"per_page": 2, "full": "true"}).json()
    for item in page["contents"]:
        assert hsds_errors(object_name="service_at_location", instance=item) == []
        assert item["location"]["id"] == item["location_id"]


@pytest.mark.parametrize(
    "query",
    [
        {"proximity": "far"},
        {"proximity": "1000"},
        {"proximity": "95,0,1000"},
        {"proximity": "14,-90,-5"},
        {"proximity": "500", "postcode": "00000"},
        {"page": "0"},
        {"per_page": "100000"},
        {"per_page": "abc"},
    ],
)
def test_malformed_parameters_get_a_clear_error_not_a_server_error(client, query):
    response = client.get(f"{BASE}/service_at_locations", query)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_taxonomy_terms_list_the_service_codes(client):
    page = client.get(f"{BASE}/taxonomy_terms", {"per_page": 100}).json()
    codes = {term["code"] for term in page["contents"]}
    assert {"legal-advice", "psychosocial-support", "return-reintegration"} <= codes


def test_service_at_location_by_id(client):
    listed = client.get(f"{BASE}/service_at_locations", {"per_page": 1}).json()["contents"][0]
    item = client.get(f"{BASE}/service_at_locations/{listed['id']}").json()
    assert item["location_id"] == listed["location_id"]
    assert hsds_errors(object_name="service_at_location", instance=item) == []
    assert client.get(f"{BASE}/service_at_locations/nope").status_code == 404
