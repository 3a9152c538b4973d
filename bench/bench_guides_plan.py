"""Benchmark: computing a plan's pathways and checklist with 200 pathways and 1,000 documents.

"Computing a plan" is measured two ways:
- the guides part: `pathway_list_for(facts)` (which pathways fit, with unmet conditions) + the
  merged, deduplicated checklist of the fitting pathways' documents + the nearest office of
  each (`document_issuance_nearest_list`);
- the whole plan as its page, PDF and API get it: `rumbo.plans.selectors.plan_summary` on a
  plan answered through the demo questionnaire (adds the risk articles, the 3 nearest of 40
  information points, the place and countries).
Target: 20 ms median. Pathways are kept in each process (rumbo.guides.catalogue); loading
them, once per catalogue.CACHE_SECONDS in each process, is timed apart.

The baseline is the naive way in the same run: the same loops without prefetching (one query
per pathway for its rules and documents, one per document for its issuance and offices).

Usage:
    .venv/bin/python bench/bench_guides_plan.py                 # SQLite in a scratch file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rumbo_bench_guides \
        .venv/bin/python bench/bench_guides_plan.py               # PostgreSQL (db name must
                                                                  # contain "bench": it is reset)
"""

import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from common import django_setup_scratch  # noqa: E402

django_setup_scratch("guides")

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from rumbo.core.geo import haversine_km  # noqa: E402
from rumbo.core.models import Country, Organisation, Place  # noqa: E402
from rumbo.core.services import country_load_all  # noqa: E402
from rumbo.guides.catalogue import (  # noqa: E402
    CACHE_SECONDS,
    catalogue,
    catalogue_clear,
    issuances_in,
)
from rumbo.guides.eligibility import (  # noqa: E402
    PURPOSE_KINDS,
    Facts,
    document_issuance_nearest_list,
    pathway_list_for,
    rule_is_met,
)
from rumbo.guides.models import (  # noqa: E402
    Document,
    DocumentIssuance,
    EligibilityRule,
    Office,
    Pathway,
    PathwayStep,
    Source,
)
from rumbo.infopoints.factories import InfoPointFactory  # noqa: E402
from rumbo.plans import demo as plans_demo  # noqa: E402
from rumbo.plans.engine import flow_load  # noqa: E402
from rumbo.plans.selectors import plan_summary  # noqa: E402
from rumbo.plans.services import plan_start  # noqa: E402

PATHWAYS = 200
DOCUMENTS = 1000
DOCUMENTS_PER_PATHWAY = 6
ORIGINS = ["MX", "GT", "HN", "SV", "NI"]
DESTINATIONS = ["MX", "US", "CA", "ES", "CR", "PA"]
RUNS = 30
NAIVE_RUNS = 5


def reset_database() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0)


