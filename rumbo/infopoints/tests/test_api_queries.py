"""The HSDS API reads one page, or one object, from the database: never every link."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rumbo.infopoints import hsds
from rumbo.infopoints.factories import InfoPointFactory
from rumbo.infopoints.models import InfoPointService, Service

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]
BASE = "/api/hsds"
LINKS_TABLE = InfoPointService._meta.db_table


def link_queries(client, path: str, params: dict | None = None) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params or {})
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries if LINKS_TABLE in query["sql"]]


def add_links(count: int) -> None:
    services = list(Service.objects.all()[:3])
    for _number in range(count):
        InfoPointFactory.create().services.add(*services)


def test_stored_service_at_location_ids_are_the_derived_ones():
    links = InfoPointService.objects.select_related("infopoint", "service")
    assert links.exists()
    for link in links:
        assert str(link.hsds_id) == hsds.service_at_location_id(link.infopoint, link.service.code)


def test_adding_a_service_to_a_point_stores_its_hsds_id():
    point = InfoPointFactory.create()
    service = Service.objects.get(code="legal-advice")
    point.services.add(service)
    link = InfoPointService.objects.get(infopoint=point, service=service)
    assert str(link.hsds_id) == hsds.service_at_location_id(point, service.code)


def test_service_at_location_page_is_read_with_a_limit(client):
    queries = link_queries(client, f"{BASE}/service_at_locations", {"per_page": 5})
    assert queries
    assert all("LIMIT" in sql or "COUNT(" in sql for sql in queries)


def test_service_at_location_by_id_is_found_by_a_database_filter(client):
    link = InfoPointService.objects.first()
    queries = link_queries(client, f"{BASE}/service_at_locations/{link.hsds_id}")
    assert '"hsds_id" =' in queries[0]
    assert all("WHERE" in sql for sql in queries)


def test_services_page_is_read_with_a_limit(client):
    queries = link_queries(client, f"{BASE}/services", {"per_page": 5})
    assert queries
    assert all("LIMIT" in sql or "COUNT(" in sql for sql in queries)


def test_organizations_page_is_read_with_a_limit(client):
    with CaptureQueriesContext(connection) as captured:
        client.get(f"{BASE}/organizations", {"per_page": 5})
    listing = [q["sql"] for q in captured.captured_queries if "core_organisation" in q["sql"]]
    assert any("LIMIT" in sql for sql in listing)


@pytest.mark.parametrize("path", ["service_at_locations", "services", "organizations"])
def test_queries_for_a_page_do_not_grow_with_the_links(client, django_assert_max_num_queries, path):
    params = {"per_page": 10, "full": "true"}
    with CaptureQueriesContext(connection) as captured:
        client.get(f"{BASE}/{path}", params)
    add_links(30)
    with django_assert_max_num_queries(len(captured.captured_queries)):
        assert client.get(f"{BASE}/{path}", params).status_code == 200
