import pytest

from rumbo.plans.selectors import plan_facts, plan_summary
from rumbo.plans.services import plan_create_from_answers
from rumbo.plans.tests.conftest import answers_for

pytestmark = pytest.mark.django_db


def summary_for(flow, place, **changes):
    plan = plan_create_from_answers(flow=flow, answers=answers_for(place, **changes))
    return plan_summary(flow=flow, plan=plan)


def titles(pathways):
    return sorted(pathway.title for pathway, _messages in pathways)


def test_plan_facts_match_the_answers(flow, san_pedro_sula):
    plan = plan_create_from_answers(flow=flow, answers=answers_for(san_pedro_sula))
    facts = plan_facts(flow=flow, plan=plan)
    assert (facts.nationality, facts.age, facts.purpose, facts.destination) == (
        "HN",
        24,
        "work",
        "MX",
    )
    assert facts.has_job_offer is True
    assert facts.documents_held == frozenset({"national-id"})
    assert facts.place_id == san_pedro_sula.pk


def test_adult_with_a_job_offer_fits_the_work_pathways(flow, san_pedro_sula, work_content):
    summary = summary_for(flow, san_pedro_sula)
    assert titles(summary.fitting) == ["Trabajo fronterizo", "Visa de trabajo"]
    assert summary.unfit == []
    assert "Visitante" not in titles(summary.fitting)  # not a work pathway


def test_seventeen_year_old_sees_the_unmet_age_condition(flow, san_pedro_sula, work_content):
    summary = summary_for(flow, san_pedro_sula, age=17)
    assert titles(summary.fitting) == ["Trabajo fronterizo"]
    assert [(p.title, unmet) for p, unmet in summary.unfit] == [
        ("Visa de trabajo", ["Desde los 18 años"])
    ]


def test_without_a_job_offer_the_condition_is_unmet(flow, san_pedro_sula, work_content):
    summary = summary_for(flow, san_pedro_sula, situation=[])
    assert [(p.title, unmet) for p, unmet in summary.unfit] == [
        ("Visa de trabajo", ["Con oferta de empleo"])
    ]


def test_when_nothing_asked_for_fits_other_fitting_ways_are_offered(
    flow, san_pedro_sula, work_content
):
    work_content["border"].rules.create(
        fact="age", operator="min", value="18", unmet_message="Desde los 18 años"
    )
    summary = summary_for(flow, san_pedro_sula, age=17)
    assert summary.fitting == []
    assert titles(summary.other_fitting) == ["Visitante"]


def test_checklist_is_merged_deduplicated_and_omits_documents_held(
    flow, san_pedro_sula, work_content
):
    summary = summary_for(flow, san_pedro_sula)
    slugs = [item.document.slug for item in summary.checklist]
    assert sorted(slugs) == ["criminal-record", "passport"]  # passport once, national-id held
    passport = next(item for item in summary.checklist if item.document.slug == "passport")
    assert sorted(passport.needed_for) == ["Trabajo fronterizo", "Visa de trabajo"]
    assert [document.slug for document in summary.held] == ["national-id"]


def test_checklist_says_where_to_get_the_passport_nearest_home(flow, san_pedro_sula, work_content):
    summary = summary_for(flow, san_pedro_sula)
    passport = next(item for item in summary.checklist if item.document.slug == "passport")
    assert passport.nearest.office.name == "Oficina San Pedro Sula"
    assert passport.nearest.distance_km == 0
    assert passport.nearest.issuance.cost == "USD 60"


def test_no_pathways_when_the_person_does_not_want_to_migrate(flow, san_pedro_sula, work_content):
    summary = summary_for(flow, san_pedro_sula, goal="study")
    assert summary.fitting == summary.unfit == summary.checklist == []


def test_plan_page_shows_fits_unmet_and_where_to_get_documents(
    client, flow, san_pedro_sula, work_content
):
    plan = plan_create_from_answers(flow=flow, answers=answers_for(san_pedro_sula, age=17))
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "Trabajo fronterizo" in html
    assert "Todavía no para ti" in html
    assert "Desde los 18 años" in html
    assert "Oficina San Pedro Sula" in html
    assert "Barrio Guamilito" in html
    assert "USD 60" in html


