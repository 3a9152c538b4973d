"""Information points as HSDS 3.0 (Open Referral Human Services Data Specification) objects.

The mapping:

| Rumbo | HSDS |
| --- | --- |
| core.Organisation | organization (+ organization_identifier "rumbo"/"slug") |
| InfoPoint | location (physical) with address, phones, schedules, languages, accessibility |
| Service (taxonomy) | taxonomy_term of the taxonomy "rumbo-services" |
| what an organisation offers of one taxonomy service | service, linked to its term by an attribute |
| a point offering a service | service_at_location |
| OpeningHours row | schedule (freq WEEKLY, byday, opens_at, closes_at) |
| HoursException | schedule with valid_from/valid_to (+ attribute "hours-exception") |

What HSDS has no field for travels as attributes with terms of the taxonomy "rumbo-fields":
the point's IANA time zone, status, last-confirmed date and demo flag, and a phone's WhatsApp.

Ids are stable: stored UUIDs for points, services of the taxonomy, phones, hours, exceptions and
languages; UUIDv5 derived from stable keys for the rest (organisations from their slug, an
HSDS service from organisation slug and service code, ...), so exporting twice gives the same
ids and an export re-imported into an empty database exports identically.
"""

import uuid
import zoneinfo
from collections.abc import Iterable
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone, translation

from rumbo.core.models import Organisation
from rumbo.infopoints.models import (
    HSDS_NAMESPACE,
    HoursException,
    InfoPoint,
    Phone,
    Service,
    service_at_location_uuid,
)

HSDS_VERSION = "3.0"
NAMESPACE = HSDS_NAMESPACE
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# The language HSDS text is exported in: the site's default, whose fields are always filled.
EXPORT_LANGUAGE = "es"

SERVICES_TAXONOMY = "rumbo-services"
FIELDS_TAXONOMY = "rumbo-fields"
# Terms of FIELDS_TAXONOMY: Rumbo fields HSDS has no place for.
FIELD_TERMS = {
    "time-zone": "IANA time zone of the location's opening hours",
    "status": "Location status: active, temporarily_closed or closed",
    "last-confirmed": "Date (YYYY-MM-DD) the organisation last confirmed the details",
    "demo": "true when the record is demonstration data, not real information",
    "whatsapp": "true when the phone number takes WhatsApp messages",
    "hours-exception": "Kind of exception to the weekly hours: holiday, closure or special",
}


def derived_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


def organisation_id(organisation: Organisation) -> str:
    return organisation_slug_id(organisation.slug)


def organisation_slug_id(slug: str) -> str:
    return derived_id("organization", slug)


def service_id(organisation_slug: str, service_code: str) -> str:
    return derived_id("service", organisation_slug, service_code)


def service_at_location_id(point: InfoPoint, service_code: str) -> str:
    # Stored on each link too (InfoPointService.hsds_id), so the API can filter by it.
    return str(service_at_location_uuid(point_uuid=point.uuid, service_code=service_code))


def taxonomy_id(name: str) -> str:
    return derived_id("taxonomy", name)


def field_term_id(code: str) -> str:
    return derived_id("taxonomy_term", FIELDS_TAXONOMY, code)


def taxonomies() -> list[dict]:
    return [
        {
            "id": taxonomy_id(SERVICES_TAXONOMY),
            "name": SERVICES_TAXONOMY,
            "description": "Services offered by migration information points (Rumbo).",
            "version": "1",
        },
        {
            "id": taxonomy_id(FIELDS_TAXONOMY),
            "name": FIELDS_TAXONOMY,
            "description": "Rumbo fields that HSDS 3.0 has no property for.",
            "version": "1",
        },
    ]


def service_term(service: Service) -> dict:
    return {
        "id": str(service.uuid),
        "code": service.code,
        "name": service.name,
        "description": service.description,
        "taxonomy": SERVICES_TAXONOMY,
        "taxonomy_id": taxonomy_id(SERVICES_TAXONOMY),
        "language": EXPORT_LANGUAGE,
    }


def field_term(code: str) -> dict:
    return {
        "id": field_term_id(code),
        "code": code,
        "name": code,
        "description": FIELD_TERMS[code],
        "taxonomy": FIELDS_TAXONOMY,
        "taxonomy_id": taxonomy_id(FIELDS_TAXONOMY),
        "language": "en",
    }


