"""The API says what the pages say: whether a fact was verified, against what, and how risky."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def get(client, url):
    return client.get(f"/api/guides{url}", headers={"accept-language": "en"}).json()


def test_a_demo_pathway_is_reported_not_verified_with_its_sources_edition(client):
    body = get(client, "/pathways/us-h2a-seasonal-agriculture")
    assert body["verified"] is False
    assert body["last_verified"] is None
    assert body["high_risk"] is True
    assert body["may_be_out_of_date"] is True
    editions = {source["edition"] for source in body["sources"]}
    assert any(edition.startswith("89 FR 88799") for edition in editions)
    assert all(source["accessed_on"] is None for source in body["sources"])
