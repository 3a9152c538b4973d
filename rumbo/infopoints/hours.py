"""Opening hours in a point's own time zone: is it open at a given instant, when does it close,
when does it next open. Pure functions over rows already loaded, so a list page can evaluate
many points without a query each."""

import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol

# How far ahead "opens at ..." looks; beyond that the page shows the weekly hours only.
LOOKAHEAD_DAYS = 14
# Hours are entered to the minute, so "until midnight" is written 23:59 and means the whole
# minute: such an interval runs into the next day's 00:00 interval without a gap.
LAST_MINUTE = time(23, 59)


class WeeklyInterval(Protocol):
    weekday: int
    opens: time
    closes: time


class DatedException(Protocol):
    kind: str
    starts_on: date
    ends_on: date
    opens: time | None
    closes: time | None


@dataclass(frozen=True)
class OpenState:
    is_open: bool
    # Local (point's time zone) datetimes; `closes_at` when open, `opens_at` when closed.
    closes_at: datetime | None = None
    opens_at: datetime | None = None
    # 0 when `opens_at` is later today (local date), 1 tomorrow, ...
    days_ahead: int | None = None


def day_intervals(
    *, day: date, weekly: Sequence[WeeklyInterval], exceptions: Sequence[DatedException]
) -> list[tuple[time, time]]:
    """The opening intervals on `day`: exceptions replace the weekly hours on the days they
    cover; a closure or holiday wins over special hours on the same day."""
    covering = [exc for exc in exceptions if exc.starts_on <= day <= exc.ends_on]
    if covering:
        if any(exc.opens is None or exc.closes is None for exc in covering):
            return []
        intervals: list[tuple[time, time]] = [
            (exc.opens, exc.closes)  # type: ignore[misc]
            for exc in covering
        ]
    else:
        intervals = [(row.opens, row.closes) for row in weekly if row.weekday == day.weekday()]
    return sorted(
        (opens, time.max if closes == LAST_MINUTE else closes) for opens, closes in intervals
    )


def open_state(
    *,
    time_zone: str,
    weekly: Sequence[WeeklyInterval],
    exceptions: Sequence[DatedException],
    at: datetime,
) -> OpenState:
    tz = zoneinfo.ZoneInfo(time_zone)
    local = at.astimezone(tz)
    today = local.date()
    now = local.time().replace(tzinfo=None)
    for opens, closes in day_intervals(day=today, weekly=weekly, exceptions=exceptions):
        if opens <= now < closes:
            return OpenState(
                True, closes_at=_closing(today, closes, tz=tz, weekly=weekly, exceptions=exceptions)
            )
    for offset in range(LOOKAHEAD_DAYS + 1):
        day = today + timedelta(days=offset)
        for opens, _closes in day_intervals(day=day, weekly=weekly, exceptions=exceptions):
            if offset or opens > now:
                return OpenState(
                    False, opens_at=datetime.combine(day, opens, tzinfo=tz), days_ahead=offset
                )
    return OpenState(False)


def _closing(
    day: date,
    closes: time,
    *,
    tz: zoneinfo.ZoneInfo,
    weekly: Sequence[WeeklyInterval],
    exceptions: Sequence[DatedException],
) -> datetime | None:
    """When an interval really ends: an interval to midnight continues into the next day's
    interval from 00:00. None when the point never closes within the look-ahead."""
    for _offset in range(LOOKAHEAD_DAYS):
        if closes != time.max:
            return datetime.combine(day, closes, tzinfo=tz)
        day += timedelta(days=1)
        following = day_intervals(day=day, weekly=weekly, exceptions=exceptions)
        if not following or following[0][0] != time.min:
            return datetime.combine(day, time.min, tzinfo=tz)
        closes = following[0][1]
    return None


def is_open(
    *,
    time_zone: str,
    weekly: Iterable[WeeklyInterval],
    exceptions: Iterable[DatedException],
    at: datetime,
) -> bool:
    local = at.astimezone(zoneinfo.ZoneInfo(time_zone))
    now = local.time().replace(tzinfo=None)
    return any(
        opens <= now < closes
        for opens, closes in day_intervals(
            day=local.date(), weekly=list(weekly), exceptions=list(exceptions)
        )
    )
