"""The HSDS 3.0 API (Open Referral), read-only, at /api/hsds/: the paths, parameters and page
format of the specification's OpenAPI file; objects as in the export (see hsds.py)."""

import math
import uuid
from datetime import datetime

from django.db.models import Q
from django.http import HttpRequest
from django.utils import translation
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from rumbo.core.models import Organisation
from rumbo.infopoints import clock, hsds, selectors
from rumbo.infopoints.models import InfoPoint, Service

API_PREFIX = "hsds"
router = Router(tags=["HSDS 3.0"])

MAX_PER_PAGE = 200
EARTH_METRES_MAX = 20_037_509  # half the equator: every point on Earth is closer


class PageParams(Schema):
    page: int = Field(1, ge=1, description="Page number of paginated result.")
    per_page: int = Field(
        50, ge=1, le=MAX_PER_PAGE, description="Number of results requested in a single page."
    )


def _page(items: list, params: PageParams, render) -> dict:
    """The HSDS page envelope around one page of `items`, rendered by `render`."""
    total = len(items)
    start = (params.page - 1) * params.per_page
    contents = [render(item) for item in items[start : start + params.per_page]]
    total_pages = math.ceil(total / params.per_page)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": params.page,
        "size": len(contents),
        "first_page": params.page == 1,
        "last_page": params.page >= total_pages,
        "empty": total == 0,
        "contents": contents,
    }


def _organisations_by_hsds_id() -> dict[str, Organisation]:
    organisations = Organisation.objects.filter(info_points__isnull=False).distinct()
    return {hsds.organisation_id(org): org for org in organisations}


def _service_links(*, taxonomy_term_id: str, organization_id: str):
    """Point-service links, narrowed to an HSDS taxonomy term and organisation when given."""
    links = InfoPoint.services.through.objects.select_related("infopoint__organisation", "service")
    if taxonomy_term_id:
        term = _uuid_or_none(taxonomy_term_id)
        links = links.filter(service__uuid=term) if term else links.none()
    if organization_id:
        org = _organisations_by_hsds_id().get(organization_id)
        links = links.filter(infopoint__organisation=org) if org else links.none()
    return links


def _offered(search: str = "", taxonomy_term_id: str = "", organization_id: str = ""):
    """(organisation, service) pairs offered at one or more points: the HSDS services."""
    links = _service_links(taxonomy_term_id=taxonomy_term_id, organization_id=organization_id)
    if search:
        links = links.filter(
            Q(service__name__icontains=search) | Q(infopoint__organisation__name__icontains=search)
        )
    pairs = {
        (link.infopoint.organisation.slug, link.service.code): (
            link.infopoint.organisation,
            link.service,
        )
        for link in links
    }
    return [pairs[key] for key in sorted(pairs, key=lambda k: (k[0], pairs[k][1].order, k[1]))]


