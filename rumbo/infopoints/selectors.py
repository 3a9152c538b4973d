import math
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Avg, F, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from rumbo.core.geo import EARTH_RADIUS_KM, haversine_km
from rumbo.core.models import Organisation, Place
from rumbo.core.places import language_name, municipality_resolve
from rumbo.core.text import fold
from rumbo.infopoints import hours, hsds
from rumbo.infopoints.models import (
    HoursException,
    InfoPoint,
    InfoPointLanguage,
    InfoPointService,
    OpeningHours,
    Service,
    Weekday,
    latitude_band,
)

# The first search box; it grows until it holds enough points. 8 km holds about ten points at
# the density of a million points spread over Mexico and Central America.
INITIAL_RADIUS_KM = 8.0
# Above this many latitude bands the band index is read as one range instead of many seeks.
MAX_BANDS_IN_LIST = 200
# Points whose hours are checked per query when "open now" filters the nearest list.
OPEN_CHECK_BATCH = 50


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


def _point_prefetches() -> tuple:
    """What a list or detail page shows of each point, in a fixed number of queries."""
    return (
        "phones",
        "opening_hours",
        Prefetch("exceptions", queryset=HoursException.objects.order_by("starts_on")),
        Prefetch("services", queryset=Service.objects.order_by("order", "code")),
        "languages",
    )


def info_point_prefetched(queryset: QuerySet[InfoPoint]) -> QuerySet[InfoPoint]:
    return queryset.select_related(
        "place__parent", "place__country", "organisation"
    ).prefetch_related(*_point_prefetches())


def info_point_prefetch(points: list[InfoPoint]) -> None:
    """Loads what a page shows of each point (phones, hours, ...) onto points already read."""
    prefetch_related_objects(points, *_point_prefetches())


@dataclass(frozen=True)
class _Box:
    """Latitude bands and longitude ranges that hold every point within a radius."""

    first_band: int
    last_band: int
    # Empty when every longitude is in; two ranges when the box crosses the antimeridian.
    longitudes: tuple[tuple[float, float], ...]

    def as_q(self) -> Q:
        box = (
            Q(latitude_band__range=(self.first_band, self.last_band))
            if self.last_band - self.first_band > MAX_BANDS_IN_LIST
            else Q(latitude_band__in=range(self.first_band, self.last_band + 1))
        )
        if not self.longitudes:
            return box
        ranges = Q()
        for west, east in self.longitudes:
            ranges |= Q(longitude__range=(west, east))
        return box & ranges

    def as_sql(self, table: str) -> tuple[str, list]:
        if self.last_band - self.first_band > MAX_BANDS_IN_LIST:
            sql = f"{table}.latitude_band BETWEEN %s AND %s"
            params: list = [self.first_band, self.last_band]
        else:
            bands = list(range(self.first_band, self.last_band + 1))
            sql = f"{table}.latitude_band IN ({', '.join(['%s'] * len(bands))})"
            params = bands
        if self.longitudes:
            ranges = " OR ".join(f"{table}.longitude BETWEEN %s AND %s" for _ in self.longitudes)
            sql += f" AND ({ranges})"
            params += [bound for pair in self.longitudes for bound in pair]
        return sql, params


def _box(*, latitude: float, longitude: float, radius_km: float) -> _Box | None:
    """The box around the circle of `radius_km`, or None when it would cover the globe.

    The longitude half-width is exact for a sphere: a point whose longitude differs by more
    than d from the origin's lies at least asin(cos(lat) * sin(d)) * R away (its distance to
    the meridian), so d = asin(sin(r / R) / cos(lat)) loses nothing.
    """
    angular = radius_km / EARTH_RADIUS_KM
    if angular >= math.pi / 2:
        return None
    dlat = math.degrees(angular)
    south, north = max(-90.0, latitude - dlat), min(90.0, latitude + dlat)
    bands = (latitude_band(south), latitude_band(north))
    cos_lat = math.cos(math.radians(latitude))
    if north >= 90 or south <= -90 or math.sin(angular) >= cos_lat:
        return _Box(*bands, ())  # the circle reaches a pole or spans every longitude
    dlon = math.degrees(math.asin(math.sin(angular) / cos_lat))
    west, east = longitude - dlon, longitude + dlon
    if west < -180:
        return _Box(*bands, ((west + 360, 180.0), (-180.0, east)))
    if east > 180:
        return _Box(*bands, ((west, 180.0), (-180.0, east - 360)))
    return _Box(*bands, ((west, east),))


def _box_filter(*, latitude: float, longitude: float, radius_km: float) -> Q | None:
    box = _box(latitude=latitude, longitude=longitude, radius_km=radius_km)
    return box.as_q() if box is not None else None


