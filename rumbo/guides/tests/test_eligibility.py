from typing import cast

import pytest
from django.core.exceptions import ValidationError

from rumbo.core.factories import PlaceFactory, country
from rumbo.core.geo import haversine_km
from rumbo.guides.eligibility import (
    Facts,
    document_issuance_nearest,
    document_issuance_nearest_list,
    pathway_list_for,
    pathway_open_conditions,
    pathway_queryset,
    pathway_unmet_conditions,
)
from rumbo.guides.factories import (
    DocumentIssuanceFactory,
    EligibilityRuleFactory,
    OfficeFactory,
    PathwayFactory,
)
from rumbo.guides.models import DocumentIssuance, EligibilityRule

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_guides")]
Fact = EligibilityRule.Fact
Op = EligibilityRule.Operator


def unmet(pathway, **facts) -> list[str]:
    return pathway_unmet_conditions(pathway=pathway, facts=Facts(**facts))


def test_seventeen_year_old_does_not_meet_minimum_age():
    rule = EligibilityRuleFactory(fact=Fact.AGE, operator=Op.MIN, value="18")
    assert unmet(rule.pathway, age=17) == ["Only from 18 years of age"]


def test_eighteen_year_old_meets_minimum_age():
    rule = EligibilityRuleFactory(fact=Fact.AGE, operator=Op.MIN, value="18")
    assert unmet(rule.pathway, age=18) == []


def test_maximum_age_excludes_older_people():
    rule = EligibilityRuleFactory(fact=Fact.AGE, operator=Op.MAX, value="45", unmet_message="max")
    assert unmet(rule.pathway, age=46) == ["max"]
    assert unmet(rule.pathway, age=45) == []


def test_unknown_fact_is_met_unless_the_rule_requires_an_answer():
    rule = EligibilityRuleFactory(fact=Fact.JOB_OFFER, operator=Op.IS_TRUE, value="")
    assert unmet(rule.pathway) == []
    rule.requires_answer = True
    rule.save()
    assert unmet(rule.pathway) == [rule.unmet_message]


def test_unknown_fact_is_listed_as_a_condition_to_check():
    rule = cast(
        EligibilityRule,
        EligibilityRuleFactory(
            fact=Fact.JOB_OFFER, operator=Op.IS_TRUE, value="", unmet_message="Needs a job offer"
        ),
    )
    assert pathway_open_conditions(pathway=rule.pathway, facts=Facts()) == ["Needs a job offer"]
    assert pathway_open_conditions(pathway=rule.pathway, facts=Facts(has_job_offer=True)) == []


def test_answering_no_to_a_job_offer_is_not_met():
    rule = EligibilityRuleFactory(fact=Fact.JOB_OFFER, operator=Op.IS_TRUE, value="")
    assert unmet(rule.pathway, has_job_offer=False) == [rule.unmet_message]
    assert unmet(rule.pathway, has_job_offer=True) == []


def test_nationality_rule_lists_allowed_countries_case_insensitively():
    rule = EligibilityRuleFactory(fact=Fact.NATIONALITY, operator=Op.IN, value="GT, BZ")
    assert unmet(rule.pathway, nationality="gt") == []
    assert unmet(rule.pathway, nationality="HN") == [rule.unmet_message]


def test_document_held_rule_checks_the_set_of_documents():
    rule = EligibilityRuleFactory(fact=Fact.DOCUMENT_HELD, operator=Op.IN, value="passport")
    assert unmet(rule.pathway) == [rule.unmet_message]
    assert unmet(rule.pathway, documents_held=frozenset({"passport"})) == []


def test_malformed_rule_never_lets_a_pathway_pass():
    rule = EligibilityRuleFactory(fact=Fact.AGE, operator=Op.MIN, value="eighteen")
    assert unmet(rule.pathway, age=30) == [rule.unmet_message]


def test_rule_validation_rejects_an_operator_that_does_not_fit_the_fact():
    rule = EligibilityRuleFactory.build(
        pathway=PathwayFactory(), fact=Fact.AGE, operator=Op.IS_TRUE, value=""
    )
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert "operator" in error.value.message_dict


def test_rule_validation_requires_a_number_for_age():
    rule = EligibilityRuleFactory.build(
        pathway=PathwayFactory(), fact=Fact.AGE, operator=Op.MIN, value="x"
    )
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert "value" in error.value.message_dict


def test_pathway_list_for_keeps_destination_nationality_and_purpose():
    work_mx = PathwayFactory(origins=["HN"])
    PathwayFactory(origins=["HN"], destination=country("US"))
    PathwayFactory(origins=["GT"])
    PathwayFactory(origins=["HN"], kind="study")
    found = pathway_list_for(facts=Facts(nationality="HN", destination="MX", purpose="work"))
    assert [pathway for pathway, _unmet in found] == [work_mx]


