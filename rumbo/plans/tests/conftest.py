import pytest
from django.core.cache import cache
from django.utils import timezone

from rumbo.core.models import Country, Organisation, Place
from rumbo.guides.models import (
    Document,
    DocumentIssuance,
    EligibilityRule,
    Office,
    Pathway,
    PathwayStep,
)
from rumbo.plans.engine import Flow, flow_cache_clear, flow_load


@pytest.fixture(autouse=True)
def _fresh_flow_and_limits(settings):
    # Each test sees the questionnaire as its database holds it, and no earlier test's
    # plan creations count against the rate limit (the cache may be a shared Redis).
    flow_cache_clear()
    settings.RUMBO_PLAN_CREATE_RATE = "1000/m"
    yield
    flow_cache_clear()


@pytest.fixture
def flow(demo_data, db) -> Flow:
    loaded = flow_load()
    assert loaded is not None
    return loaded


@pytest.fixture
def san_pedro_sula(demo_data, db) -> Place:
    return Place.objects.get(country__code="HN", kind="city", name="San Pedro Sula")


def answers_for(place: Place, **changes) -> dict:
    answers = {
        "country": "HN",
        "place": place.pk,
        "age": 24,
        "goal": "migrate",
        "destination": "MX",
        "purpose": "work",
        "situation": ["job-offer"],
        "documents": ["national-id"],
    }
    return answers | changes


@pytest.fixture
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def work_content(demo_data, db, san_pedro_sula):
    """Two work pathways from Honduras to Mexico (one from 18 with a job offer, one without
    an age limit), one visitor pathway, and where to get a passport in Honduras."""
    honduras, mexico = Country.objects.get(code="HN"), Country.objects.get(code="MX")
    today = timezone.localdate()
    passport = Document.objects.update_or_create(
        slug="passport", defaults={"kind": "travel", "name": "Pasaporte", "name_es": "Pasaporte"}
    )[0]
    national_id = Document.objects.update_or_create(
        slug="national-id", defaults={"kind": "identity", "name": "DNI", "name_es": "DNI"}
    )[0]
    record = Document.objects.update_or_create(
        slug="criminal-record",
        defaults={"kind": "police", "name": "Antecedentes", "name_es": "Antecedentes"},
    )[0]
    institution = Organisation.objects.update_or_create(
        slug="test-inm-hn",
        defaults={"name": "Instituto Nacional de Migración", "kind": "government"},
    )[0]
    issuance = DocumentIssuance.objects.update_or_create(
        document=passport,
        country=honduras,
        defaults={
            "institution": institution,
            "cost": "USD 60",
            "what_to_bring": "DNI",
            "last_verified": today,
        },
    )[0]
    tegucigalpa = Place.objects.filter(country=honduras, kind="city", name="Tegucigalpa").first()
    Office.objects.filter(issuance=issuance).delete()
    Office.objects.create(
        issuance=issuance,
        name="Oficina San Pedro Sula",
        name_es="Oficina San Pedro Sula",
        name_en="Oficina San Pedro Sula",
        address="Barrio Guamilito",
        place=san_pedro_sula,
    )
    if tegucigalpa:
        Office.objects.create(
            issuance=issuance, name="Oficina Tegucigalpa", address="Centro", place=tegucigalpa
        )

    def pathway(slug, kind, title, rules, documents):
        found = Pathway.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "destination": mexico,
                "title": title,
                "title_es": title,
                "summary": "Resumen",
                "last_verified": today,
            },
        )[0]
        found.origin_countries.set([honduras])
        found.documents.set(documents)
        found.rules.all().delete()
        for fact, operator, value, message in rules:
            EligibilityRule.objects.create(
                pathway=found,
                fact=fact,
                operator=operator,
                value=value,
                unmet_message=message,
                unmet_message_es=message,
            )
        found.steps.all().delete()
        PathwayStep.objects.create(pathway=found, order=1, title=f"Paso 1 de {title}")
        return found

    Pathway.objects.filter(destination=mexico).exclude(slug__startswith="test-").delete()
    return {
        "adult": pathway(
            "test-work-permit",
            "temporary_work",
            "Visa de trabajo",
            [
                ("age", "min", "18", "Desde los 18 años"),
                ("job_offer", "is_true", "", "Con oferta de empleo"),
            ],
            [passport, record, national_id],
        ),
        "border": pathway(
            "test-border-worker",
            "seasonal_work",
            "Trabajo fronterizo",
            [],
            [passport],
        ),
        "visitor": pathway("test-visitor", "visitor", "Visitante", [], [passport]),
        "passport": passport,
    }
