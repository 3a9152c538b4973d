from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from rumbo.core.factories import PlaceFactory, country
from rumbo.guides.eligibility import Facts
from rumbo.opportunities.factories import (
    OpportunityFactory,
    OpportunityLanguageFactory,
    OpportunityRuleFactory,
)
from rumbo.opportunities.models import Opportunity
from rumbo.opportunities.selectors import (
    OpportunityFilters,
    opportunity_distance_km,
    opportunity_list_for,
    opportunity_list_public,
    opportunity_search,
    opportunity_unmet_conditions,
)

pytestmark = pytest.mark.usefixtures("no_opportunities")

TODAY = timezone.localdate()


def slugs(queryset) -> list[str]:
    return [item.slug for item in queryset]


@pytest.fixture
def origin():
    return PlaceFactory.create(name="Origen", latitude=14.0, longitude=-90.0)


def at(km_north: float, name: str):
    # 1 degree of latitude is about 111.2 km.
    return PlaceFactory.create(name=name, latitude=14.0 + km_north / 111.195, longitude=-90.0)


# --- The public list --------------------------------------------------------------------------


def test_an_opportunity_leaves_the_public_list_the_day_after_its_deadline():
    OpportunityFactory.create(slug="today", application_deadline=TODAY)
    OpportunityFactory.create(slug="yesterday", application_deadline=TODAY - timedelta(days=1))
    OpportunityFactory.create(slug="open", application_deadline=None)
    assert sorted(slugs(opportunity_list_public(today=TODAY))) == ["open", "today"]


def test_an_opportunity_that_has_ended_is_not_public():
    OpportunityFactory.create(slug="ended", ends_on=TODAY - timedelta(days=1))
    OpportunityFactory.create(slug="running", ends_on=TODAY)
    assert slugs(opportunity_list_public(today=TODAY)) == ["running"]


def test_drafts_and_archived_opportunities_are_not_public():
    OpportunityFactory.create(slug="draft", status=Opportunity.Status.DRAFT)
    OpportunityFactory.create(slug="archived", status=Opportunity.Status.ARCHIVED)
    OpportunityFactory.create(slug="published")
    assert slugs(opportunity_list_public()) == ["published"]


def test_the_public_list_follows_the_date_without_any_job():
    OpportunityFactory.create(slug="soon", application_deadline=TODAY + timedelta(days=3))
    assert slugs(opportunity_list_public(today=TODAY)) == ["soon"]
    assert slugs(opportunity_list_public(today=TODAY + timedelta(days=4))) == []


def test_without_a_place_the_soonest_deadline_comes_first_and_open_ended_last():
    OpportunityFactory.create(slug="open", application_deadline=None)
    OpportunityFactory.create(slug="later", application_deadline=TODAY + timedelta(days=30))
    OpportunityFactory.create(slug="sooner", application_deadline=TODAY + timedelta(days=2))
    assert slugs(opportunity_search(filters=OpportunityFilters())) == ["sooner", "later", "open"]


def test_nearest_first_by_the_nearest_place_each_opportunity_serves(origin):
    far, middle, near = at(300, "Lejos"), at(120, "Medio"), at(5, "Cerca")
    OpportunityFactory.create(slug="far", places=[far])
    OpportunityFactory.create(slug="middle-and-far", places=[far, middle])
    OpportunityFactory.create(slug="near", places=[near])
    found = opportunity_search(filters=OpportunityFilters(origin=origin))
    assert slugs(found) == ["near", "middle-and-far", "far"]


def test_online_and_nationwide_opportunities_count_as_where_the_person_is(origin):
    OpportunityFactory.create(slug="near", places=[at(5, "Cerca")])
    OpportunityFactory.create(slug="online", is_online=True, places=[at(400, "Lejos")])
    OpportunityFactory.create(slug="nationwide")
    found = slugs(opportunity_search(filters=OpportunityFilters(origin=origin)))
    assert found.index("near") == 2


def test_a_place_restricts_the_list_to_its_country(origin):
    OpportunityFactory.create(slug="here", places=[origin])
    OpportunityFactory.create(slug="abroad", country=country("HN"))
    assert slugs(opportunity_search(filters=OpportunityFilters(origin=origin))) == ["here"]


def test_distance_shown_is_the_great_circle_distance_to_the_nearest_place(origin):
    opportunity = OpportunityFactory.create(places=[at(120, "Medio"), at(50, "Cerca")])
    assert opportunity_distance_km(opportunity=opportunity, origin=origin) == pytest.approx(
        50, abs=0.2
    )


def test_age_filter_keeps_opportunities_whose_range_holds_the_age_bounds_included():
    OpportunityFactory.create(slug="16-24", age_min=16, age_max=24)
    OpportunityFactory.create(slug="25-plus", age_min=25)
    OpportunityFactory.create(slug="any-age")
    assert sorted(slugs(opportunity_search(filters=OpportunityFilters(age=24)))) == [
        "16-24",
        "any-age",
    ]
    assert sorted(slugs(opportunity_search(filters=OpportunityFilters(age=25)))) == [
        "25-plus",
        "any-age",
    ]


def test_free_only_hides_paid_opportunities():
    OpportunityFactory.create(slug="free")
    OpportunityFactory.create(slug="paid", is_free=False, cost="100 USD")
    assert slugs(opportunity_search(filters=OpportunityFilters(free_only=True))) == ["free"]


