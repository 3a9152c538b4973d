import io

import pytest
from django.core.management import call_command

from rumbo.opportunities.demo_opportunities import CALLING_CODES
from rumbo.opportunities.models import Opportunity
from rumbo.opportunities.selectors import opportunity_list_public

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]

COUNTRIES = {"MX", "GT", "HN", "SV", "NI"}


def test_demo_has_sixty_public_opportunities_in_the_five_countries():
    public = opportunity_list_public()
    assert public.count() >= 60
    assert set(public.values_list("country__code", flat=True)) == COUNTRIES


def test_demo_opportunities_come_from_at_least_twenty_partner_organisations():
    providers = set(Opportunity.objects.values_list("provider__slug", flat=True))
    assert len(providers) >= 20


def test_every_demo_opportunity_is_marked_demo_with_its_provider():
    opportunities = Opportunity.objects.select_related("provider")
    assert all(item.is_demo and item.provider.is_demo for item in opportunities)


def test_demo_offers_every_kind_of_opportunity():
    assert set(Opportunity.objects.values_list("subkind", flat=True)) == set(
        Opportunity.Subkind.values
    )


def test_demo_names_and_summaries_are_translated_in_the_four_languages():
    for item in Opportunity.objects.all():
        for code in ("es", "en", "fr", "ar"):
            assert getattr(item, f"title_{code}"), (item.slug, code)
            assert getattr(item, f"summary_{code}"), (item.slug, code)


def test_demo_contacts_are_visibly_invented():
    # Web addresses in the reserved .example domain, numbers in the fictional 555 range.
    for item in Opportunity.objects.select_related("country"):
        if item.apply_url:
            assert ".example/" in item.apply_url
        for number in (item.apply_phone, item.apply_whatsapp):
            assert not number or number.startswith(f"+{CALLING_CODES[item.country.code]}555")


def test_loading_the_demo_again_changes_nothing():
    before = sorted(Opportunity.objects.values_list("slug", "title", "application_deadline"))
    languages = Opportunity.languages.rel.related_model.objects.count()
    call_command("demo", verbosity=0, stdout=io.StringIO())
    after = sorted(Opportunity.objects.values_list("slug", "title", "application_deadline"))
    assert after == before
    assert Opportunity.languages.rel.related_model.objects.count() == languages


def test_demo_partner_login_is_printed_and_reaches_its_partner_page(client):
    from conftest import login_with_second_factor
    from rumbo.opportunities.demo import PARTNER_EMAIL, load
    from rumbo.opportunities.models import OpportunityRevision, PartnerMembership

    lines = "\n".join(load())
    assert PARTNER_EMAIL in lines
    assert "TOTP: otpauth://" in lines
    member = PartnerMembership.objects.select_related("user").get(user__email=PARTNER_EMAIL)
    assert member.is_demo
    assert (
        OpportunityRevision.objects.filter(
            organisation=member.organisation, status="pending"
        ).count()
        == 1
    )  # loading again adds no second proposal
    login_with_second_factor(client, member.user)
    response = client.get("/opportunities/partner/")
    assert response.status_code == 200
    assert response.context["opportunities"]
