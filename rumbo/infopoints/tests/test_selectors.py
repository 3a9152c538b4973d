import random
from datetime import UTC, date, datetime, time, timedelta

import pytest

from rumbo.core.factories import OrganisationFactory, PlaceFactory
from rumbo.core.geo import haversine_km
from rumbo.infopoints import selectors
from rumbo.infopoints.factories import (
    HoursExceptionFactory,
    InfoPointFactory,
    InfoPointLanguageFactory,
    ServiceFactory,
    weekly_hours,
)
from rumbo.infopoints.models import InfoPoint, latitude_band
from rumbo.infopoints.selectors import info_point_list_nearest

pytestmark = pytest.mark.django_db

# Monday 2026-11-30 16:00 UTC = 10:00 in Guatemala.
MONDAY_10_LOCAL = datetime(2026, 11, 30, 16, tzinfo=UTC)


def scatter(count: int, *, seed: int, lat=(5.0, 33.0), lon=(-118.0, -77.0)) -> list[InfoPoint]:
    rng = random.Random(seed)
    organisation = OrganisationFactory.create()
    place = PlaceFactory.create()
    points = []
    for number in range(count):
        latitude, longitude = rng.uniform(*lat), rng.uniform(*lon)
        points.append(
            InfoPoint(
                organisation=organisation,
                place=place,
                name=f"P{number}",
                slug=f"p-{seed}-{number}",
                address="x",
                latitude=latitude,
                longitude=longitude,
                latitude_band=latitude_band(latitude),
                time_zone="America/Guatemala",
            )
        )
    return InfoPoint.objects.bulk_create(points)


def brute_force(latitude, longitude, limit):
    """Every public point in the database (other tests' demo data included), by distance."""
    points = InfoPoint.objects.exclude(status=InfoPoint.Status.CLOSED)
    return sorted(
        (haversine_km(latitude, longitude, p.latitude, p.longitude), p.slug) for p in points
    )[:limit]


def test_nearest_matches_a_full_scan_for_random_origins():
    scatter(400, seed=1)
    rng = random.Random(2)
    for _ in range(25):
        latitude, longitude = rng.uniform(5, 33), rng.uniform(-118, -77)
        found = info_point_list_nearest(latitude=latitude, longitude=longitude, limit=10)
        expected = brute_force(latitude, longitude, 10)
        assert [point.slug for point, _ in found] == [slug for _, slug in expected]
        assert [round(d, 6) for _, d in found] == [round(d, 6) for d, _ in expected]


def test_nearest_finds_points_far_away_when_none_are_close():
    scatter(5, seed=3, lat=(-32, -30), lon=(-110, -108))
    found = info_point_list_nearest(latitude=-40.0, longitude=-100.0, limit=3)
    assert [p.slug for p, _ in found] == [slug for _, slug in brute_force(-40, -100, 3)]


def test_nearest_returns_all_when_fewer_exist_than_asked():
    scatter(3, seed=4)
    count = InfoPoint.objects.count()
    assert len(info_point_list_nearest(latitude=15, longitude=-90, limit=count + 5)) == count


def test_nearest_crosses_the_antimeridian():
    east = scatter(1, seed=5, lat=(0, 0.01), lon=(179.98, 179.99))
    scatter(1, seed=6, lat=(0, 0.01), lon=(170, 170.01))
    found = info_point_list_nearest(latitude=0.0, longitude=-179.99, limit=1)
    assert found[0][0].slug == east[0].slug
    assert found[0][1] < 5


def test_nearest_near_a_pole():
    scatter(20, seed=7, lat=(88, 89.9), lon=(-180, 180))
    found = info_point_list_nearest(latitude=89.95, longitude=0, limit=5)
    assert [p.slug for p, _ in found] == [s for _, s in brute_force(89.95, 0, 5)]


@pytest.mark.parametrize(
    ("latitude", "longitude"), [(91, 0), (0, 181), (float("nan"), 0), (0, float("inf"))]
)
def test_nearest_refuses_coordinates_off_the_globe(latitude, longitude):
    with pytest.raises(ValueError, match="latitude"):
        info_point_list_nearest(latitude=latitude, longitude=longitude)


def test_nearest_skips_points_closed_for_good():
    near = InfoPointFactory.create(latitude=-40.0, longitude=-100.0, status=InfoPoint.Status.CLOSED)
    far = InfoPointFactory.create(latitude=-39.0, longitude=-100.0)
    found = [p for p, _ in info_point_list_nearest(latitude=-40.0, longitude=-100.0, limit=1)]
    assert found == [far]
    assert near not in found


