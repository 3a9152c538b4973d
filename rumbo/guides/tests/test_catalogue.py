from typing import cast

import pytest

from rumbo.core.factories import country
from rumbo.guides import catalogue as catalogue_module
from rumbo.guides.catalogue import catalogue, issuances_in
from rumbo.guides.eligibility import Facts, pathway_list_for
from rumbo.guides.factories import (
    DocumentFactory,
    DocumentIssuanceFactory,
    EligibilityRuleFactory,
    OfficeFactory,
    PathwayFactory,
)
from rumbo.guides.models import EligibilityRule, Pathway

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_guides")]


def titles(**facts) -> list[str]:
    return [pathway.title for pathway, _unmet in pathway_list_for(facts=Facts(**facts))]


def test_loads_pathways_with_their_origin_codes():
    pathway = PathwayFactory(origins=["HN", "GT"])
    kept = catalogue()
    assert [p.pk for p in kept.pathways] == [pathway.pk]
    assert kept.origins[pathway.pk] == {"HN", "GT"}


def test_is_kept_between_calls(django_assert_num_queries):
    PathwayFactory()
    first = catalogue()
    with django_assert_num_queries(0):
        assert catalogue() is first


def test_a_saved_pathway_shows_in_the_next_plan():
    pathway = cast(Pathway, PathwayFactory(title="Old title"))
    assert titles(nationality="HN") == ["Old title"]
    pathway.title = "New title"
    pathway.save()
    assert titles(nationality="HN") == ["New title"]


def test_a_new_rule_applies_at_once():
    pathway = PathwayFactory()
    assert pathway_list_for(facts=Facts(age=17))[0][1] == []
    EligibilityRuleFactory(pathway=pathway, fact=EligibilityRule.Fact.AGE, value="18")
    assert pathway_list_for(facts=Facts(age=17))[0][1] == ["Only from 18 years of age"]


def test_changed_origin_countries_apply_at_once():
    pathway = PathwayFactory(origins=["HN"])
    assert titles(nationality="GT") == []
    pathway.origin_countries.add(country("GT"))
    assert titles(nationality="GT") == [pathway.title]


def test_added_required_document_applies_at_once():
    pathway = PathwayFactory()
    catalogue()
    document = DocumentFactory()
    pathway.documents.add(document)
    assert list(catalogue().pathways[0].documents.all()) == [document]


def test_a_deleted_pathway_is_gone_at_once():
    pathway = PathwayFactory()
    assert len(catalogue().pathways) == 1
    Pathway.objects.filter(pk=pathway.pk).delete()
    assert catalogue().pathways == ()


def test_other_processes_reload_after_the_cache_time(monkeypatch):
    PathwayFactory(title="Kept")
    catalogue()
    # A change made by another process sends no signal here: bulk updates send none either.
    Pathway.objects.update(title="Changed elsewhere")
    assert titles() == ["Kept"]
    monkeypatch.setattr(catalogue_module._pathways, "seconds", 0)
    assert titles() == ["Changed elsewhere"]


def test_a_change_clears_the_catalogue_again_when_committed(django_capture_on_commit_callbacks):
    pathway = PathwayFactory()
    with django_capture_on_commit_callbacks(execute=True):
        pathway.save()
        # Loaded before the commit (by another thread, which would read the old rows).
        catalogue()
        assert "all" in catalogue_module._pathways
    assert "all" not in catalogue_module._pathways


def test_destination_code_change_applies_at_once():
    PathwayFactory(destination=country("MX"))
    assert titles(destination="MX")
    mexico = country("MX")
    mexico.code = "ZZ"
    mexico.save()
    assert titles(destination="MX") == []


def test_issuances_are_kept_per_country():
    honduras = DocumentIssuanceFactory(country=country("HN"))
    guatemala = DocumentIssuanceFactory(country=country("GT"), document=honduras.document)
    assert issuances_in("hn").by_document == {honduras.document_id: honduras}
    assert issuances_in("GT").by_document == {guatemala.document_id: guatemala}


def test_a_new_office_is_offered_at_once():
    issuance = DocumentIssuanceFactory(country=country("HN"))
    assert issuances_in("HN").offices == {}
    office = OfficeFactory(issuance=issuance)
    assert issuances_in("HN").offices == {issuance.pk: [office]}


def test_a_renamed_institution_shows_at_once():
    issuance = DocumentIssuanceFactory(country=country("HN"))
    issuances_in("HN")
    issuance.institution.name = "Renamed institution"
    issuance.institution.save()
    kept = issuances_in("HN").by_document[issuance.document_id]
    assert kept.institution.name == "Renamed institution"