def test_pathway_list_for_puts_fitting_pathways_first():
    excluded = EligibilityRuleFactory(pathway__title="A first by title").pathway
    fitting = PathwayFactory(title="B second by title")
    found = pathway_list_for(facts=Facts(age=17))
    assert found == [(fitting, []), (excluded, ["Only from 18 years of age"])]


def test_pathway_list_for_runs_the_same_queries_for_many_pathways(django_assert_max_num_queries):
    for _index in range(30):
        EligibilityRuleFactory(pathway__origins=["HN", "GT"])
    with django_assert_max_num_queries(5):
        found = pathway_list_for(facts=Facts(nationality="HN", age=17))
        for pathway, _unmet in found:
            list(pathway.steps.all()), list(pathway.documents.all()), str(pathway.destination)
    assert len(found) == 30
    with django_assert_max_num_queries(0):  # kept in the process from now on
        assert len(pathway_list_for(facts=Facts(nationality="GT", age=30))) == 30


def test_pathway_queryset_prefetches_rules():
    EligibilityRuleFactory()
    pathway = pathway_queryset().get()
    assert "rules" in pathway._prefetched_objects_cache


def test_haversine_matches_known_distance():
    # San Pedro Sula to Tegucigalpa is about 180 km in a straight line.
    assert 170 < haversine_km(15.5042, -88.0250, 14.0818, -87.2068) < 190


def test_document_issuance_nearest_picks_the_closest_office():
    issuance = cast(DocumentIssuance, DocumentIssuanceFactory(country=country("HN")))
    near = OfficeFactory(issuance=issuance, place=PlaceFactory(latitude=15.50, longitude=-88.02))
    OfficeFactory(issuance=issuance, place=PlaceFactory(latitude=14.08, longitude=-87.20))
    found = document_issuance_nearest(
        document=issuance.document, country_code="hn", latitude=15.6, longitude=-88.0
    )
    assert found is not None
    assert found.office == near
    assert found.distance_km is not None
    assert found.distance_km < 15


def test_office_coordinates_override_the_city_centre():
    issuance = DocumentIssuanceFactory()
    office = OfficeFactory(issuance=issuance, latitude=10.0, longitude=-80.0)
    assert office.coordinates == (10.0, -80.0)


def test_document_issuance_nearest_without_position_has_no_distance():
    office = OfficeFactory()
    found = document_issuance_nearest(document=office.issuance.document, country_code="HN")
    assert found is not None
    assert (found.office, found.distance_km) == (office, None)


def test_document_issuance_nearest_is_none_in_a_country_without_issuance():
    office = OfficeFactory()
    assert document_issuance_nearest(document=office.issuance.document, country_code="GT") is None


def test_nearest_list_answers_a_whole_checklist_without_a_query_once_loaded(
    django_assert_max_num_queries, django_assert_num_queries
):
    offices = [OfficeFactory() for _index in range(5)]
    documents = [office.issuance.document for office in offices]
    with django_assert_max_num_queries(4):  # the country's issuances, offices, places, states
        document_issuance_nearest_list(documents=documents[:1], country_code="HN")
    with django_assert_num_queries(0):
        found = document_issuance_nearest_list(
            documents=documents, country_code="HN", latitude=15.0, longitude=-88.0
        )
        # What a checklist shows needs no further query.
        shown = {
            key: (
                str(value.office.place.parent),
                str(value.issuance.institution),
                str(value.issuance.country),
            )
            for key, value in found.items()
            if value.office
        }
    assert {key: value.office for key, value in found.items()} == {
        office.issuance.document_id: office for office in offices
    }
    assert len(shown) == 5


def test_nearest_list_picks_the_closest_office_like_the_single_lookup():
    issuance = cast(DocumentIssuance, DocumentIssuanceFactory(country=country("HN")))
    OfficeFactory(issuance=issuance, name="A far", place=PlaceFactory(latitude=14.0))
    near = OfficeFactory(issuance=issuance, name="B near", latitude=15.6, longitude=-88.0)
    found = document_issuance_nearest_list(
        documents=[issuance.document], country_code="HN", latitude=15.6, longitude=-88.01
    )[issuance.document_id]
    single = document_issuance_nearest(
        document=issuance.document, country_code="HN", latitude=15.6, longitude=-88.01
    )
    assert single is not None
    assert (found.office, found.distance_km) == (near, single.distance_km)


def test_nearest_list_without_position_gives_the_first_office_by_name():
    issuance = cast(DocumentIssuance, DocumentIssuanceFactory())
    OfficeFactory(issuance=issuance, name="B office")
    first = OfficeFactory(issuance=issuance, name="A office")
    found = document_issuance_nearest_list(documents=[issuance.document], country_code="HN")
    assert (found[issuance.document_id].office, found[issuance.document_id].distance_km) == (
        first,
        None,
    )


def test_nearest_list_for_an_unknown_country_is_empty():
    office = OfficeFactory()
    assert (
        document_issuance_nearest_list(documents=[office.issuance.document], country_code="ZZ")
        == {}
    )