def test_plan_page_uses_a_fixed_number_of_queries(
    client, flow, san_pedro_sula, work_content, django_assert_max_num_queries
):
    plan = plan_create_from_answers(flow=flow, answers=answers_for(san_pedro_sula))
    client.get(plan.get_absolute_url())
    with django_assert_max_num_queries(40):
        client.get(plan.get_absolute_url())


def test_protection_is_listed_apart_never_as_a_way_to_work(flow, san_pedro_sula, work_content):
    asylum = work_content["visitor"]
    asylum.kind = "asylum"
    asylum.save()
    work_content["border"].rules.create(
        fact="age", operator="min", value="18", unmet_message="Desde los 18 años"
    )
    summary = summary_for(flow, san_pedro_sula, age=17)
    assert summary.other_fitting == []
    assert titles(summary.protection) == ["Visitante"]


def test_when_nothing_fits_the_checklist_prepares_for_what_will(flow, san_pedro_sula, work_content):
    work_content["border"].rules.create(
        fact="age", operator="min", value="18", unmet_message="Desde los 18 años"
    )
    work_content["visitor"].delete()
    summary = summary_for(flow, san_pedro_sula, age=17)
    assert summary.fitting == summary.other_fitting == []
    assert "passport" in [item.document.slug for item in summary.checklist]


def working_here(flow, place):
    """A 24-year-old in `place` whose only goal is to work where they live."""
    return plan_create_from_answers(
        flow=flow,
        answers={"country": "HN", "place": place.pk, "age": 24, "goal": ["work"], "documents": []},
    )


def test_working_here_gets_local_work_opportunities_nearest_first(flow, san_pedro_sula):
    summary = plan_summary(flow=flow, plan=working_here(flow, san_pedro_sula))
    assert summary.opportunities
    assert {fit.opportunity.kind for fit in summary.opportunities} == {"work"}
    distances = [fit.distance_km or 0 for fit in summary.opportunities]
    assert distances == sorted(distances)


def test_working_here_also_gets_the_regular_work_pathways_abroad(
    flow, san_pedro_sula, work_content
):
    summary = plan_summary(flow=flow, plan=working_here(flow, san_pedro_sula))
    # The work permit asks for a job offer: only what fits is listed.
    assert "Trabajo fronterizo" in [pathway.title for pathway in summary.abroad]
    assert "Visa de trabajo" not in [pathway.title for pathway in summary.abroad]
    assert "Visitante" not in [pathway.title for pathway in summary.abroad]


def test_plan_page_of_working_here_shows_both_roads_and_no_empty_heading(
    client, flow, san_pedro_sula, work_content
):
    plan = working_here(flow, san_pedro_sula)
    html = client.get(plan.get_absolute_url()).content.decode()
    summary = plan_summary(flow=flow, plan=plan)
    assert summary.opportunities[0].opportunity.get_absolute_url() in html
    assert f'href="{work_content["border"].get_absolute_url()}"' in html
    assert "Documentos que debes sacar" not in html


def test_plan_with_no_fitting_pathway_shows_no_empty_document_heading(
    client, flow, san_pedro_sula, work_content
):
    for pathway in ("border", "visitor", "adult"):
        work_content[pathway].rules.create(
            fact="age", operator="min", value="30", unmet_message="Desde los 30 años"
        )
        work_content[pathway].documents.clear()
    plan = plan_create_from_answers(flow=flow, answers=answers_for(san_pedro_sula))
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "Desde los 30 años" in html
    assert "Documentos que debes sacar" not in html


def test_plan_page_links_unmet_pathways_to_their_guide_pages(
    client, flow, san_pedro_sula, work_content
):
    plan = plan_create_from_answers(flow=flow, answers=answers_for(san_pedro_sula, age=17))
    html = client.get(plan.get_absolute_url()).content.decode()
    assert f'href="{work_content["adult"].get_absolute_url()}"' in html
