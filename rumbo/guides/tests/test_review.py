from typing import cast

import pytest
from django.core.cache import cache
from django.utils import timezone

from rumbo.guides.factories import (
    DocumentIssuanceFactory,
    PathwayFactory,
    SourceFactory,
    days_ago,
)
from rumbo.guides.models import DocumentIssuance, LinkCheck, Pathway, Source
from rumbo.guides.review import USAGE_CACHE_KEY, PlanUsage, plan_usage, review_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def usage(monkeypatch):
    counts = PlanUsage()
    monkeypatch.setattr("rumbo.guides.review.plan_usage", lambda: counts)
    return counts


@pytest.mark.usefixtures("no_guides")
def test_unverified_facts_come_first_then_by_how_many_plans_use_them(usage, settings):
    settings.RUMBO_CONTENT_MAX_AGE_DAYS = 30
    stale_popular = PathwayFactory(title="Stale", last_verified=days_ago(90))
    rare = PathwayFactory(title="Rare", last_verified=None)
    popular = PathwayFactory(title="Popular", last_verified=None)
    PathwayFactory(title="Fresh")
    usage.pathways.update({popular.pk: 7, rare.pk: 1, stale_popular.pk: 50})
    queue = [item.record for item in review_queue()]
    assert queue == [popular, rare, stale_popular]


@pytest.mark.usefixtures("no_guides")
def test_a_fact_citing_a_broken_or_moved_link_is_queued_with_the_reason(usage):
    source = cast(Source, SourceFactory(url="https://gone.example/page"))
    pathway = cast(Pathway, PathwayFactory(title="Fresh but linked"))
    pathway.sources.add(source)
    issuance = cast(
        DocumentIssuance, DocumentIssuanceFactory(official_url="https://moved.example/")
    )
    for url, outcome in [
        ("https://gone.example/page", LinkCheck.Outcome.BROKEN),
        ("https://moved.example/", LinkCheck.Outcome.MOVED),
    ]:
        LinkCheck.objects.create(url=url, outcome=outcome, checked_at=timezone.now())
    items = {item.record: item for item in review_queue()}
    assert "https://gone.example/page" in " ".join(items[pathway].reasons)
    assert "https://moved.example/" in " ".join(items[issuance].reasons)


@pytest.mark.usefixtures("demo_data")
def test_plan_usage_counts_the_plans_a_pathway_fits():
    from rumbo.core.models import Place
    from rumbo.plans.engine import flow_load
    from rumbo.plans.services import plan_create_from_answers
    from rumbo.plans.tests.conftest import answers_for

    work = Pathway.objects.get(slug="mx-temporary-resident-work")
    cache.delete(USAGE_CACHE_KEY)
    before = plan_usage().pathways[work.pk]
    flow = flow_load()
    assert flow is not None
    place = Place.objects.filter(country__code="HN", kind="city", name="San Pedro Sula").first()
    assert place is not None
    plan_create_from_answers(flow=flow, answers=answers_for(place))
    assert plan_usage().pathways[work.pk] == before  # kept for USAGE_CACHE_SECONDS
    cache.delete(USAGE_CACHE_KEY)
    assert plan_usage().pathways[work.pk] == before + 1
