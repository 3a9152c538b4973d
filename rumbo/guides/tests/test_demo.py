import pytest
from django.conf import settings
from django.db.models import Count
from django.utils import translation

from rumbo.guides import demo
from rumbo.guides.eligibility import Facts, pathway_list_for
from rumbo.guides.models import (
    Article,
    Document,
    DocumentIssuance,
    EligibilityRule,
    Office,
    Pathway,
    PathwayStep,
    SearchTerm,
    Source,
)
from rumbo.guides.selectors import guide_search

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]
ORIGINS = ["MX", "GT", "HN", "SV", "NI"]
LANGUAGES = [code for code, _name in settings.LANGUAGES]
MODELS = [Source, Document, DocumentIssuance, Office, Pathway, PathwayStep, EligibilityRule]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in [*MODELS, Article, SearchTerm]}


def test_loading_the_demo_twice_keeps_the_same_counts():
    before = counts()
    demo.load()
    assert counts() == before


@pytest.mark.parametrize("code", ORIGINS)
def test_each_origin_country_has_three_pathways_and_six_documents(code):
    assert Pathway.objects.filter(origin_countries__code=code).count() >= 3
    assert DocumentIssuance.objects.filter(country__code=code).count() >= 6


def test_every_issuance_has_a_source_and_an_office_in_a_gazetteer_city():
    issuances = DocumentIssuance.objects.annotate(
        offices_count=Count("offices"), sources_count=Count("sources")
    )
    assert all(issuance.sources_count for issuance in issuances)
    # Minors' authorisations made before a notary have no office to send anyone to.
    without_office = {
        (issuance.document.slug, issuance.country.code)
        for issuance in issuances.select_related("document", "country")
        if not issuance.offices_count
    }
    assert without_office == {
        ("minor-travel-permit", "GT"),
        ("minor-travel-permit", "SV"),
        ("minor-travel-permit", "HN"),
    }
    assert not Office.objects.exclude(place__kind="city").exists()


def test_passport_office_in_san_pedro_sula():
    assert Office.objects.filter(
        issuance__document__slug="passport", place__name="San Pedro Sula"
    ).exists()


@pytest.mark.parametrize("model", [Pathway, Article])
def test_every_record_cites_sources_and_is_marked_demo(model):
    records = model.objects.annotate(sources_count=Count("sources"))
    assert all(record.sources_count and record.is_demo for record in records)


@pytest.mark.parametrize(
    ("model", "fields"),
    [(Pathway, ["title", "summary"]), (Article, ["title", "summary"]), (Document, ["name"])],
)
def test_titles_and_summaries_exist_in_every_language(model, fields):
    missing = [
        (record.slug, f"{field}_{language}")
        for record in model.objects.all()
        for field in fields
        for language in LANGUAGES
        if not getattr(record, f"{field}_{language}")
    ]
    assert missing == []


def test_rule_messages_exist_in_every_language():
    missing = [
        (rule.pk, language)
        for rule in EligibilityRule.objects.all()
        for language in LANGUAGES
        if not getattr(rule, f"unmet_message_{language}")
    ]
    assert missing == []


def test_bodies_exist_in_spanish_and_english():
    for model in (Pathway, Article):
        assert not model.objects.filter(body_es="").exists()
        assert not model.objects.filter(body_en="").exists()


def test_honduran_adult_wanting_work_in_mexico_gets_a_fitting_work_pathway():
    found = pathway_list_for(
        facts=Facts(nationality="HN", age=24, purpose="work", destination="MX")
    )
    fitting = [pathway.slug for pathway, unmet in found if not unmet]
    assert "mx-temporary-resident-work" in fitting
    assert "mx-border-worker-card" not in [pathway.slug for pathway, _unmet in found]


def test_seventeen_year_old_fails_every_work_pathway_with_the_age_message():
    with translation.override("en"):
        found = pathway_list_for(facts=Facts(nationality="HN", age=17, purpose="work"))
    assert found
    assert all("Only from 18 years of age" in unmet for _pathway, unmet in found)


def test_seventeen_year_old_still_fits_asylum_and_ca4():
    found = pathway_list_for(facts=Facts(nationality="HN", age=17, purpose="migrate"))
    fitting = {pathway.kind for pathway, unmet in found if not unmet}
    assert {"asylum", "free_mobility"} <= fitting


def test_border_worker_card_is_not_for_hondurans():
    card = Pathway.objects.get(slug="mx-border-worker-card")
    assert not card.origin_countries.filter(code="HN").exists()


@pytest.mark.parametrize("query", ["pasaportes", "pasaporte", "pasporte", "PASAPORTE"])
def test_demo_search_finds_the_passport_first(query):
    assert guide_search(query=query, language="es")[0].item.slug == "passport"