def test_closing_soon_keeps_deadlines_within_fourteen_days():
    OpportunityFactory.create(slug="in-14", application_deadline=TODAY + timedelta(days=14))
    OpportunityFactory.create(slug="in-15", application_deadline=TODAY + timedelta(days=15))
    OpportunityFactory.create(slug="open")
    found = opportunity_search(filters=OpportunityFilters(closing_soon=True), today=TODAY)
    assert slugs(found) == ["in-14"]


def test_language_filter_keeps_opportunities_offered_in_that_language():
    OpportunityLanguageFactory.create(opportunity__slug="miskito", code="miq")
    OpportunityLanguageFactory.create(opportunity__slug="spanish", code="spa")
    assert slugs(opportunity_search(filters=OpportunityFilters(language="miq"))) == ["miskito"]


def test_kind_filter():
    OpportunityFactory.create(slug="course")
    OpportunityFactory.create(slug="job", kind="work", subkind="job_offer")
    assert slugs(opportunity_search(filters=OpportunityFilters(kind="work"))) == ["job"]


def test_a_page_of_the_list_takes_the_same_queries_whatever_it_holds(origin):
    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as queries:
            page = list(opportunity_search(filters=OpportunityFilters(origin=origin))[:10])
            for item in page:
                opportunity_distance_km(opportunity=item, origin=origin)
                str(item.provider)
        return len(queries)

    OpportunityFactory.create(places=[at(10, "Uno")])
    one = queries_for_page()
    for index in range(9):
        OpportunityFactory.create(places=[at(20 + index, f"Sitio {index}")])
    assert queries_for_page() == one


# --- Eligibility, by the guides' engine -------------------------------------------------------


def test_age_limits_are_checked_by_the_guides_engine_with_their_message():
    opportunity = OpportunityFactory.create(age_min=16, age_max=24)
    assert opportunity_unmet_conditions(opportunity=opportunity, facts=Facts(age=20)) == []
    with translation.override("en"):
        unmet = opportunity_unmet_conditions(opportunity=opportunity, facts=Facts(age=30))
    assert unmet == ["Up to 24 years of age"]


def test_a_stored_rule_is_read_as_the_guides_read_theirs():
    rule = OpportunityRuleFactory.create(fact="nationality", operator="in", value="GT")
    opportunity = rule.opportunity
    assert (
        opportunity_unmet_conditions(opportunity=opportunity, facts=Facts(nationality="GT")) == []
    )
    assert opportunity_unmet_conditions(opportunity=opportunity, facts=Facts(nationality="HN")) == [
        rule.unmet_message
    ]


def test_an_unknown_fact_meets_a_rule_unless_it_requires_an_answer():
    lenient = OpportunityRuleFactory.create(requires_answer=False).opportunity
    strict = OpportunityRuleFactory.create(requires_answer=True).opportunity
    assert opportunity_unmet_conditions(opportunity=lenient, facts=Facts()) == []
    assert len(opportunity_unmet_conditions(opportunity=strict, facts=Facts())) == 1


# --- What a plan calls ------------------------------------------------------------------------


def test_list_for_a_person_keeps_the_kinds_of_their_goals_nearest_first(origin):
    OpportunityFactory.create(slug="course-near", places=[at(5, "Cerca")])
    OpportunityFactory.create(
        slug="job-far", kind="work", subkind="job_offer", places=[at(200, "B")]
    )
    OpportunityFactory.create(
        slug="job-near", kind="work", subkind="job_offer", places=[at(9, "C")]
    )
    fits = opportunity_list_for(facts=Facts(age=24, place_id=origin.pk), purposes=["work"])
    assert [fit.opportunity.slug for fit in fits] == ["job-near", "job-far"]
    assert fits[0].distance_km == pytest.approx(9, abs=0.2)


def test_list_for_a_person_leaves_out_what_their_facts_do_not_meet(origin):
    OpportunityFactory.create(slug="too-young", age_max=17)
    OpportunityRuleFactory.create(opportunity__slug="guatemalans", value="GT")
    OpportunityFactory.create(slug="fits")
    fits = opportunity_list_for(facts=Facts(age=24, nationality="HN", place_id=origin.pk))
    assert [fit.opportunity.slug for fit in fits] == ["fits"]


def test_list_for_a_person_stops_at_the_limit():
    for _index in range(4):
        OpportunityFactory.create()
    assert len(opportunity_list_for(facts=Facts(), limit=3)) == 3


def test_a_person_sees_what_targets_everyone_or_their_own_sex():
    OpportunityFactory.create(slug="everyone")
    OpportunityFactory.create(slug="women", sex=Opportunity.Sex.WOMEN)
    OpportunityFactory.create(slug="men", sex=Opportunity.Sex.MEN)
    found = opportunity_search(filters=OpportunityFilters(sex=Opportunity.Sex.WOMEN))
    assert sorted(slugs(found)) == ["everyone", "women"]


def test_a_person_sees_what_asks_for_no_more_schooling_than_theirs():
    OpportunityFactory.create(slug="none", schooling=Opportunity.Schooling.NONE)
    OpportunityFactory.create(slug="primary", schooling=Opportunity.Schooling.PRIMARY)
    OpportunityFactory.create(slug="higher", schooling=Opportunity.Schooling.HIGHER)
    found = opportunity_search(filters=OpportunityFilters(schooling="primary"))
    assert sorted(slugs(found)) == ["none", "primary"]