def build() -> None:
    rng = random.Random(3)
    today = timezone.localdate()
    country_load_all()
    countries = {country.code: country for country in Country.objects.all()}
    places = {
        code: Place.objects.bulk_create(
            Place(
                country=countries[code],
                kind=Place.Kind.CITY,
                name=f"City {code} {index}",
                name_folded=f"city {code.lower()} {index}",
                latitude=13 + rng.random() * 4,
                longitude=-91 + rng.random() * 5,
            )
            for index in range(40)
        )
        for code in ORIGINS
    }
    institutions = {
        code: Organisation.objects.create(
            slug=f"bench-{code}", name=f"Institution {code}", kind="government"
        )
        for code in ORIGINS
    }
    source = Source.objects.create(title="Bench", url="https://example.org/", accessed_on=today)
    documents = Document.objects.bulk_create(
        Document(slug=f"doc-{index}", kind="identity", name_es=f"Documento {index}")
        for index in range(DOCUMENTS)
    )
    issuances = DocumentIssuance.objects.bulk_create(
        DocumentIssuance(
            document=document,
            country=countries[code],
            institution=institutions[code],
            last_verified=today,
            cost_es="Gratis",
        )
        for document in documents
        for code in ORIGINS
    )
    Office.objects.bulk_create(
        Office(
            issuance=issuance,
            name_es=f"Oficina {index}",
            place=rng.choice(places[issuance.country.code]),
        )
        for issuance in issuances
        for index in range(3)
    )
    pathways = Pathway.objects.bulk_create(
        Pathway(
            slug=f"pathway-{index}",
            kind=rng.choice(Pathway.Kind.values),
            destination=countries[rng.choice(DESTINATIONS)],
            title_es=f"Vía {index}",
            summary_es="Resumen",
            last_verified=today,
        )
        for index in range(PATHWAYS)
    )
    origins: Any = Pathway.origin_countries.through
    origins.objects.bulk_create(
        origins(pathway=pathway, country=countries[code])
        for pathway in pathways
        for code in rng.sample(ORIGINS, 3)
    )
    required: Any = Pathway.documents.through
    required.objects.bulk_create(
        required(pathway=pathway, document=document)
        for pathway in pathways
        for document in rng.sample(documents, DOCUMENTS_PER_PATHWAY)
    )
    cited: Any = Pathway.sources.through
    cited.objects.bulk_create(cited(pathway=pathway, source=source) for pathway in pathways)
    PathwayStep.objects.bulk_create(
        PathwayStep(pathway=pathway, order=order, title_es=f"Paso {order}")
        for pathway in pathways
        for order in range(1, 5)
    )
    # A directory like the demo's: 40 information points, 8 per origin country.
    for code in ORIGINS:
        for place in rng.sample(places[code], 8):
            InfoPointFactory(place=place)
    EligibilityRule.objects.bulk_create(
        rule
        for pathway in pathways
        for rule in (
            EligibilityRule(
                pathway=pathway, fact="age", operator="min", value="18", unmet_message_es="18+"
            ),
            EligibilityRule(
                pathway=pathway,
                fact="nationality",
                operator="in",
                value="GT,HN,SV,NI,MX",
                unmet_message_es="Nacionalidad",
            ),
            EligibilityRule(
                pathway=pathway,
                fact="job_offer",
                operator="is_true",
                value="",
                unmet_message_es="x",
            ),
        )
    )


def plan_fast(facts: Facts, place: Place) -> tuple[int, int]:
    found = pathway_list_for(facts=facts)
    checklist = {
        document.pk: document
        for pathway, unmet in found
        if not unmet
        for document in pathway.documents.all()
    }
    nearest = document_issuance_nearest_list(
        documents=checklist.values(),
        country_code=place.country.code,
        latitude=place.latitude,
        longitude=place.longitude,
    )
    return len(found), len(nearest)


def plan_naive(facts: Facts, place: Place) -> tuple[int, int]:
    found = []
    for pathway in Pathway.objects.all():
        if facts.destination and pathway.destination.code != facts.destination:
            continue
        if facts.nationality not in {c.code for c in pathway.origin_countries.all()}:
            continue
        if facts.purpose in PURPOSE_KINDS and pathway.kind not in PURPOSE_KINDS[facts.purpose]:
            continue
        unmet = [
            r.unmet_message for r in pathway.rules.all() if not rule_is_met(rule=r, facts=facts)
        ]
        found.append((pathway, unmet))
    checklist = {d.pk: d for p, unmet in found if not unmet for d in p.documents.all()}
    nearest = 0
    for document in checklist.values():
        issuance = DocumentIssuance.objects.filter(
            document=document, country__code=place.country.code
        ).first()
        if issuance is None:
            continue
        offices = list(issuance.offices.all())
        min(
            offices,
            key=lambda o: haversine_km(
                place.latitude, place.longitude, o.place.latitude, o.place.longitude
            ),
        )
        nearest += 1
    return len(found), nearest


def timed(function, facts: Facts, place: Place, wall: list, cpu: list) -> None:
    start, start_cpu = time.perf_counter(), time.process_time()
    function(facts, place)
    wall.append((time.perf_counter() - start) * 1000)
    cpu.append((time.process_time() - start_cpu) * 1000)