def _uuid_or_none(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _full_service(organisation: Organisation, service: Service) -> dict:
    points = hsds.points_for_export(
        InfoPoint.objects.filter(organisation=organisation, services=service)
    )
    data = hsds.service(organisation, service)
    data["organization"] = hsds.organization(organisation)
    data["service_at_locations"] = [
        {
            "id": hsds.service_at_location_id(point, service.code),
            "service_id": data["id"],
            "location_id": str(point.uuid),
            "location": hsds.location(point, at=_now()),
        }
        for point in points
    ]
    return data


def _now() -> datetime:
    return clock.now()


@router.get("/", summary="About this API")
def api_meta(request: HttpRequest) -> dict:
    return {
        "version": hsds.HSDS_VERSION,
        "profile": "https://docs.openreferral.org/en/latest/hsds/overview.html",
        "openapi_url": request.build_absolute_uri("/api/openapi.json"),
    }


@router.get("/services", summary="Paginated list of services")
def service_list(
    request: HttpRequest,
    params: Query[PageParams],
    search: str = "",
    taxonomy_term_id: str = "",
    organization_id: str = "",
    full: bool = False,
) -> dict:
    with translation.override(hsds.EXPORT_LANGUAGE):
        pairs = _offered(search[:100], taxonomy_term_id, organization_id)
        render = (lambda pair: _full_service(*pair)) if full else (lambda pair: hsds.service(*pair))
        return _page(pairs, params, render)


@router.get("/services/{id}", summary="A fully nested service")
def service_detail(request: HttpRequest, id: str) -> dict:
    with translation.override(hsds.EXPORT_LANGUAGE):
        for organisation, service in _offered():
            if hsds.service_id(organisation.slug, service.code) == id:
                return _full_service(organisation, service)
    raise HttpError(404, "No service with this id.")


def _organisation_full(organisation: Organisation) -> dict:
    points = hsds.points_for_export(InfoPoint.objects.filter(organisation=organisation))
    return hsds.organization(
        organisation, locations=[hsds.location(point, at=_now()) for point in points]
    )


@router.get("/organizations", summary="Paginated list of organizations")
def organization_list(
    request: HttpRequest, params: Query[PageParams], search: str = "", full: bool = False
) -> dict:
    with translation.override(hsds.EXPORT_LANGUAGE):
        organisations = sorted(_organisations_by_hsds_id().values(), key=lambda org: org.slug)
        if search:
            organisations = [org for org in organisations if search.lower() in org.name.lower()]
        return _page(organisations, params, _organisation_full if full else hsds.organization)


@router.get("/organizations/{id}", summary="A fully nested organization")
def organization_detail(request: HttpRequest, id: str) -> dict:
    with translation.override(hsds.EXPORT_LANGUAGE):
        organisation = _organisations_by_hsds_id().get(id)
        if organisation is None:
            raise HttpError(404, "No organization with this id.")
        return _organisation_full(organisation)


@router.get("/service_at_locations", summary="Paginated list of services at locations")
def service_at_location_list(
    request: HttpRequest,
    params: Query[PageParams],
    search: str = "",
    taxonomy_term_id: str = "",
    organization_id: str = "",
    postcode: str = "",
    proximity: str = "",
    full: bool = False,
) -> dict:
    """`proximity` is a distance in metres from the centroid of `postcode` (the mean position
    of the points with that postal code), as in the specification; or, since most places
    served here have no postcode gazetteer, `latitude,longitude,metres`."""
    with translation.override(hsds.EXPORT_LANGUAGE):
        links = _service_links(
            taxonomy_term_id=taxonomy_term_id, organization_id=organization_id
        ).order_by("infopoint__organisation__slug", "infopoint__slug", "service__order")
        if search:
            links = links.filter(
                Q(infopoint__name__icontains=search[:100])
                | Q(service__name__icontains=search[:100])
            )
        if postcode and not proximity:
            links = links.filter(infopoint__postal_code=postcode)
        items = list(links)
        if proximity:
            distances = {
                pk: distance for distance, pk in _within(proximity=proximity, postcode=postcode)
            }
            items = sorted(
                (link for link in items if link.infopoint_id in distances),
                key=lambda link: (distances[link.infopoint_id], link.service.order),
            )
        points = {}
        if full:
            ids = {link.infopoint_id for link in items}
            points = {p.pk: p for p in hsds.points_for_export(InfoPoint.objects.filter(pk__in=ids))}

        def render(link) -> dict:
            data: dict = {
                "id": hsds.service_at_location_id(link.infopoint, link.service.code),
                "service_id": hsds.service_id(link.infopoint.organisation.slug, link.service.code),
                "location_id": str(link.infopoint.uuid),
            }
            if full:
                data["location"] = hsds.location(points[link.infopoint_id], at=_now())
            return data

        return _page(items, params, render)


@router.get("/service_at_locations/{id}", summary="A service at a location, fully nested")
def service_at_location_detail(request: HttpRequest, id: str) -> dict:
    with translation.override(hsds.EXPORT_LANGUAGE):
        links = InfoPoint.services.through.objects.select_related(
            "infopoint__organisation", "service"
        )
        for link in links:
            if hsds.service_at_location_id(link.infopoint, link.service.code) == id:
                point = hsds.points_for_export(InfoPoint.objects.filter(pk=link.infopoint_id))[0]
                return {
                    "id": id,
                    "service_id": hsds.service_id(point.organisation.slug, link.service.code),
                    "location_id": str(point.uuid),
                    "location": hsds.location(point, at=_now()),
                }
    raise HttpError(404, "No service_at_location with this id.")


def _within(*, proximity: str, postcode: str) -> list[tuple[float, int]]:
    parts = [part.strip() for part in proximity.split(",")]
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise HttpError(422, "proximity must be metres, or latitude,longitude,metres") from None
    if len(numbers) == 3:
        latitude, longitude, metres = numbers
    elif len(numbers) == 1 and postcode:
        centre = InfoPoint.objects.filter(postal_code=postcode).values_list("latitude", "longitude")
        if not centre:
            raise HttpError(422, "No location has this postcode, so it has no centroid.")
        latitude = sum(lat for lat, _ in centre) / len(centre)
        longitude = sum(lon for _, lon in centre) / len(centre)
        metres = numbers[0]
    else:
        raise HttpError(
            422, "proximity needs a postcode, or must be given as latitude,longitude,metres"
        )
    if not (0 < metres <= EARTH_METRES_MAX) or not selectors.coordinates_valid(
        latitude=latitude, longitude=longitude
    ):
        raise HttpError(422, "proximity is out of range (metres > 0, valid coordinates)")
    return selectors.info_point_ids_within(
        latitude=latitude,
        longitude=longitude,
        radius_km=metres / 1000,
        queryset=InfoPoint.objects.all(),
    )


@router.get("/taxonomies", summary="Paginated list of taxonomies")
def taxonomy_list(request: HttpRequest, params: Query[PageParams]) -> dict:
    return _page(hsds.taxonomies(), params, lambda item: item)


@router.get("/taxonomy_terms", summary="Paginated list of taxonomy terms")
def taxonomy_term_list(request: HttpRequest, params: Query[PageParams]) -> dict:
    with translation.override(hsds.EXPORT_LANGUAGE):
        terms = hsds.taxonomy_terms(Service.objects.order_by("order", "code"))
    return _page(terms, params, lambda item: item)
