"""Counting without tracking: counts kept in the process, flushed into daily rows.

Each count is a key (day, site, country, metric, key) and a number; nothing about the
request that caused it is kept. Counts wait in this process's memory and are written as one
bulk upsert (`count = count + excluded.count`, so several processes add up) when the oldest
waits longer than RUMBO_MEASUREMENT_FLUSH_SECONDS, when more than
RUMBO_MEASUREMENT_FLUSH_KEYS different keys wait, by the periodic task of the worker
(rumbo.measurement.tasks) and when the process exits. A process that crashes loses at most
one flush interval of its own counts, which aggregate figures can bear; a visitor is never
slowed by a network round trip to count.
"""

import atexit
import contextvars
import datetime
import logging
import threading
import time
from collections import Counter
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from rumbo.measurement.models import REGIONAL, DailyCount, MonthlyCount

logger = logging.getLogger(__name__)

CountKey = tuple[datetime.date, str, str, str, str]

_lock = threading.Lock()
_pending: Counter[CountKey] = Counter()
_last_flush = time.monotonic()

# The request being answered, so that a signal handler (a plan created, an appointment
# requested) knows the site it happened on. The request itself is held, not its campaign:
# the campaign site middleware may run after ours and set `request.campaign` later.
current_request: contextvars.ContextVar[Any] = contextvars.ContextVar(
    "measurement_request", default=None
)


_today: tuple[float, datetime.date] = (0.0, datetime.date.min)


def today() -> datetime.date:
    """The day counts are filed under (the tests move this clock). Worked out once a
    minute: converting the time to the local zone costs more than the rest of a count."""
    global _today
    now = time.monotonic()
    if now >= _today[0]:
        _today = (now + 60, timezone.localdate())
    return _today[1]


def request_site(request: Any) -> tuple[str, str]:
    """(campaign slug, country code) of the site a request came to; ("", "") regional."""
    campaign = getattr(request, "campaign", None) if request is not None else None
    if campaign is None:
        return REGIONAL, ""
    country = getattr(campaign, "country", None)
    return campaign.slug, getattr(country, "code", "") or ""


def counts_add(
    *, site: str, country: str, metric: str, key: str, amount: int = 1, day=None
) -> None:
    """Adds to a count; cheap (a dictionary update) and never raises into the caller."""
    global _last_flush
    entry = (day or today(), site, country, metric, key[:120])
    with _lock:
        _pending[entry] += amount
        due = len(_pending) >= getattr(
            settings, "RUMBO_MEASUREMENT_FLUSH_KEYS", 1000
        ) or time.monotonic() - _last_flush >= getattr(
            settings, "RUMBO_MEASUREMENT_FLUSH_SECONDS", 60
        )
    if due:
        counts_flush()


def counts_add_many(entries: list[tuple[str, str, str, str]], *, day=None) -> None:
    """Adds one to each (site, country, metric, key), under one lock: the middleware's path."""
    global _last_flush
    day = day or today()
    with _lock:
        for site, country, metric, key in entries:
            _pending[(day, site, country, metric, key[:120])] += 1
        due = len(_pending) >= getattr(
            settings, "RUMBO_MEASUREMENT_FLUSH_KEYS", 1000
        ) or time.monotonic() - _last_flush >= getattr(
            settings, "RUMBO_MEASUREMENT_FLUSH_SECONDS", 60
        )
    if due:
        counts_flush()


def counts_pending() -> dict[CountKey, int]:
    with _lock:
        return dict(_pending)


def counts_discard() -> None:
    """Forgets counts not yet written (tests start from nothing)."""
    global _last_flush
    with _lock:
        _pending.clear()
        _last_flush = time.monotonic()


_UPSERT = (
    "INSERT INTO {table} (is_demo, {period}, site, country, metric, key, count) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s) "
    "ON CONFLICT ({period}, site, country, metric, key) "
    "DO UPDATE SET count = {table}.count + excluded.count"
)


def counts_flush() -> int:
    """Writes the waiting counts; returns how many keys were written. On a database error
    the counts are put back to wait for the next flush, and the request goes on."""
    global _last_flush
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not batch:
        return 0
    rows = [(False, *entry, amount) for entry, amount in sorted(batch.items())]
    monthly: Counter[CountKey] = Counter()
    for (day, site, country, metric, key), amount in batch.items():
        monthly[(day.replace(day=1), site, country, metric, key)] += amount
    month_rows = [(False, *entry, amount) for entry, amount in sorted(monthly.items())]
    quote = connection.ops.quote_name
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                _UPSERT.format(table=quote(DailyCount._meta.db_table), period="day"), rows
            )
            cursor.executemany(
                _UPSERT.format(table=quote(MonthlyCount._meta.db_table), period="month"),
                month_rows,
            )
    except Exception:
        logger.warning("measurement: counts could not be written; kept for the next flush")
        with _lock:
            for entry, amount in batch.items():
                _pending[entry] += amount
        return 0
    return len(batch)


atexit.register(lambda: counts_flush() if _pending else None)


def monthly_rebuild() -> int:
    """Recomputes the monthly sums from the daily counts (after daily rows were written in
    bulk, by the demo or a benchmark); returns how many monthly rows there are."""
    from django.db.models import Sum
    from django.db.models.functions import TruncMonth

    with transaction.atomic():
        MonthlyCount.objects.all().delete()
        sums = (
            DailyCount.objects.annotate(month=TruncMonth("day"))
            .values_list("month", "site", "country", "metric", "key", "is_demo")
            .annotate(total=Sum("count"))
            .order_by()
        )
        merged: dict[tuple, list] = {}
        for month, site, country, metric, key, is_demo, total in sums:
            entry = merged.setdefault((month, site, country, metric, key), [0, True])
            entry[0] += total
            entry[1] = entry[1] and is_demo  # demo only if every day counted was demo
        rows = [
            MonthlyCount(
                month=month,
                site=site,
                country=country,
                metric=metric,
                key=key,
                count=total,
                is_demo=is_demo,
            )
            for (month, site, country, metric, key), (total, is_demo) in merged.items()
        ]
        MonthlyCount.objects.bulk_create(rows, batch_size=4000)
    return len(rows)
