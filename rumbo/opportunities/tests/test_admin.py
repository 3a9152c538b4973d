import pytest
from django.urls import reverse

from conftest import login_with_second_factor
from rumbo.accounts.factories import UserFactory
from rumbo.opportunities.factories import OpportunityFactory, OpportunityRuleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_list_and_an_opportunity_with_its_rules_open_in_the_admin(admin_client):
    rule = OpportunityRuleFactory.create()
    listing = admin_client.get(reverse("admin:opportunities_opportunity_changelist"))
    assert listing.status_code == 200
    change = admin_client.get(
        reverse("admin:opportunities_opportunity_change", args=[rule.opportunity.pk])
    )
    assert change.status_code == 200
    assert 'name="rules-0-unmet_message_es"' in change.content.decode()


def test_the_admin_search_finds_an_opportunity_by_title(admin_client):
    OpportunityFactory.create(title="Curso de soldadura")
    response = admin_client.get(
        reverse("admin:opportunities_opportunity_changelist"), {"q": "soldadura"}
    )
    assert "Curso de soldadura" in response.content.decode()
