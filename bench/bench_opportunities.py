"""Benchmark: the public list of opportunities, filtered and sorted nearest first, among
100,000 opportunities.

Measures the page the list view and the API read (`opportunity_search_page`: the visitor's
filters, then `NearestFirst`: the opportunities at distance 0 in deadline order, then a
bounding-box prefilter that sorts only what a box around the origin can hold) from random municipalities, and as a
baseline in the same run the full sort: every matching opportunity's nearest-place distance
computed and ordered by the database (`opportunity_search`), as before the prefilter. Also
the page's count, which the paginator asks for apart from the rows.
Target: median <= 20 ms for the page, on SQLite and PostgreSQL.

Data: one country with 340 municipalities spread over Guatemala's extent; each opportunity
serves 1 to 3 of them, 5 % are online and 5 % throughout the country; deadlines within a
year (10 % open all year); ages 15-35 give the filter "age 19" about 70 % of them.

Usage (the database is reset: its name must contain "bench"):
    .venv/bin/python bench/bench_opportunities.py                      # SQLite scratch file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rumbo_bench_opps \\
        .venv/bin/python bench/bench_opportunities.py                  # PostgreSQL
    ... bench_opportunities.py 20000                                   # another size
"""

import os
import platform
import random
import statistics
import sys
import time
from datetime import timedelta

from common import django_setup_scratch  # noqa: E402

django_setup_scratch("opportunities")

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from rumbo.core.models import Country, Organisation, Place  # noqa: E402
from rumbo.opportunities.models import Opportunity  # noqa: E402
from rumbo.opportunities.selectors import (  # noqa: E402
    OpportunityFilters,
    opportunity_search,
    opportunity_search_page,
)

SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
ORIGINS = 15
BASELINE_ORIGINS = 5
SOUTH, NORTH, WEST, EAST = 13.7, 17.8, -92.2, -88.2
PAGE = 10


def populate(rng: random.Random) -> list[Place]:
    country = Country.objects.create(code="GT", name="Guatemala", role="origin")
    state = Place.objects.create(
        country=country, kind="state", name="Estado", latitude=15.0, longitude=-90.0
    )
    places = Place.objects.bulk_create(
        [
            Place(
                country=country,
                kind="city",
                parent=state,
                name=f"Municipio {number}",
                latitude=rng.uniform(SOUTH, NORTH),
                longitude=rng.uniform(WEST, EAST),
            )
            for number in range(340)
        ]
    )
    provider = Organisation.objects.create(slug="bench", name="Bench", kind="ngo")
    today = timezone.localdate()
    Served = Opportunity.places.through
    for first in range(0, SIZE, 10_000):
        batch = []
        for number in range(first, min(SIZE, first + 10_000)):
            age_min = rng.choice([15, 16, 18, 20, 25])
            batch.append(
                Opportunity(
                    slug=f"o-{number}",
                    kind="learning",
                    subkind="vocational_course",
                    title=f"Curso {number}",
                    title_es=f"Curso {number}",
                    summary="Curso",
                    summary_es="Curso",
                    provider=provider,
                    country=country,
                    is_online=rng.random() < 0.05,
                    age_min=age_min,
                    age_max=age_min + rng.choice([5, 10, 15, 20]),
                    is_free=rng.random() < 0.8,
                    cost="10",
                    application_deadline=(
                        None if rng.random() < 0.1 else today + timedelta(rng.randint(0, 365))
                    ),
                    apply_url="https://example.org/",
                    status="published",
                    confirmed_on=today,
                )
            )
        created = Opportunity.objects.bulk_create(batch)
        links = []
        for opportunity in created:
            if opportunity.is_online or rng.random() < 0.05:
                continue
            for place in rng.sample(places, rng.randint(1, 3)):
                links.append(Served(opportunity_id=opportunity.pk, place_id=place.pk))
        Served.objects.bulk_create(links)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return places


def median_ms(function, origins) -> tuple[float, float]:
    """Median wall-clock and CPU (this process) time per call, in ms; on a shared machine the
    wall-clock time includes waiting for a core, and for SQLite the CPU time is the work."""
    wall, cpu = [], []
    for origin in origins:
        start, start_cpu = time.perf_counter(), time.process_time()
        function(origin)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def filters(origin: Place) -> OpportunityFilters:
    return OpportunityFilters(origin=origin, age=19)


def page(origin: Place) -> list[int]:
    return [item.pk for item in opportunity_search_page(filters=filters(origin))[0:PAGE]]


def full_sort(origin: Place) -> list[int]:
    return [item.pk for item in opportunity_search(filters=filters(origin))[0:PAGE]]


def count(origin: Place) -> int:
    return opportunity_search_page(filters=filters(origin)).count()


def main() -> None:
    print(
        f"{connection.vendor} · {platform.machine()} · {os.cpu_count()} cores · Python "
        f"{platform.python_version()} · {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    call_command("migrate", verbosity=0)
    rng = random.Random(SIZE)
    start = time.perf_counter()
    places = populate(rng)
    print(f"{SIZE:,} opportunities inserted in {time.perf_counter() - start:.0f} s")
    origins = rng.sample(places, ORIGINS)
    for origin in origins[:3]:  # warm caches; the prefilter must agree with the full sort
        assert page(origin) == full_sort(origin), "the prefilter changed the order"
    results = {
        "page 1, nearest first (prefilter)": median_ms(page, origins),
        "page 5, nearest first (prefilter)": median_ms(
            lambda o: list(opportunity_search_page(filters=filters(o))[40:50]), origins
        ),
        "count of the filtered list": median_ms(count, origins),
        "baseline: page 1, full sort": median_ms(full_sort, origins[:BASELINE_ORIGINS]),
    }
    baseline = results["baseline: page 1, full sort"][0]
    for name, (wall, cpu) in results.items():
        print(f"  {name:38} median {wall:8.1f} ms (CPU {cpu:7.1f} ms)  {baseline / wall:6.1f}x")


if __name__ == "__main__":
    main()
