import math
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from rumbo.infopoints import hours
from rumbo.infopoints.models import (
    HoursException,
    InfoPoint,
    OpeningHours,
    Service,
    latitude_band,
)

EARTH_RADIUS_KM = 6371.0088
# The first search box; it grows until it holds enough points. 8 km holds about ten points at
# the density of a million points spread over Mexico and Central America.
INITIAL_RADIUS_KM = 8.0
# Above this many latitude bands the band index is read as one range instead of many seeks.
MAX_BANDS_IN_LIST = 200
# Points whose hours are checked per query when "open now" filters the nearest list.
OPEN_CHECK_BATCH = 50


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def coordinates_valid(*, latitude: float, longitude: float) -> bool:
    return (
        math.isfinite(latitude)
        and math.isfinite(longitude)
        and -90 <= latitude <= 90
        and -180 <= longitude <= 180
    )


def info_point_list_public() -> QuerySet[InfoPoint]:
    """Points shown in the directory: every point not closed for good."""
    return InfoPoint.objects.exclude(status=InfoPoint.Status.CLOSED)


def info_point_prefetched(queryset: QuerySet[InfoPoint]) -> QuerySet[InfoPoint]:
    """What a list or detail page shows of each point, in a fixed number of queries."""
    return queryset.select_related(
        "place__parent", "place__country", "organisation"
    ).prefetch_related(
        "phones",
        "opening_hours",
        Prefetch("exceptions", queryset=HoursException.objects.order_by("starts_on")),
        Prefetch("services", queryset=Service.objects.order_by("order", "code")),
        "languages",
    )


def _box_filter(*, latitude: float, longitude: float, radius_km: float) -> Q | None:
    """A filter that keeps every point within `radius_km` of the origin (and some more), or
    None when the box would cover the whole globe.

    The longitude half-width is exact for a sphere: a point whose longitude differs by more
    than d from the origin's lies at least asin(cos(lat) * sin(d)) * R away (its distance to
    the meridian), so d = asin(sin(r / R) / cos(lat)) loses nothing.
    """
    angular = radius_km / EARTH_RADIUS_KM
    if angular >= math.pi / 2:
        return None
    dlat = math.degrees(angular)
    south, north = max(-90.0, latitude - dlat), min(90.0, latitude + dlat)
    first_band, last_band = latitude_band(south), latitude_band(north)
    if last_band - first_band > MAX_BANDS_IN_LIST:
        box = Q(latitude_band__range=(first_band, last_band))
    else:
        box = Q(latitude_band__in=range(first_band, last_band + 1))
    cos_lat = math.cos(math.radians(latitude))
    if north >= 90 or south <= -90 or math.sin(angular) >= cos_lat:
        return box  # the circle reaches a pole or spans every longitude
    dlon = math.degrees(math.asin(math.sin(angular) / cos_lat))
    west, east = longitude - dlon, longitude + dlon
    if west < -180:
        return box & (Q(longitude__gte=west + 360) | Q(longitude__lte=east))
    if east > 180:
        return box & (Q(longitude__gte=west) | Q(longitude__lte=east - 360))
    return box & Q(longitude__range=(west, east))


def info_point_open_ids(*, point_ids: list[int], at: datetime) -> set[int]:
    """Which of the given active points are open at `at`, each in its own time zone."""
    if not point_ids:
        return set()
    weekly: dict[int, list[OpeningHours]] = defaultdict(list)
    for row in OpeningHours.objects.filter(info_point_id__in=point_ids):
        weekly[row.info_point_id].append(row)
    exceptions: dict[int, list[HoursException]] = defaultdict(list)
    # Local dates differ from the UTC date by at most a day either way.
    day = at.astimezone(UTC).date()
    for exc in HoursException.objects.filter(
        info_point_id__in=point_ids,
        starts_on__lte=day + timedelta(days=1),
        ends_on__gte=day - timedelta(days=1),
    ):
        exceptions[exc.info_point_id].append(exc)
    zones = dict(
        InfoPoint.objects.filter(pk__in=point_ids, status=InfoPoint.Status.ACTIVE).values_list(
            "pk", "time_zone"
        )
    )
    return {
        pk
        for pk, zone in zones.items()
        if hours.is_open(time_zone=zone, weekly=weekly[pk], exceptions=exceptions[pk], at=at)
    }


def info_point_list_nearest(
    *,
    latitude: float,
    longitude: float,
    limit: int = 10,
    service: str | None = None,
    language: str | None = None,
    open_now: bool = False,
    at: datetime | None = None,
) -> list[tuple[InfoPoint, float]]:
    """The `limit` public points nearest to the origin, with their distance in km, nearest
    first, keeping only those offering `service` (a Service code), speaking `language` (an
    ISO 639-3 code) and, with `open_now`, open at `at` (default: now) in their own time zone.

    A box around the origin is read through the (latitude band, longitude) index and grown
    until the points inside the circle it contains are enough; exact distances are computed
    in Python on that small set. Raises ValueError for coordinates off the globe.
    """
    if not coordinates_valid(latitude=latitude, longitude=longitude):
        raise ValueError("latitude must be in [-90, 90] and longitude in [-180, 180]")
    if limit <= 0:
        return []
    at = at or timezone.now()
    candidates = info_point_list_public()
    if service:
        candidates = candidates.filter(services__code=service)
    if language:
        candidates = candidates.filter(languages__code=language)
    if open_now:
        candidates = candidates.filter(status=InfoPoint.Status.ACTIVE)

    open_ids: set[int] = set()
    checked: set[int] = set()
    radius = INITIAL_RADIUS_KM
    while True:
        box = _box_filter(latitude=latitude, longitude=longitude, radius_km=radius)
        rows = (candidates.filter(box) if box is not None else candidates).values_list(
            "pk", "latitude", "longitude"
        )
        found = sorted(
            (haversine_km(latitude, longitude, lat, lon), pk)
            for pk, lat, lon in rows
            if box is None or haversine_km(latitude, longitude, lat, lon) <= radius
        )
        if open_now:
            found = _keep_open(found, limit=limit, at=at, open_ids=open_ids, checked=checked)
        if len(found) >= limit or box is None:
            break
        # Grow faster when the box was empty: sparse regions need few rounds.
        radius *= 2 if found else 4

    nearest = found[:limit]
    points = info_point_prefetched(InfoPoint.objects.filter(pk__in=[pk for _, pk in nearest]))
    by_pk = {point.pk: point for point in points}
    return [(by_pk[pk], distance) for distance, pk in nearest]


def _keep_open(
    found: list[tuple[float, int]],
    *,
    limit: int,
    at: datetime,
    open_ids: set[int],
    checked: set[int],
) -> list[tuple[float, int]]:
    """The open points of `found`, checking hours nearest first and only until `limit` are
    known open (each point is checked once across the growing boxes)."""
    kept: list[tuple[float, int]] = []
    index = 0
    while index < len(found) and len(kept) < limit:
        batch = [pk for _, pk in found[index : index + OPEN_CHECK_BATCH] if pk not in checked]
        open_ids |= info_point_open_ids(point_ids=batch, at=at)
        checked.update(batch)
        kept += [item for item in found[index : index + OPEN_CHECK_BATCH] if item[1] in open_ids]
        index += OPEN_CHECK_BATCH
    return kept


def info_point_get(*, slug: str) -> InfoPoint | None:
    return info_point_prefetched(info_point_list_public().filter(slug=slug)).first()


def service_list() -> QuerySet[Service]:
    return Service.objects.order_by("order", "code")