def _candidate_rows(
    *,
    box: _Box | None,
    service: str | None,
    language: str | None,
    active_only: bool,
) -> list[tuple[int, float, float]]:
    """(pk, latitude, longitude) of the public points in `box` that pass the filters.

    Hand-written SQL because this runs several times per search and the ORM's query building
    costs more than the indexed lookup itself. Table names come from the models' metadata and
    every value is a query parameter.
    """
    point = InfoPoint._meta.db_table
    conditions = [f"{point}.status <> %s"]
    params: list = [InfoPoint.Status.CLOSED]
    if active_only:
        conditions.append(f"{point}.status = %s")
        params.append(InfoPoint.Status.ACTIVE)
    if box is not None:
        sql, box_params = box.as_sql(point)
        conditions.append(sql)
        params += box_params
    if service:
        through = InfoPointService._meta.db_table
        service_table = Service._meta.db_table
        conditions.append(
            f"EXISTS (SELECT 1 FROM {through} JOIN {service_table} "  # noqa: S608
            f"ON {service_table}.id = {through}.service_id "
            f"WHERE {through}.infopoint_id = {point}.id AND {service_table}.code = %s)"
        )
        params.append(service)
    if language:
        languages = InfoPointLanguage._meta.db_table
        conditions.append(
            f"EXISTS (SELECT 1 FROM {languages} "  # noqa: S608
            f"WHERE {languages}.info_point_id = {point}.id AND {languages}.code = %s)"
        )
        params.append(language)
    query = (
        f"SELECT {point}.id, {point}.latitude, {point}.longitude FROM {point} "  # noqa: S608
        f"WHERE {' AND '.join(conditions)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


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
    until the circle it contains holds enough points; exact distances are computed in Python
    on that small set. The points come with their organisation and place; a page that shows
    hours, phones or languages prefetches them (`info_point_prefetch`), as the directory
    does. Raises ValueError for coordinates off the globe.
    """
    if not coordinates_valid(latitude=latitude, longitude=longitude):
        raise ValueError("latitude must be in [-90, 90] and longitude in [-180, 180]")
    if limit <= 0:
        return []
    at = at or timezone.now()
    open_ids: set[int] = set()
    checked: set[int] = set()
    radius = INITIAL_RADIUS_KM
    while True:
        box = _box(latitude=latitude, longitude=longitude, radius_km=radius)
        rows = _candidate_rows(box=box, service=service, language=language, active_only=open_now)
        found = sorted(
            (distance, pk)
            for pk, lat, lon in rows
            if (distance := haversine_km(latitude, longitude, lat, lon)) <= radius or box is None
        )
        if open_now:
            found = _keep_open(found, limit=limit, at=at, open_ids=open_ids, checked=checked)
        if len(found) >= limit or box is None:
            break
        # Points per area being roughly even nearby, a circle `sqrt(limit / found)` times
        # wider should hold enough; an empty box grows fast, so sparse regions need few rounds.
        radius *= min(8.0, max(1.5, 1.2 * math.sqrt(limit / len(found)))) if found else 4

    nearest = found[:limit]
    # The base manager skips modeltranslation's query rewriting; instances still read each
    # translated field in the active language.
    points = {
        point.pk: point
        for point in InfoPoint._base_manager.select_related(
            "organisation", "place__parent", "place__country"
        )
        .filter(pk__in=[pk for _, pk in nearest])
        .order_by()
    }
    return [(points[pk], distance) for distance, pk in nearest]


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


def confirm_days() -> int:
    return settings.RUMBO_INFOPOINT_CONFIRM_DAYS


def info_point_overdue_filter(*, today: date | None = None) -> Q:
    """Points whose details were never confirmed or not within the confirmation period."""
    today = today or timezone.localdate()
    return Q(last_confirmed__isnull=True) | Q(
        last_confirmed__lt=today - timedelta(days=confirm_days())
    )


def info_point_list_overdue(*, today: date | None = None) -> QuerySet[InfoPoint]:
    return (
        InfoPoint.objects.exclude(status=InfoPoint.Status.CLOSED)
        .filter(info_point_overdue_filter(today=today))
        .order_by(F("last_confirmed").asc(nulls_first=True), "name")
    )


def language_choices() -> list[tuple[str, str]]:
    codes = InfoPointLanguage.objects.values_list("code", flat=True).distinct()
    return sorted(((code, language_name(code)) for code in codes), key=lambda item: fold(item[1]))


@dataclass(frozen=True)
class Origin:
    latitude: float
    longitude: float
    label: str
    # "location" (from the browser), "place" (picked) or "name" (typed).
    kind: str = "place"


@dataclass(frozen=True)
class OriginSearch:
    origin: Origin | None
    # Places matching a typed name, when it is ambiguous or not found (empty).
    choices: list[Place]


def origin_resolve(
    *,
    latitude: float | None,
    longitude: float | None,
    place: Place | None,
    query: str,
    prefer: str = "",
) -> OriginSearch:
    """Where to measure distances from: what the person just used (`prefer`: the button they
    pressed), else the browser's location, else the municipality picked, else the typed place
    name when it names one place unambiguously."""
    query = query.strip()
    if prefer == "name" and query:
        return _origin_from_name(query)
    if prefer == "place" and place is not None:
        return OriginSearch(Origin(place.latitude, place.longitude, str(place)), [])
    if latitude is not None and longitude is not None:
        return OriginSearch(Origin(latitude, longitude, _("your location"), "location"), [])
    if place is not None:
        return OriginSearch(Origin(place.latitude, place.longitude, str(place)), [])
    if not query:
        return OriginSearch(None, [])
    return _origin_from_name(query)


def _origin_from_name(query: str) -> OriginSearch:
    found = municipality_resolve(place=None, query=query)
    if found.place is None:
        return OriginSearch(None, found.choices)
    chosen = found.place
    return OriginSearch(Origin(chosen.latitude, chosen.longitude, str(chosen), "name"), [])


@dataclass(frozen=True)
class DirectoryEntry:
    point: InfoPoint
    distance_km: float
    state: hours.OpenState


def info_point_open_state(*, point: InfoPoint, at: datetime) -> hours.OpenState:
    """Uses the point's prefetched hours and exceptions (see info_point_prefetched)."""
    if point.status != InfoPoint.Status.ACTIVE:
        return hours.OpenState(False)
    return hours.open_state(
        time_zone=point.time_zone,
        weekly=list(point.opening_hours.all()),
        exceptions=list(point.exceptions.all()),
        at=at,
    )


def info_point_directory(
    *,
    origin: Origin,
    service: str | None,
    language: str | None,
    open_now: bool,
    at: datetime,
    limit: int = 10,
) -> list[DirectoryEntry]:
    nearest = info_point_list_nearest(
        latitude=origin.latitude,
        longitude=origin.longitude,
        limit=limit,
        service=service,
        language=language,
        open_now=open_now,
        at=at,
    )
    info_point_prefetch([point for point, _ in nearest])
    return [
        DirectoryEntry(point, distance, info_point_open_state(point=point, at=at))
        for point, distance in nearest
    ]


def info_point_week(*, point: InfoPoint) -> list[tuple[Any, list[OpeningHours]]]:
    """Each weekday from Monday with its opening intervals (prefetched), empty when closed."""
    rows = list(point.opening_hours.all())
    return [(label, [row for row in rows if row.weekday == day]) for day, label in Weekday.choices]


def info_point_upcoming_exceptions(*, point: InfoPoint, today: date) -> list[HoursException]:
    return [exc for exc in point.exceptions.all() if exc.ends_on >= today]


def info_point_is_overdue(*, point: InfoPoint, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return point.last_confirmed is None or point.last_confirmed < today - timedelta(
        days=confirm_days()
    )


def info_point_ids_within(
    *, latitude: float, longitude: float, radius_km: float, queryset: QuerySet[InfoPoint]
) -> list[tuple[float, int]]:
    """(distance, pk) of the points of `queryset` within `radius_km`, nearest first."""
    if not coordinates_valid(latitude=latitude, longitude=longitude):
        raise ValueError("latitude must be in [-90, 90] and longitude in [-180, 180]")
    box = _box_filter(latitude=latitude, longitude=longitude, radius_km=radius_km)
    rows = (queryset.filter(box) if box is not None else queryset).values_list(
        "pk", "latitude", "longitude"
    )
    return sorted(
        (distance, pk)
        for pk, lat, lon in rows
        if (distance := haversine_km(latitude, longitude, lat, lon)) <= radius_km
    )


# Reads of the HSDS API (api.py renders what these return)


def _uuid_or_none(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return None


def hsds_organisation_list(*, search: str = "") -> QuerySet[Organisation]:
    """The organisations with at least one point, by slug: the HSDS organizations."""
    organisations = Organisation.objects.filter(
        pk__in=InfoPoint.objects.values("organisation_id")
    ).order_by("slug")
    return organisations.filter(name__icontains=search) if search else organisations


def hsds_organisation_get(*, hsds_id: str) -> Organisation | None:
    # An organisation's HSDS id is derived from its slug; organisations are few (one per
    # partner), so their ids are derived from the slugs alone, without loading the rows.
    slugs = hsds_organisation_list().values_list("slug", flat=True)
    slug = next((slug for slug in slugs if hsds.organisation_slug_id(slug) == hsds_id), None)
    return Organisation.objects.filter(slug=slug).first() if slug else None


def hsds_links(*, taxonomy_term_id: str = "", organization_id: str = "") -> QuerySet:
    """Point-service links (service_at_locations), narrowed to an HSDS taxonomy term and
    organisation when given."""
    links = InfoPointService.objects.select_related("infopoint__organisation", "service")
    if taxonomy_term_id:
        term = _uuid_or_none(taxonomy_term_id)
        links = links.filter(service__uuid=term) if term else links.none()
    if organization_id:
        organisation = hsds_organisation_get(hsds_id=organization_id)
        links = links.filter(infopoint__organisation=organisation) if organisation else links.none()
    return links


def hsds_offering_list(
    *, search: str = "", taxonomy_term_id: str = "", organization_id: str = ""
) -> QuerySet:
    """The distinct (organisation, service) pairs offered at one or more points, the HSDS
    services, as rows {"organisation": pk, "service": pk} to paginate in the database; turn a
    page into objects with `hsds_offerings_resolve`."""
    links = hsds_links(taxonomy_term_id=taxonomy_term_id, organization_id=organization_id)
    if search:
        links = links.filter(
            Q(service__name__icontains=search) | Q(infopoint__organisation__name__icontains=search)
        )
    return (
        links.order_by("infopoint__organisation__slug", "service__order", "service__code")
        .values(organisation=F("infopoint__organisation"), service_pk=F("service"))
        .distinct()
    )


def hsds_offerings_resolve(rows: Iterable[dict]) -> list[tuple[Organisation, Service]]:
    rows = list(rows)
    organisations = Organisation.objects.in_bulk({row["organisation"] for row in rows})
    services = Service.objects.in_bulk({row["service_pk"] for row in rows})
    return [(organisations[row["organisation"]], services[row["service_pk"]]) for row in rows]


def hsds_offering_get(*, hsds_id: str) -> tuple[Organisation, Service] | None:
    # A service's HSDS id is derived from the organisation slug and service code: the pairs
    # (a few per organisation) are read as two strings each and matched here.
    pairs = (
        InfoPointService.objects.values_list("infopoint__organisation__slug", "service__code")
        .distinct()
        .order_by()
    )
    match = next((pair for pair in pairs if hsds.service_id(*pair) == hsds_id), None)
    if match is None:
        return None
    return (
        Organisation.objects.get(slug=match[0]),
        Service.objects.get(code=match[1]),
    )


def hsds_service_at_location_list(
    *,
    search: str = "",
    taxonomy_term_id: str = "",
    organization_id: str = "",
    postcode: str = "",
) -> QuerySet:
    links = hsds_links(taxonomy_term_id=taxonomy_term_id, organization_id=organization_id)
    if search:
        links = links.filter(
            Q(infopoint__name__icontains=search) | Q(service__name__icontains=search)
        )
    if postcode:
        links = links.filter(infopoint__postal_code=postcode)
    return links.order_by("infopoint__organisation__slug", "infopoint__slug", "service__order")


def hsds_service_at_location_get(*, hsds_id: str) -> InfoPointService | None:
    found = _uuid_or_none(hsds_id)
    if found is None:
        return None
    return (
        InfoPointService.objects.filter(hsds_id=found)
        .select_related("infopoint__organisation", "service")
        .first()
    )


def postcode_centroid(*, postcode: str) -> tuple[float, float] | None:
    """The mean position of the points with this postal code, or None if none has it."""
    centre = InfoPoint.objects.filter(postal_code=postcode).aggregate(
        latitude=Avg("latitude"), longitude=Avg("longitude")
    )
    if centre["latitude"] is None:
        return None
    return centre["latitude"], centre["longitude"]


def hsds_point_list(
    *,
    organisation: Organisation | None = None,
    service: Service | None = None,
    point_ids: Iterable[int] | None = None,
) -> QuerySet[InfoPoint]:
    """Points as the HSDS export reads them (hsds.points_for_export), narrowed."""
    points = InfoPoint.objects.all()
    if organisation is not None:
        points = points.filter(organisation=organisation)
    if service is not None:
        points = points.filter(services=service)
    if point_ids is not None:
        points = points.filter(pk__in=list(point_ids))
    return hsds.points_for_export(points)


def info_point_list_all() -> QuerySet[InfoPoint]:
    """Every point, closed ones too: the HSDS API publishes the whole directory."""
    return InfoPoint.objects.all()