def taxonomy_terms(services: Iterable[Service]) -> list[dict]:
    return [service_term(service) for service in services] + [
        field_term(code) for code in FIELD_TERMS
    ]


def _attribute(*, link_id: str, entity: str, code: str, value: str) -> dict:
    return {
        "id": derived_id("attribute", link_id, code),
        "link_id": link_id,
        "link_type": code,
        "link_entity": entity,
        "taxonomy_term_id": field_term_id(code),
        "value": value,
    }


def _utc_offset_hours(time_zone: str, at: datetime) -> float:
    offset = at.astimezone(zoneinfo.ZoneInfo(time_zone)).utcoffset()
    hours = offset.total_seconds() / 3600 if offset else 0.0
    return int(hours) if hours.is_integer() else hours


def _hhmm(value) -> str:
    return value.strftime("%H:%M")


def location(point: InfoPoint, *, at: datetime) -> dict:
    """A fully nested HSDS location; needs the point's relations prefetched."""
    point_id = str(point.uuid)
    offset = _utc_offset_hours(point.time_zone, at)
    place = point.place
    schedules = [
        {
            "id": str(row.uuid),
            "location_id": point_id,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": WEEKDAYS[row.weekday],
            "opens_at": _hhmm(row.opens),
            "closes_at": _hhmm(row.closes),
            "timezone": offset,
        }
        for row in point.opening_hours.all()
    ] + [
        _exception_schedule(exc, point_id=point_id, offset=offset) for exc in point.exceptions.all()
    ]
    attributes = [
        _attribute(link_id=point_id, entity="location", code="time-zone", value=point.time_zone),
        _attribute(link_id=point_id, entity="location", code="status", value=point.status),
    ]
    if point.last_confirmed:
        attributes.append(
            _attribute(
                link_id=point_id,
                entity="location",
                code="last-confirmed",
                value=point.last_confirmed.isoformat(),
            )
        )
    if point.is_demo:
        attributes.append(
            _attribute(link_id=point_id, entity="location", code="demo", value="true")
        )
    data = {
        "id": point_id,
        "location_type": "physical",
        "organization_id": organisation_id(point.organisation),
        "name": point.name,
        "description": point.description,
        "latitude": point.latitude,
        "longitude": point.longitude,
        "external_identifier": point.slug,
        "external_identifier_type": "rumbo-slug",
        "languages": [
            {"id": str(lang.uuid), "location_id": point_id, "name": lang.name, "code": lang.code}
            for lang in point.languages.all()
        ],
        "addresses": [
            {
                "id": derived_id("address", point_id),
                "location_id": point_id,
                "address_1": point.address,
                "city": place.name,
                "state_province": place.parent.name if place.parent else "",
                "postal_code": point.postal_code,
                "country": place.country.code,
                "address_type": "physical",
            }
        ],
        "accessibility": [
            {
                "id": derived_id("accessibility", point_id),
                "location_id": point_id,
                "description": point.accessibility,
            }
        ]
        if point.accessibility
        else [],
        "phones": [_phone(phone, point_id=point_id) for phone in point.phones.all()],
        "schedules": schedules,
        "attributes": attributes,
    }
    if point.website:
        data["url"] = point.website
    if point.email:
        # HSDS locations have no email; it travels as a contact of the location.
        data["contacts"] = [
            {"id": derived_id("contact", point_id), "location_id": point_id, "email": point.email}
        ]
    return data


def _phone(phone: Phone, *, point_id: str) -> dict:
    phone_id = str(phone.uuid)
    data: dict = {
        "id": phone_id,
        "location_id": point_id,
        "number": phone.number,
        "type": phone.kind,
        "description": phone.description,
        "attributes": [
            _attribute(
                link_id=phone_id,
                entity="phone",
                code="whatsapp",
                value="true" if phone.whatsapp else "false",
            )
        ],
    }
    if phone.extension:
        data["extension"] = int(phone.extension)
    return data


