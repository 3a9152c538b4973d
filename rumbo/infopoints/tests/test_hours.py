from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from rumbo.infopoints.hours import day_intervals, is_open, open_state


@dataclass
class Row:
    weekday: int
    opens: time
    closes: time


@dataclass
class Exc:
    kind: str
    starts_on: date
    ends_on: date
    opens: time | None = None
    closes: time | None = None


# Monday 2026-11-30; Guatemala is UTC-6 all year.
MONDAY = date(2026, 11, 30)
WEEKDAYS_9_TO_17 = [Row(day, time(9), time(17)) for day in range(5)]


def utc(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=UTC)


def test_open_during_hours_in_the_points_own_time_zone():
    # 15:30 UTC is 09:30 in Guatemala.
    assert is_open(
        time_zone="America/Guatemala",
        weekly=WEEKDAYS_9_TO_17,
        exceptions=[],
        at=utc(MONDAY, 15, 30),
    )


def test_closed_before_opening_in_local_time_although_open_in_utc_terms():
    # 14:00 UTC is 08:00 in Guatemala: not yet open.
    assert not is_open(
        time_zone="America/Guatemala", weekly=WEEKDAYS_9_TO_17, exceptions=[], at=utc(MONDAY, 14)
    )


def test_closing_time_is_exclusive():
    assert not is_open(
        time_zone="America/Guatemala", weekly=WEEKDAYS_9_TO_17, exceptions=[], at=utc(MONDAY, 23)
    )


def test_state_says_when_it_closes():
    state = open_state(
        time_zone="America/Guatemala", weekly=WEEKDAYS_9_TO_17, exceptions=[], at=utc(MONDAY, 16)
    )
    assert state.is_open
    assert state.closes_at is not None
    assert (state.closes_at.hour, state.closes_at.minute) == (17, 0)


def test_state_after_friday_closing_opens_on_monday():
    friday_evening = utc(date(2026, 12, 4), 23, 30)  # 17:30 local
    state = open_state(
        time_zone="America/Guatemala", weekly=WEEKDAYS_9_TO_17, exceptions=[], at=friday_evening
    )
    assert not state.is_open
    assert state.opens_at is not None
    assert state.opens_at.date() == date(2026, 12, 7)
    assert state.days_ahead == 3


def test_state_before_opening_opens_today():
    state = open_state(
        time_zone="America/Guatemala", weekly=WEEKDAYS_9_TO_17, exceptions=[], at=utc(MONDAY, 13)
    )
    assert state.days_ahead == 0
    assert state.opens_at is not None
    assert state.opens_at.hour == 9


def test_several_intervals_a_day_leave_the_lunch_break_closed():
    split = [Row(0, time(9), time(13)), Row(0, time(14), time(18))]
    lunch = utc(MONDAY, 19, 30)  # 13:30 local
    state = open_state(time_zone="America/Guatemala", weekly=split, exceptions=[], at=lunch)
    assert not state.is_open
    assert state.opens_at is not None
    assert state.opens_at.hour == 14


def test_holiday_closes_the_whole_day():
    holiday = [Exc("holiday", MONDAY, MONDAY)]
    assert not is_open(
        time_zone="America/Guatemala",
        weekly=WEEKDAYS_9_TO_17,
        exceptions=holiday,
        at=utc(MONDAY, 16),
    )


def test_holiday_pushes_next_opening_to_the_following_day():
    state = open_state(
        time_zone="America/Guatemala",
        weekly=WEEKDAYS_9_TO_17,
        exceptions=[Exc("holiday", MONDAY, MONDAY)],
        at=utc(MONDAY, 13),
    )
    assert state.opens_at is not None
    assert state.opens_at.date() == date(2026, 12, 1)


def test_special_hours_replace_the_weekly_hours():
    special = [Exc("special", MONDAY, MONDAY, time(10), time(12))]
    assert day_intervals(day=MONDAY, weekly=WEEKDAYS_9_TO_17, exceptions=special) == [
        (time(10), time(12))
    ]
    assert not is_open(
        time_zone="America/Guatemala",
        weekly=WEEKDAYS_9_TO_17,
        exceptions=special,
        at=utc(MONDAY, 15, 30),
    )


def test_closure_wins_over_special_hours_on_the_same_day():
    both = [
        Exc("special", MONDAY, MONDAY, time(10), time(12)),
        Exc("closure", MONDAY, MONDAY),
    ]
    assert day_intervals(day=MONDAY, weekly=WEEKDAYS_9_TO_17, exceptions=both) == []


def test_open_day_and_night_has_no_closing_time():
    always = [Row(day, time(0), time(23, 59)) for day in range(7)]
    state = open_state(
        time_zone="America/Mexico_City", weekly=always, exceptions=[], at=utc(MONDAY, 5, 59)
    )
    assert state.is_open
    assert state.closes_at is None


def test_last_minute_of_a_day_and_night_point_is_open():
    always = [Row(day, time(0), time(23, 59)) for day in range(7)]
    monday_2359_local = utc(date(2026, 12, 1), 5, 59, 30)  # Mexico City is UTC-6
    assert is_open(
        time_zone="America/Mexico_City", weekly=always, exceptions=[], at=monday_2359_local
    )


def test_interval_to_midnight_runs_into_the_next_morning():
    late = [Row(0, time(18), time(23, 59)), Row(1, time(0), time(2))]
    monday_2100_local = utc(date(2026, 12, 1), 3)
    state = open_state(
        time_zone="America/Guatemala", weekly=late, exceptions=[], at=monday_2100_local
    )
    assert state.is_open
    assert state.closes_at is not None
    assert (state.closes_at.date(), state.closes_at.hour) == (date(2026, 12, 1), 2)


def test_never_opening_within_two_weeks_has_no_next_opening():
    state = open_state(time_zone="America/Guatemala", weekly=[], exceptions=[], at=utc(MONDAY, 12))
    assert not state.is_open
    assert state.opens_at is None