def test_service_filter_keeps_only_points_offering_it():
    legal = ServiceFactory.create(code="legal-advice")
    near = InfoPointFactory.create(latitude=-40.00, longitude=-100.0)
    offering = InfoPointFactory.create(latitude=-39.90, longitude=-100.0)
    offering.services.add(legal)
    found = info_point_list_nearest(
        latitude=-40.0, longitude=-100.0, limit=1, service="legal-advice"
    )
    assert [p for p, _ in found] == [offering]
    assert near.pk != offering.pk


def test_language_filter_keeps_only_points_speaking_it():
    InfoPointFactory.create(latitude=-40.00, longitude=-100.0)
    kiche = InfoPointLanguageFactory.create(
        code="quc", info_point=InfoPointFactory.create(latitude=-39.7, longitude=-100.5)
    ).info_point
    found = info_point_list_nearest(latitude=-40.0, longitude=-100.0, limit=1, language="quc")
    assert [p for p, _ in found] == [kiche]


def test_open_now_uses_each_points_own_time_zone():
    # At 16:00 UTC: 10:00 in Guatemala (open 9-17), 08:00 in Tijuana (UTC-8, not yet open).
    guatemala = InfoPointFactory.create(
        latitude=-40.0, longitude=-100.0, time_zone="America/Guatemala"
    )
    tijuana = InfoPointFactory.create(
        latitude=-39.99, longitude=-100.0, time_zone="America/Tijuana"
    )
    weekly_hours(guatemala)
    weekly_hours(tijuana)
    found = info_point_list_nearest(
        latitude=-39.99, longitude=-100.0, limit=2, open_now=True, at=MONDAY_10_LOCAL
    )
    assert [p for p, _ in found][0] == guatemala
    assert tijuana not in [p for p, _ in found]


def test_open_now_respects_a_holiday():
    point = InfoPointFactory.create(latitude=-40.0, longitude=-100.0)
    weekly_hours(point)
    HoursExceptionFactory.create(
        info_point=point, starts_on=date(2026, 11, 30), ends_on=date(2026, 11, 30)
    )
    # At distance 0 it would come first if it counted as open.
    found = info_point_list_nearest(
        latitude=-40.0, longitude=-100.0, limit=1, open_now=True, at=MONDAY_10_LOCAL
    )
    assert point not in [p for p, _ in found]


def test_open_now_skips_temporarily_closed_points():
    point = InfoPointFactory.create(
        latitude=-40.0, longitude=-100.0, status=InfoPoint.Status.TEMPORARILY_CLOSED
    )
    weekly_hours(point)
    # At distance 0 it would come first if it counted as open.
    found = info_point_list_nearest(
        latitude=-40.0, longitude=-100.0, limit=1, open_now=True, at=MONDAY_10_LOCAL
    )
    assert point not in [p for p, _ in found]


def test_open_now_looks_further_when_the_nearest_are_closed():
    closed = [
        InfoPointFactory.create(latitude=-40.0 + n / 1000, longitude=-100.0) for n in range(60)
    ]
    open_far = InfoPointFactory.create(latitude=-38.6, longitude=-100.0)
    weekly_hours(open_far)
    found = info_point_list_nearest(
        latitude=-40.0, longitude=-100.0, limit=1, open_now=True, at=MONDAY_10_LOCAL
    )
    assert [p for p, _ in found] == [open_far]
    assert len(closed) == 60


def test_overdue_lists_unconfirmed_and_stale_points_oldest_first(settings):
    settings.RUMBO_INFOPOINT_CONFIRM_DAYS = 90
    today = date(2026, 11, 30)
    never = InfoPointFactory.create(last_confirmed=None)
    stale = InfoPointFactory.create(last_confirmed=today - timedelta(days=91))
    fresh = InfoPointFactory.create(last_confirmed=today - timedelta(days=89))
    mine = {never.pk, stale.pk, fresh.pk}
    overdue = [p for p in selectors.info_point_list_overdue(today=today) if p.pk in mine]
    assert overdue == [never, stale]


def test_confirmation_period_follows_the_setting(settings):
    settings.RUMBO_INFOPOINT_CONFIRM_DAYS = 30
    today = date(2026, 11, 30)
    point = InfoPointFactory.create(last_confirmed=today - timedelta(days=31))
    assert selectors.info_point_is_overdue(point=point, today=today)


def test_weekly_hours_and_time_are_valid_model_fields():
    point = InfoPointFactory.create()
    weekly_hours(point, days=[0], opens=time(8), closes=time(12))
    week = selectors.info_point_week(point=point)
    assert len(week) == 7
    assert [(row.opens, row.closes) for row in week[0][1]] == [(time(8), time(12))]
    assert week[1][1] == []
