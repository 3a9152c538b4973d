"""The HSDS 3.0 API (Open Referral), read-only, at /api/hsds/: the paths, parameters and page
format of the specification's OpenAPI file; objects as in the export (see hsds.py)."""

import math
from datetime import datetime

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import translation
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from rumbo.core.models import Organisation
from rumbo.infopoints import clock, hsds, selectors
from rumbo.infopoints.models import Service

API_PREFIX = "hsds"
router = Router(tags=["HSDS 3.0"])

MAX_PER_PAGE = 200
EARTH_METRES_MAX = 20_037_509  # half the equator: every point on Earth is closer


class PageParams(Schema):
    page: int = Field(1, ge=1, description="Page number of paginated result.")
    per_page: int = Field(
        50, ge=1, le=MAX_PER_PAGE, description="Number of results requested in a single page."
    )


def _page(items: QuerySet | list, params: PageParams, render) -> dict:
    """The HSDS page envelope around one page of `items` (a queryset is paginated by the
    database: one count and one page of rows), rendered by `render`."""
    paginator = Paginator(items, params.per_page)
    total = paginator.count
    total_pages = math.ceil(total / params.per_page)
    rows = paginator.page(params.page).object_list if params.page <= total_pages else []
    contents = [render(item) for item in rows]
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


def _full_service(organisation: Organisation, service: Service) -> dict:
    points = selectors.hsds_point_list(organisation=organisation, service=service)
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
        rows = selectors.hsds_offering_list(
            search=search[:100], taxonomy_term_id=taxonomy_term_id, organization_id=organization_id
        )
        page = _page(rows, params, lambda row: row)
        render = _full_service if full else hsds.service
        page["contents"] = [
            render(*pair) for pair in selectors.hsds_offerings_resolve(page["contents"])
        ]
        return page


@router.get("/services/{id}", summary="A fully nested service")
def service_detail(request: HttpRequest, id: str) -> dict:
    with translation.override(hsds.EXPORT_LANGUAGE):
        found = selectors.hsds_offering_get(hsds_id=id)
        if found is not None:
            return _full_service(*found)
    raise HttpError(404, "No service with this id.")


def _organisation_full(organisation: Organisation) -> dict:
    points = selectors.hsds_point_list(organisation=organisation)
    return hsds.organization(
        organisation, locations=[hsds.location(point, at=_now()) for point in points]
    )


@router.get("/organizations", summary="Paginated list of organizations")
def organization_list(
    request: HttpRequest, params: Query[PageParams], search: str = "", full: bool = False
) -> dict:
    with translation.override(hsds.EXPORT_LANGUAGE):
        organisations = selectors.hsds_organisation_list(search=search[:100])
        return _page(organisations, params, _organisation_full if full else hsds.organization)


@router.get("/organizations/{id}", summary="A fully nested organization")
def organization_detail(request: HttpRequest, id: str) -> dict:
    with translation.override(hsds.EXPORT_LANGUAGE):
        organisation = selectors.hsds_organisation_get(hsds_id=id)
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
        links = selectors.hsds_service_at_location_list(
            search=search[:100],
            taxonomy_term_id=taxonomy_term_id,
            organization_id=organization_id,
            postcode="" if proximity else postcode,
        )
        items: QuerySet | list = links
        if proximity:
            # Ordered by distance, which the database does not hold: only the links of the
            # points within the radius are read.
            distances = {
                pk: distance for distance, pk in _within(proximity=proximity, postcode=postcode)
            }
            items = sorted(
                links.filter(infopoint_id__in=distances),
                key=lambda link: (distances[link.infopoint_id], link.service.order),
            )
        page = _page(items, params, lambda link: link)
        links_on_page = page["contents"]
        points = {}
        if full:
            ids = {link.infopoint_id for link in links_on_page}
            points = {p.pk: p for p in selectors.hsds_point_list(point_ids=ids)}

        def render(link) -> dict:
            data: dict = {
                "id": str(link.hsds_id),
                "service_id": hsds.service_id(link.infopoint.organisation.slug, link.service.code),
                "location_id": str(link.infopoint.uuid),
            }
            if full:
                data["location"] = hsds.location(points[link.infopoint_id], at=_now())
            return data

        page["contents"] = [render(link) for link in links_on_page]
        return page


@router.get("/service_at_locations/{id}", summary="A service at a location, fully nested")
def service_at_location_detail(request: HttpRequest, id: str) -> dict:
    with translation.override(hsds.EXPORT_LANGUAGE):
        link = selectors.hsds_service_at_location_get(hsds_id=id)
        if link is not None:
            point = selectors.hsds_point_list(point_ids=[link.infopoint_id])[0]
            return {
                "id": str(link.hsds_id),
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
        centre = selectors.postcode_centroid(postcode=postcode)
        if centre is None:
            raise HttpError(422, "No location has this postcode, so it has no centroid.")
        latitude, longitude = centre
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
        queryset=selectors.info_point_list_all(),
    )


@router.get("/taxonomies", summary="Paginated list of taxonomies")
def taxonomy_list(request: HttpRequest, params: Query[PageParams]) -> dict:
    return _page(hsds.taxonomies(), params, lambda item: item)


@router.get("/taxonomy_terms", summary="Paginated list of taxonomy terms")
def taxonomy_term_list(request: HttpRequest, params: Query[PageParams]) -> dict:
    with translation.override(hsds.EXPORT_LANGUAGE):
        terms = hsds.taxonomy_terms(selectors.service_list())
    return _page(terms, params, lambda item: item)
