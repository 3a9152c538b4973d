"""Benchmark: the monthly casework report over 1,000,000 consultations on PostgreSQL.

`report_monthly` (the selector behind /staff/reports/ and its CSV/XLSX exports: one pass
over the month's rows found through the (month, info_point) index, a small GROUP BY on
referrals, suppression of small cells; its five-minute cache is bypassed here) for one
point, one country (20 points) and the whole region (100 points, about 41,600
consultations a month). Target: at most 1 s.

Baseline, in the same run: counting the same month's consultations of the same points,
the least any monthly report has to read.

    .venv/bin/python bench/bench_casework_report.py [--runs 9]
"""

import argparse
import datetime
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_casework_data  # noqa: E402


def timed(function, runs: int) -> list[float]:
    durations = []
    for _index in range(runs):
        started = time.perf_counter()
        function()
        durations.append((time.perf_counter() - started) * 1000)
    return durations


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    options = parser.parse_args()
    bench_casework_data.ensure()

    from django.conf import settings
    from django.db import connection
    from django.utils import timezone, translation

    from rumbo.accounts.models import User
    from rumbo.casework.models import Consultation
    from rumbo.casework.selectors import report_monthly
    from rumbo.infopoints.models import InfoPoint

    # Measure the computation, not the five-minute cache in front of it.
    settings.RUMBO_REPORT_CACHE_SECONDS = 0
    translation.activate("es")
    admin = User.objects.get(email="admin@bench.example")
    month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    point = InfoPoint.objects.order_by("pk").first()
    assert point is not None
    country_id = point.place.country_id
    total = Consultation.objects.count()
    print(f"{connection.vendor}, {total:,} consultations, month {month:%Y-%m}")
    scopes = {
        "one point": ({"info_point_id": point.pk}, [point.pk]),
        "one country (20 points)": (
            {"country_id": country_id},
            list(
                InfoPoint.objects.filter(place__country_id=country_id).values_list("pk", flat=True)
            ),
        ),
        "region (100 points)": ({}, list(InfoPoint.objects.values_list("pk", flat=True))),
    }
    for label, (kwargs, point_ids) in scopes.items():
        report = report_monthly(user=admin, month=month, **kwargs)  # warm up
        rows = Consultation.objects.filter(month=month, info_point_id__in=point_ids)
        baseline = statistics.median(timed(rows.count, options.runs))
        durations = timed(
            lambda kwargs=kwargs: report_monthly(user=admin, month=month, **kwargs), options.runs
        )
        median = statistics.median(durations)
        print(
            f"{label:>24}: report median {median:7.1f} ms, max {max(durations):7.1f} ms "
            f"({report.total} consultations) | baseline count {baseline:6.1f} ms | "
            f"ratio {median / baseline:5.1f} | target <= 1000 ms: {'met' if max(durations) <= 1000 else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
