"""Benchmark: the 10 nearest information points among 100,000 and 1,000,000.

Measures `info_point_list_nearest` (the selector the directory and the plan page use: box
search on the (latitude band, longitude) index, exact distances in Python, then the points
with their phones, hours, exceptions, services and languages) from random origins, and as a
baseline in the same run a full scan: the database orders every point by (equirectangular)
distance and keeps 10. Also the nearest 10 offering one service that 1 point in 10 offers.
Targets: median <= 5 ms among 100,000 and <= 25 ms among 1,000,000, on SQLite and PostgreSQL.

Points: half spread uniformly over Mexico and Central America, half clustered around 30
towns (people and points gather in towns); origins drawn the same way.

Usage (the database is reset: its name must contain "bench"):
    .venv/bin/python bench/bench_infopoints_nearest.py                  # SQLite scratch file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rumbo_bench \\
        .venv/bin/python bench/bench_infopoints_nearest.py              # PostgreSQL
    ... bench_infopoints_nearest.py 100000                              # one size only
"""

import math
import os
import platform
import random
import statistics
import sys
import time
import uuid

from common import django_setup_scratch  # noqa: E402

django_setup_scratch("infopoints")

from django.db import connection  # noqa: E402
from django.db.models import F  # noqa: E402
from django.utils import timezone  # noqa: E402

from rumbo.core.geo import haversine_km  # noqa: E402
from rumbo.core.models import Country, Organisation, Place  # noqa: E402
from rumbo.infopoints.models import (  # noqa: E402
    HoursException,
    InfoPoint,
    InfoPointLanguage,
    InfoPointService,
    OpeningHours,
    Phone,
    Service,
    latitude_band,
)
from rumbo.infopoints.selectors import (  # noqa: E402
    INITIAL_RADIUS_KM,
    _box,
    _candidate_rows,
    info_point_list_nearest,
)

SIZES = [int(arg) for arg in sys.argv[1:]] or [100_000, 1_000_000]
ORIGINS = 300
BASELINE_RUNS = 7
SOUTH, NORTH, WEST, EAST = 7.0, 32.5, -117.0, -77.5
TOWNS = [
    (14.90, -92.26),
    (14.64, -90.51),
    (14.83, -91.52),
    (15.32, -91.47),
    (15.50, -88.03),
    (14.08, -87.21),
    (13.69, -89.19),
    (13.48, -88.18),
    (12.13, -86.25),
    (12.44, -86.88),
    (12.01, -83.76),
    (15.76, -86.78),
    (14.91, -91.36),
    (15.03, -91.15),
    (19.43, -99.13),
    (32.50, -117.00),
    (31.72, -106.46),
    (25.67, -100.32),
    (20.67, -103.35),
    (17.99, -92.93),
    (16.75, -93.12),
    (18.85, -97.10),
    (21.16, -86.85),
    (20.97, -89.62),
    (17.06, -96.72),
    (14.04, -83.39),
    (15.47, -90.37),
    (15.73, -88.59),
    (13.35, -88.45),
    (13.09, -86.35),
]


def random_position(rng: random.Random) -> tuple[float, float]:
    if rng.random() < 0.5:
        return rng.uniform(SOUTH, NORTH), rng.uniform(WEST, EAST)
    latitude, longitude = rng.choice(TOWNS)
    return latitude + rng.gauss(0, 0.3), longitude + rng.gauss(0, 0.3)


def reset_schema() -> None:
    models = [
        Country,
        Place,
        Organisation,
        Service,
        InfoPoint,
        Phone,
        OpeningHours,
        HoursException,
        InfoPointLanguage,
    ]
    with connection.schema_editor() as editor:
        for model in reversed(models):
            if model._meta.db_table in connection.introspection.table_names():
                editor.delete_model(model)
        for model in models:
            editor.create_model(model)


