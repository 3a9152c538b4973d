"""The API's HSDS services of opportunities and its `modified_after` filters."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rumbo.infopoints.hsds_validation import hsds_errors
from rumbo.opportunities import hsds
from rumbo.opportunities.factories import OpportunityFactory
from rumbo.opportunities.models import Opportunity

pytestmark = pytest.mark.django_db
HSDS = "/api/opportunities/hsds/services"


@pytest.fixture
def old_and_new(no_opportunities):
    old = OpportunityFactory.create(title="Vieja")
    new = OpportunityFactory.create(title="Nueva")
    moment = timezone.now() - timedelta(days=1)
    Opportunity.objects.filter(pk=old.pk).update(updated_at=moment - timedelta(days=1))
    return old, new, moment


def test_hsds_page_holds_valid_services(client, old_and_new):
    page = client.get(HSDS).json()
    assert page["total_items"] == 2
    for service in page["contents"]:
        assert hsds_errors(object_name="service", instance=service) == []


def test_hsds_modified_after_lists_only_later_changes(client, old_and_new):
    _old, new, moment = old_and_new
    page = client.get(HSDS, {"modified_after": moment.isoformat()}).json()
    assert [service["name"] for service in page["contents"]] == [new.title]


def test_list_api_modified_after_filters_too(client, old_and_new):
    _old, new, moment = old_and_new
    response = client.get("/api/opportunities/", {"modified_after": moment.isoformat()})
    assert [item["slug"] for item in response.json()["items"]] == [new.slug]


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "9" * 400, "\u0661"])
def test_bad_modified_after_is_422_naming_the_field(client, value):
    response = client.get(HSDS, {"modified_after": value})
    assert response.status_code == 422
    assert "modified_after" in response.content.decode()


def test_hsds_service_by_id(client, old_and_new):
    old, _new, _moment = old_and_new
    response = client.get(f"{HSDS}/{hsds.service_id(old)}")
    assert response.status_code == 200
    assert response.json()["name"] == old.title
    assert client.get(f"{HSDS}/00000000-0000-0000-0000-000000000000").status_code == 404
    assert client.get(f"{HSDS}/nonsense").status_code == 404
