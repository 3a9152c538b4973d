import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def test_openapi_document_is_served(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert "/api/core/places" in response.json()["paths"]


def test_api_docs_page_loads_without_third_party_assets(client):
    html = client.get("/api/docs").content.decode()
    assert "cdn." not in html


def test_places_endpoint_finds_places_ignoring_accents(client):
    found = client.get("/api/core/places", {"q": "tapachula"}).json()
    assert found[0]["name"] == "Tapachula"
    assert found[0]["state"] == "Chiapas"
    assert found[0]["country"] == "MX"


def test_places_endpoint_names_the_missing_parameter(client):
    response = client.get("/api/core/places")
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"].endswith("q")
