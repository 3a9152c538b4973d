import datetime

import pytest

from rumbo.measurement import counters

COUNTING = "rumbo.measurement.middleware.CountingMiddleware"


class FakeCampaignSite:
    """Stands for the campaign sites' middleware (issue 13): a request to
    <slug>.campaign.test is a request to that campaign's site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from rumbo.campaigns.models import Campaign

        host = request.get_host().split(":")[0]
        if host.endswith(".campaign.test"):
            request.campaign = Campaign.objects.filter(slug=host.split(".")[0]).first()
        return self.get_response(request)


@pytest.fixture(autouse=True)
def no_earlier_counts(request):
    """Each test starts from empty measurement tables: the session's demo data (90 days of
    aggregates) and counts flushed by other apps' tests are deleted inside the test's
    transaction, so they come back afterwards. The demo's own test keeps them."""
    if request.module.__name__.endswith("test_demo"):
        return
    if "db" not in request.fixturenames and not request.node.get_closest_marker("django_db"):
        return
    request.getfixturevalue("db")
    from rumbo.measurement.models import (
        DailyCount,
        Indicator,
        MonthlyCount,
        SocialResult,
        TrackedLink,
    )

    for model in (DailyCount, MonthlyCount, SocialResult, Indicator, TrackedLink):
        model.objects.all().delete()


@pytest.fixture(autouse=True)
def counting(settings):
    """The counting middleware outermost, as in config/settings.py; empty counters."""
    middleware = [m for m in settings.MIDDLEWARE if m != COUNTING]
    settings.MIDDLEWARE = [middleware[0], COUNTING, *middleware[1:]]
    # Counts are written when a test says so (the size and time limits are tested apart).
    settings.RUMBO_MEASUREMENT_FLUSH_SECONDS = 3600
    counters.counts_discard()
    yield
    counters.counts_discard()


@pytest.fixture
def campaign_sites(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".campaign.test", "testserver"]
    # After the real campaign site middleware (if any), which knows no test domain.
    anchor = next(
        (m for m in settings.MIDDLEWARE if m.endswith("CampaignSiteMiddleware")), COUNTING
    )
    position = settings.MIDDLEWARE.index(anchor) + 1
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:position],
        "rumbo.measurement.tests.conftest.FakeCampaignSite",
        *settings.MIDDLEWARE[position:],
    ]


@pytest.fixture
def clock(monkeypatch):
    """The day counts are filed under, moved by the test."""

    class Clock:
        day = datetime.date(2026, 11, 20)

    monkeypatch.setattr(counters, "today", lambda: Clock.day)
    return Clock