def compare(facts: Facts, place: Place) -> dict[str, dict[str, Any]]:
    """Median wall-clock and CPU milliseconds of both ways, their runs interleaved so that
    both see the same load on a shared machine (CPU time is the steadier figure there)."""
    results: dict[str, dict[str, Any]] = {}
    for name, function in (("fast", plan_fast), ("naive", plan_naive)):
        with CaptureQueriesContext(connection) as queries:
            results[name] = {"result": function(facts, place)}  # also the warm-up
        results[name] |= {"queries": len(queries), "wall": [], "cpu": []}
    for run in range(RUNS):
        timed(plan_fast, facts, place, results["fast"]["wall"], results["fast"]["cpu"])
        if run % (RUNS // NAIVE_RUNS) == 0:
            timed(plan_naive, facts, place, results["naive"]["wall"], results["naive"]["cpu"])
    for figures in results.values():
        figures["wall"] = statistics.median(figures["wall"])
        figures["cpu"] = statistics.median(figures["cpu"])
    return results


def median_ms(function, runs: int = RUNS) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of `function()` over `runs` calls."""
    wall: list[float] = []
    cpu: list[float] = []
    for _run in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def load_ms(load: Callable[[], object]) -> tuple[float, float]:
    """Median time to load what a process keeps (rumbo.guides.catalogue) from scratch."""

    def cleared_and_loaded() -> None:
        catalogue_clear()
        load()

    return median_ms(cleared_and_loaded, runs=5)


def summary_ms(answers: dict[str, Any]) -> tuple[float, float, int, int]:
    """plan_summary of a plan with these answers: median wall and CPU ms, queries, and the
    number of fitting pathways shown."""
    flow = flow_load()
    assert flow is not None
    plan = plan_start(flow=flow)
    plan.answers = answers
    plan.completed_at = timezone.now()
    plan.save()
    summary = plan_summary(flow=flow, plan=plan)  # warm-up
    with CaptureQueriesContext(connection) as queries:
        plan_summary(flow=flow, plan=plan)
    wall, cpu = median_ms(lambda: plan_summary(flow=flow, plan=plan))
    return wall, cpu, len(queries), len(summary.fitting) + len(summary.unfit)


def main() -> None:
    print(f"database: {connection.vendor}; building {PATHWAYS} pathways, {DOCUMENTS} documents...")
    reset_database()
    build()
    plans_demo.load()
    place = Place.objects.select_related("country").filter(country__code="HN").first()
    assert place is not None
    translation.activate("es")
    for what, load in (
        ("the pathways", catalogue),
        ("the issuances and offices of Honduras", lambda: issuances_in("HN")),
    ):
        wall, cpu = load_ms(load)
        print(
            f"loading {what} into the process (once per {CACHE_SECONDS} s): "
            f"median {wall:.1f} ms (CPU {cpu:.1f} ms)"
        )
    scenarios = {
        "typical (HN, 24, work, to MX)": Facts(
            nationality="HN", age=24, purpose="work", destination="MX", place_id=place.pk
        ),
        "any purpose to MX (HN, 24, undecided, to MX, job offer)": Facts(
            nationality="HN", age=24, destination="MX", has_job_offer=True, place_id=place.pk
        ),
        "wide, outside any plan (HN, 24, any purpose, any destination, job offer)": Facts(
            nationality="HN", age=24, has_job_offer=True, place_id=place.pk
        ),
    }
    for name, facts in scenarios.items():
        figures = compare(facts, place)
        fast, naive = figures["fast"], figures["naive"]
        assert fast["result"] == naive["result"], (fast["result"], naive["result"])
        print(
            f"{name}: {fast['result'][0]} pathways, {fast['result'][1]} checklist documents\n"
            f"  pathway_list_for + nearest issuances: median {fast['wall']:.1f} ms "
            f"(CPU {fast['cpu']:.1f} ms), {fast['queries']} queries\n"
            f"  naive baseline (no prefetch):         median {naive['wall']:.1f} ms "
            f"(CPU {naive['cpu']:.1f} ms), {naive['queries']} queries\n"
            f"  speed-up: {naive['wall'] / fast['wall']:.1f}x wall, "
            f"{naive['cpu'] / fast['cpu']:.1f}x CPU (target: at most 20 ms)"
        )
    plans = {
        "typical (HN, 24, work, to MX)": "work",
        "any purpose to MX (HN, 24, undecided, to MX, job offer)": "migrate",
    }
    for name, purpose in plans.items():
        answers = {
            "country": "HN", "place": place.pk, "age": 24, "goal": "migrate",
            "destination": "MX", "purpose": purpose, "situation": ["job-offer"], "documents": [],
        }  # fmt: skip
        wall, cpu, queries, shown = summary_ms(answers)
        print(
            f"plan_summary, {name}: {shown} pathways shown: median {wall:.1f} ms "
            f"(CPU {cpu:.1f} ms), {queries} queries (target: at most 20 ms)"
        )


if __name__ == "__main__":
    main()
