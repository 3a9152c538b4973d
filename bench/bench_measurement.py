"""Benchmark: campaign measurement (issue 14).

1. Counting a page view: the counting middleware around a page answered from the page cache
   (no URL resolution done yet, the worst case: the middleware resolves the path itself),
   against the same page without it, in the same run. Target: at most 1 ms added.
2. The same public page through Django's whole middleware stack, counting on and off.
3. The dashboard over three years of daily aggregates for five campaigns (all side by side,
   the whole three years and the last 90 days). Target: at most 500 ms.
4. The donor report PDF over the same data. Target: at most 3 s.

    .venv/bin/python bench/bench_measurement.py [--runs 7]
"""

import argparse
import datetime
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import django_setup_scratch  # noqa: E402


def median_ms(function, runs: int, repeat: int = 1) -> float:
    durations = []
    for _run in range(runs):
        started = time.perf_counter()
        for _index in range(repeat):
            function()
        durations.append((time.perf_counter() - started) * 1000 / repeat)
    return statistics.median(durations)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    django_setup_scratch("measurement")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from django.conf import settings
    from django.http import HttpResponse
    from django.test import Client, RequestFactory, override_settings

    from rumbo.accounts.models import User
    from rumbo.campaigns.models import Campaign
    from rumbo.core.models import Country
    from rumbo.measurement import counters, selectors
    from rumbo.measurement.donor import donor_figures, donor_pdf
    from rumbo.measurement.middleware import CountingMiddleware
    from rumbo.measurement.models import DailyCount

    runs = options.runs
    agent = "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36"
    factory = RequestFactory()
    page = HttpResponse(b"<html>" + b"x" * 14_000 + b"</html>")

    def bare(request):
        return page

    counting = CountingMiddleware(bare)

    def request():
        return factory.get("/plan/", HTTP_USER_AGENT=agent, HTTP_REFERER="https://m.facebook.com/x")

    repeat = 2000
    with override_settings(
        RUMBO_MEASUREMENT_FLUSH_SECONDS=3600, RUMBO_MEASUREMENT_FLUSH_KEYS=10**6
    ):
        baseline = median_ms(lambda: bare(request()), runs, repeat)
        counted = median_ms(lambda: counting(request()), runs, repeat)
    counters.counts_discard()
    print(
        f"1. cached page, counting off: {baseline * 1000:.1f} µs; on: {counted * 1000:.1f} µs; "
        f"added {(counted - baseline) * 1000:.1f} µs (ratio {counted / baseline:.1f})"
    )

    stack = list(settings.MIDDLEWARE)
    without = [m for m in stack if not m.endswith("CountingMiddleware")]
    results = {}
    for label, middleware in (("off", without), ("on", stack)):
        with override_settings(MIDDLEWARE=middleware, RUMBO_PAGE_CACHE_ENABLED=False):
            client = Client(HTTP_USER_AGENT=agent, HTTP_HOST="localhost")
            client.get("/plan/")
            results[label] = median_ms(lambda c=client: c.get("/plan/"), runs, 50)
    counters.counts_discard()
    print(
        f"2. /plan/ whole stack, counting off: {results['off']:.2f} ms; on: {results['on']:.2f} ms; "
        f"added {results['on'] - results['off']:.3f} ms"
    )

    country, _created = Country.objects.get_or_create(code="HN", defaults={"name": "Honduras"})
    campaigns = [
        Campaign.objects.get_or_create(
            slug=f"bench-{n}", defaults={"name": f"Bench {n}", "country": country}
        )[0]
        for n in range(5)
    ]
    end = datetime.date(2026, 11, 28)
    start = end - datetime.timedelta(days=3 * 365 - 1)
    DailyCount.objects.all().delete()
    keys = (
        [("view", f"app:page{n}") for n in range(10)]
        + [("visit", s) for s in ("direct", "facebook.com", "google.com", "instagram.com", "t.co")]
        + [("device", d) for d in ("mobile", "tablet", "desktop")]
        + [
            ("funnel", s)
            for s in (
                "started",
                "plans",
                "appointments",
                "consultations",
                "referrals",
                "enrolments",
                "completions",
            )
        ]
        + [("click", f"code-{n}") for n in range(4)]
    )
    rows = [
        DailyCount(
            day=start + datetime.timedelta(days=d),
            site=c.slug,
            country="HN",
            metric=m,
            key=k,
            count=7 + d % 50,
        )
        for c in campaigns
        for d in range(3 * 365)
        for m, k in keys
    ]
    DailyCount.objects.bulk_create(rows, batch_size=4000)
    counters.monthly_rebuild()
    admin = User.objects.filter(email="bench@example.org").first() or User.objects.create_user(
        email="bench@example.org", password="x" * 20, is_staff=True
    )
    print(f"   {len(rows)} daily counts (3 years x 5 campaigns x {len(keys)} counts a day)")
    whole = median_ms(
        lambda: selectors.dashboard(user=admin, site="all", date_from=start, date_to=end), runs
    )
    recent = median_ms(
        lambda: selectors.dashboard(
            user=admin, site="all", date_from=end - datetime.timedelta(days=89), date_to=end
        ),
        runs,
    )
    one = median_ms(
        lambda: selectors.dashboard(user=admin, site="bench-0", date_from=start, date_to=end), runs
    )
    floor = median_ms(lambda: DailyCount.objects.filter(day__range=(start, end)).count(), runs)
    print(
        f"3. dashboard, all five, 3 years: {whole:.0f} ms; last 90 days: {recent:.0f} ms; "
        f"one campaign, 3 years: {one:.0f} ms (baseline: counting the rows, {floor:.0f} ms)"
    )
    pdf = median_ms(
        lambda: donor_pdf(donor_figures(programme="", date_from=start, date_to=end)), runs
    )
    print(f"4. donor report PDF over 3 years: {pdf:.0f} ms")


if __name__ == "__main__":
    main()