def _exception_schedule(exc: HoursException, *, point_id: str, offset: float) -> dict:
    exc_id = str(exc.uuid)
    data = {
        "id": exc_id,
        "location_id": point_id,
        "valid_from": exc.starts_on.isoformat(),
        "valid_to": exc.ends_on.isoformat(),
        "description": exc.description,
        "timezone": offset,
        "attributes": [
            _attribute(link_id=exc_id, entity="schedule", code="hours-exception", value=exc.kind)
        ],
    }
    if exc.opens and exc.closes:
        data |= {"opens_at": _hhmm(exc.opens), "closes_at": _hhmm(exc.closes)}
    return data


def organization(organisation: Organisation, *, locations: list[dict] | None = None) -> dict:
    org_id = organisation_id(organisation)
    data = {
        "id": org_id,
        "name": organisation.name,
        "description": organisation.description,
        "legal_status": organisation.kind,
        "organization_identifiers": [
            {
                "id": derived_id("organization_identifier", org_id, "slug"),
                "organization_id": org_id,
                "identifier_scheme": "rumbo",
                "identifier_type": "slug",
                "identifier": organisation.slug,
            }
        ],
    }
    if organisation.website:
        data["website"] = organisation.website
    if organisation.acronym:
        data["alternate_name"] = organisation.acronym
    if locations is not None:
        data["locations"] = locations
    return data


def service(organisation: Organisation, taxonomy_service: Service) -> dict:
    """The one-to-one fields of an HSDS service: what `organisation` offers of one service
    of the taxonomy, at one or more of its points."""
    sid = service_id(organisation.slug, taxonomy_service.code)
    return {
        "id": sid,
        "organization_id": organisation_id(organisation),
        "name": taxonomy_service.name,
        "description": taxonomy_service.description,
        "status": "active",
        "attributes": [
            {
                "id": derived_id("attribute", sid, taxonomy_service.code),
                "link_id": sid,
                "link_type": "service_type",
                "link_entity": "service",
                "taxonomy_term_id": str(taxonomy_service.uuid),
                "taxonomy_term": service_term(taxonomy_service),
            }
        ],
    }


def points_for_export(points: QuerySet[InfoPoint] | None = None) -> QuerySet[InfoPoint]:
    points = points if points is not None else InfoPoint.objects.all()
    return (
        points.select_related("organisation", "place__parent", "place__country")
        .prefetch_related(
            "phones",
            "opening_hours",
            Prefetch("exceptions", queryset=HoursException.objects.order_by("starts_on", "pk")),
            Prefetch("services", queryset=Service.objects.order_by("order", "code")),
            "languages",
        )
        .order_by("organisation__slug", "slug")
    )


def export_document(*, at: datetime | None = None) -> dict:
    """Everything, as lists of HSDS objects: organizations (with their locations nested),
    services (fully nested: organization and service_at_locations with their location),
    taxonomies and taxonomy_terms. Text in the default language."""
    at = at or timezone.now()
    with translation.override(EXPORT_LANGUAGE):
        points = list(points_for_export())
        locations = {point.pk: location(point, at=at) for point in points}
        organisations = {point.organisation.slug: point.organisation for point in points}
        by_organisation: dict[str, list[InfoPoint]] = {}
        for point in points:
            by_organisation.setdefault(point.organisation.slug, []).append(point)
        services = []
        for slug in sorted(by_organisation):
            offered: dict[str, tuple[Service, list[InfoPoint]]] = {}
            for point in by_organisation[slug]:
                for taxonomy_service in point.services.all():
                    offered.setdefault(taxonomy_service.code, (taxonomy_service, []))[1].append(
                        point
                    )
            for code in sorted(offered, key=lambda c: (offered[c][0].order, c)):
                taxonomy_service, at_points = offered[code]
                data = service(organisations[slug], taxonomy_service)
                data["organization"] = organization(organisations[slug])
                data["service_at_locations"] = [
                    {
                        "id": service_at_location_id(point, code),
                        "service_id": data["id"],
                        "location_id": str(point.uuid),
                        "location": locations[point.pk],
                    }
                    for point in at_points
                ]
                services.append(data)
        return {
            "organizations": [
                organization(
                    organisations[slug],
                    locations=[locations[point.pk] for point in by_organisation[slug]],
                )
                for slug in sorted(by_organisation)
            ],
            "services": services,
            "taxonomies": taxonomies(),
            "taxonomy_terms": taxonomy_terms(Service.objects.order_by("order", "code")),
        }
