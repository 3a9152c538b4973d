from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from rumbo.core.factories import country
from rumbo.opportunities.factories import OpportunityFactory, ProviderFactory
from rumbo.opportunities.models import Opportunity, OpportunityLanguage, OpportunityRule
from rumbo.opportunities.services import RuleSpec, opportunity_status_set, opportunity_upsert

pytestmark = pytest.mark.usefixtures("no_opportunities")

TODAY = timezone.localdate()


def fields(**overrides) -> dict:
    return {
        "kind": "learning",
        "subkind": "vocational_course",
        "title": "Curso de soldadura",
        "summary": "Curso gratuito.",
        "provider": ProviderFactory.create(),
        "country": country("GT"),
        "status": Opportunity.Status.PUBLISHED,
        "apply_url": "https://example.org/aplicar",
        **overrides,
    }


def nothing_written() -> bool:
    return not (
        Opportunity.objects.exists()
        or OpportunityLanguage.objects.exists()
        or OpportunityRule.objects.exists()
    )


def test_upsert_creates_an_opportunity_with_its_languages_and_rules():
    opportunity = opportunity_upsert(
        slug="curso",
        fields=fields(),
        languages=["spa", "quc"],
        rules=[RuleSpec(fact="nationality", operator="in", value="GT", messages={"es": "Solo GT"})],
    )
    assert sorted(opportunity.languages.values_list("code", flat=True)) == ["quc", "spa"]
    assert opportunity.rules.get().unmet_message == "Solo GT"


def test_upsert_again_replaces_languages_and_rules():
    opportunity_upsert(slug="curso", fields=fields(), languages=["spa", "quc"])
    opportunity = opportunity_upsert(slug="curso", fields=fields(), languages=["mam"])
    assert list(opportunity.languages.values_list("code", flat=True)) == ["mam"]
    assert Opportunity.objects.count() == 1


def test_a_new_opportunity_with_a_deadline_already_past_is_refused_and_nothing_is_written():
    with pytest.raises(ValidationError) as error:
        opportunity_upsert(
            slug="tarde",
            fields=fields(application_deadline=TODAY - timedelta(days=1)),
            languages=["spa"],
        )
    assert "application_deadline" in error.value.message_dict
    assert nothing_written()


def test_a_type_of_another_kind_is_refused():
    with pytest.raises(ValidationError) as error:
        opportunity_upsert(slug="mezcla", fields=fields(subkind="seed_capital"))
    assert "subkind" in error.value.message_dict
    assert nothing_written()


def test_a_paid_opportunity_must_say_what_it_costs():
    with pytest.raises(ValidationError) as error:
        opportunity_upsert(slug="pago", fields=fields(is_free=False))
    assert "cost" in error.value.message_dict


def test_an_inverted_age_range_is_refused():
    with pytest.raises(ValidationError) as error:
        opportunity_upsert(slug="edades", fields=fields(age_min=30, age_max=18))
    assert "age_max" in error.value.message_dict


def test_an_unknown_language_code_is_refused_and_nothing_is_written():
    with pytest.raises(ValidationError):
        opportunity_upsert(slug="curso", fields=fields(), languages=["xx1"])
    assert nothing_written()


def test_a_rule_malformed_for_the_guides_engine_is_refused_and_nothing_is_written():
    with pytest.raises(ValidationError) as error:
        opportunity_upsert(
            slug="curso",
            fields=fields(),
            rules=[RuleSpec(fact="nationality", operator="min", value="3", messages={"es": "x"})],
        )
    assert "operator" in error.value.message_dict
    assert nothing_written()


def test_an_age_rule_is_refused_because_ages_are_columns():
    with pytest.raises(ValidationError) as error:
        opportunity_upsert(
            slug="curso",
            fields=fields(),
            rules=[RuleSpec(fact="age", operator="min", value="18", messages={"es": "x"})],
        )
    assert "fact" in error.value.message_dict


def test_publishing_needs_a_way_to_apply():
    opportunity = OpportunityFactory.create(status=Opportunity.Status.DRAFT, apply_url="")
    with pytest.raises(ValidationError) as error:
        opportunity_status_set(opportunity=opportunity, status=Opportunity.Status.PUBLISHED)
    assert "apply_url" in error.value.message_dict
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.DRAFT


def test_an_address_that_is_not_http_is_refused():
    with pytest.raises(ValidationError) as error:
        opportunity_upsert(slug="curso", fields=fields(apply_url="javascript:alert(1)"))
    assert "apply_url" in error.value.message_dict