def populate(size: int, rng: random.Random) -> Service:
    country = Country.objects.create(code="GT", name="Guatemala", role="origin")
    place = Place.objects.create(
        country=country, kind="city", name="Bench", latitude=14.6, longitude=-90.5
    )
    organisation = Organisation.objects.create(slug="bench", name="Bench", kind="ngo")
    service = Service.objects.create(code="legal-advice", name="Legal advice")
    # Plain executemany: building a million model instances would dominate the run.
    table = InfoPoint._meta.db_table
    columns = (
        "uuid, is_demo, organisation_id, place_id, name, slug, description, description_es, "
        "description_en, description_fr, description_ar, address, postal_code, latitude, "
        "longitude, latitude_band, time_zone, email, website, accessibility, accessibility_es, "
        "accessibility_en, accessibility_fr, accessibility_ar, status, updated_at"
    )
    placeholders = ", ".join(["%s"] * len(columns.split(",")))
    now = timezone.now()
    with connection.cursor() as cursor:
        for first in range(0, size, 20_000):
            rows = []
            for number in range(first, min(size, first + 20_000)):
                latitude, longitude = random_position(rng)
                rows.append(
                    (
                        str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        False,
                        organisation.pk,
                        place.pk,
                        f"Point {number}",
                        f"point-{number}",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "Calle 1",
                        "",
                        latitude,
                        longitude,
                        latitude_band(latitude),
                        "America/Guatemala",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "active",
                        now,
                    )
                )
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608
                rows,
            )
    ids = list(InfoPoint.objects.values_list("pk", flat=True))
    offering = rng.sample(ids, len(ids) // 10)
    for start in range(0, len(offering), 20_000):
        InfoPointService.objects.bulk_create(
            [
                InfoPointService(infopoint_id=pk, service_id=service.pk)
                for pk in offering[start : start + 20_000]
            ]
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return service


def full_scan(latitude: float, longitude: float) -> list[int]:
    """Baseline: let the database order every point by distance (no index can help)."""
    scale = math.cos(math.radians(latitude))
    distance = (F("latitude") - latitude) * (F("latitude") - latitude) + (
        (F("longitude") - longitude) * scale
    ) * ((F("longitude") - longitude) * scale)
    return list(
        InfoPoint.objects.annotate(d=distance).order_by("d").values_list("pk", flat=True)[:10]
    )


def median_ms(function, origins) -> tuple[float, float]:
    """Median wall-clock and CPU (this process) time per call, in ms. On a shared machine the
    wall-clock time includes waiting for a core; for SQLite, which runs in this process, the
    CPU time is the work itself."""
    wall, cpu = [], []
    for latitude, longitude in origins:
        start, start_cpu = time.perf_counter(), time.process_time()
        function(latitude, longitude)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    engine = connection.vendor
    print(
        f"{engine} · {platform.machine()} · {os.cpu_count()} cores · Python "
        f"{platform.python_version()} · {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    for size in SIZES:
        rng = random.Random(size)
        reset_schema()
        start = time.perf_counter()
        service = populate(size, rng)
        print(f"\n{size:,} points inserted in {time.perf_counter() - start:.0f} s")
        origins = [random_position(rng) for _ in range(ORIGINS)]
        # Warm caches and check that the selector and the full scan agree.
        for latitude, longitude in origins[:20]:
            nearest = [
                p.pk for p, _ in info_point_list_nearest(latitude=latitude, longitude=longitude)
            ]
            scan = full_scan(latitude, longitude)
            assert nearest[:3] == scan[:3] or len(set(nearest) & set(scan)) >= 8, "mismatch"
        results = {
            "search only (ids and distances)": median_ms(
                lambda lat, lon: nearest_ids(lat, lon), origins
            ),
            "nearest 10 (selector, with points)": median_ms(
                lambda lat, lon: info_point_list_nearest(latitude=lat, longitude=lon), origins
            ),
            "nearest 10 offering a service (1 in 10)": median_ms(
                lambda lat, lon, code=service.code: info_point_list_nearest(
                    latitude=lat, longitude=lon, service=code
                ),
                origins,
            ),
            "full scan baseline": median_ms(full_scan, origins[:BASELINE_RUNS]),
        }
        for label, (wall, cpu) in results.items():
            print(f"  {label:42} median {wall:8.2f} ms wall, {cpu:8.2f} ms CPU")
        baseline = results["full scan baseline"][0]
        selector = results["nearest 10 (selector, with points)"][0]
        print(f"  full scan / selector (wall): {baseline / selector:.0f}x")
        print(f"  load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def nearest_ids(latitude: float, longitude: float) -> list[tuple[float, int]]:
    """The search part of the selector alone, as the benchmark reports it separately."""
    radius = INITIAL_RADIUS_KM
    while True:
        box = _box(latitude=latitude, longitude=longitude, radius_km=radius)
        rows = _candidate_rows(box=box, service=None, language=None, active_only=False)
        found = sorted(
            (distance, pk)
            for pk, lat, lon in rows
            if (distance := haversine_km(latitude, longitude, lat, lon)) <= radius
        )
        if len(found) >= 10 or box is None:
            return found[:10]
        radius *= min(8.0, max(1.5, 1.2 * math.sqrt(10 / len(found)))) if found else 4


if __name__ == "__main__":
    main()
