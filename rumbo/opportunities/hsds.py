"""Opportunities as HSDS 3.0 services, beside the information points (rumbo.infopoints.hsds).

The mapping:

| Rumbo | HSDS |
| --- | --- |
| Opportunity | service (organization nested, as in the points' export) |
| provider | organization (the points' mapping, so ids agree across both exports) |
| places served, online, or the whole country | service_area, one per place |
| age limits | minimum_age, maximum_age |
| conditions (sex, schooling, rules) | eligibility_description |
| cost / free | fees_description (+ a cost_option when not free) |
| stipend, how to apply | application_process |
| documents needed | required_document, linked to the guide's document page |
| languages | language |
| phone, WhatsApp | phone (+ attribute "whatsapp" of the points' field taxonomy) |
| start and end dates | a schedule with valid_from / valid_to |
| kind, type, deadline, demo flag | attributes with terms of the taxonomy "rumbo-opportunities" |
| last confirmed by its provider | assured_date |

Only published and archived records leave Rumbo: published ones are "active" while open
(deadline, end date and confirmation current) and "inactive" otherwise, archived ones
"defunct", so a client syncing with `modified_after` also learns what closed. The schemas
and their strict validation are the points' (rumbo.infopoints.hsds_validation).
"""

import uuid
from datetime import date

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import translation

from rumbo.core.models import Place
from rumbo.guides.models import Document
from rumbo.infopoints import hsds as points_hsds
from rumbo.infopoints.hsds_validation import hsds_errors
from rumbo.opportunities.models import Opportunity
from rumbo.opportunities.selectors import opportunity_list_public

TAXONOMY = "rumbo-opportunities"
# Terms of TAXONOMY: what HSDS has no property for. The kinds and types are terms too.
FIELD_TERMS = {
    "kind": "Kind of opportunity: learning, work or entrepreneurship",
    "subkind": "Type of opportunity, e.g. vocational_course, job_offer, seed_capital",
    "application-deadline": "Last day (YYYY-MM-DD) to apply",
    "demo": "true when the record is demonstration data, not real information",
}
DERIVED = points_hsds.derived_id


# A service's id carries the record's primary key in its last 48 bits under a fixed prefix,
# so the API finds a service by id with one indexed lookup (a slug-derived UUIDv5 could not
# be turned back into a record) and the id never changes, even when the slug does.
PK_BITS = 48
ID_PREFIX = uuid.UUID(DERIVED("opportunity")).int >> PK_BITS


def service_id(opportunity: Opportunity) -> str:
    return str(uuid.UUID(int=(ID_PREFIX << PK_BITS) | opportunity.pk))


def service_pk(hsds_id: str) -> int | None:
    """The record a service id names, or None for an id this export never gives."""
    try:
        value = uuid.UUID(hsds_id).int
    except (ValueError, AttributeError, TypeError):
        return None
    return value & ((1 << PK_BITS) - 1) if value >> PK_BITS == ID_PREFIX else None


def term_id(code: str) -> str:
    return DERIVED("taxonomy_term", TAXONOMY, code)


def taxonomy() -> dict:
    return {
        "id": points_hsds.taxonomy_id(TAXONOMY),
        "name": TAXONOMY,
        "description": "Fields of local opportunities (Rumbo) that HSDS 3.0 has no property for.",
        "version": "1",
    }


def taxonomy_terms() -> list[dict]:
    return [
        {
            "id": term_id(code),
            "code": code,
            "name": code,
            "description": description,
            "taxonomy": TAXONOMY,
            "taxonomy_id": points_hsds.taxonomy_id(TAXONOMY),
            "language": "en",
        }
        for code, description in FIELD_TERMS.items()
    ]


def _attribute(sid: str, code: str, value: str) -> dict:
    return {
        "id": DERIVED("attribute", sid, code),
        "link_id": sid,
        "link_type": code,
        "link_entity": "service",
        "taxonomy_term_id": term_id(code),
        "value": value,
    }


def _status(opportunity: Opportunity, open_ids: set[int]) -> str:
    if opportunity.status == Opportunity.Status.ARCHIVED:
        return "defunct"
    return "active" if opportunity.pk in open_ids else "inactive"


def _eligibility(opportunity: Opportunity) -> str:
    parts = [f"{opportunity.get_schooling_display()}."]
    if opportunity.sex != Opportunity.Sex.ANY:
        parts.insert(0, f"{opportunity.get_sex_display()}.")
    parts += [f"{rule.unmet_message}." for rule in opportunity.rules.all()]
    return " ".join(parts)


def _areas(opportunity: Opportunity, sid: str) -> list[dict]:
    places = list(opportunity.places.all())
    if opportunity.is_online:
        names = [("online", "Online")]
    elif not places:
        names = [(opportunity.country.code, opportunity.country.name)]
    else:
        names = [
            (
                str(place.pk),
                f"{place.name}, {place.parent.name if place.parent else ''}".strip(", "),
            )
            for place in places
        ]
    return [
        {"id": DERIVED("service_area", sid, key), "service_id": sid, "name": name}
        for key, name in names
    ]


def service(opportunity: Opportunity, *, open_ids: set[int]) -> dict:
    """One opportunity as a fully nested HSDS service (text in the export language)."""
    sid = service_id(opportunity)
    data: dict = {
        "id": sid,
        "organization_id": points_hsds.organisation_id(opportunity.provider),
        "name": opportunity.title,
        "description": "\n\n".join(filter(None, [opportunity.summary, opportunity.description])),
        "status": _status(opportunity, open_ids),
        "application_process": "\n\n".join(
            filter(None, [opportunity.how_to_apply, opportunity.stipend])
        ),
        "fees_description": "" if opportunity.is_free else opportunity.cost,
        "eligibility_description": _eligibility(opportunity),
        "assured_date": opportunity.confirmed_on.isoformat(),
        "last_modified": opportunity.updated_at.isoformat(),
        "organization": points_hsds.organization(opportunity.provider),
        "service_areas": _areas(opportunity, sid),
        "languages": [
            {"id": DERIVED("language", sid, lang.code), "service_id": sid, "code": lang.code}
            for lang in opportunity.languages.all()
        ],
        "required_documents": [
            {
                "id": DERIVED("required_document", sid, document.slug),
                "service_id": sid,
                "document": document.name,
                "uri": settings.RUMBO_PUBLIC_URL + document.get_absolute_url(),
            }
            for document in opportunity.documents.all()
        ],
        "phones": [],
        "attributes": [
            _attribute(sid, "kind", opportunity.kind),
            _attribute(sid, "subkind", opportunity.subkind),
            _attribute(sid, "demo", "true" if opportunity.is_demo else "false"),
        ],
    }
    if opportunity.apply_url:
        data["url"] = opportunity.apply_url
    if opportunity.age_min is not None:
        data["minimum_age"] = opportunity.age_min
    if opportunity.age_max is not None:
        data["maximum_age"] = opportunity.age_max
    if opportunity.application_deadline:
        data["attributes"].append(
            _attribute(sid, "application-deadline", opportunity.application_deadline.isoformat())
        )
    if not opportunity.is_free:
        data["cost_options"] = [
            {
                "id": DERIVED("cost_option", sid),
                "service_id": sid,
                "amount_description": opportunity.cost,
            }
        ]
    if opportunity.starts_on or opportunity.ends_on:
        schedule = {"id": DERIVED("schedule", sid), "service_id": sid}
        if opportunity.starts_on:
            schedule["valid_from"] = opportunity.starts_on.isoformat()
        if opportunity.ends_on:
            schedule["valid_to"] = opportunity.ends_on.isoformat()
        data["schedules"] = [schedule]
    numbers = {opportunity.apply_phone, opportunity.apply_whatsapp} - {""}
    for number in sorted(numbers):
        phone_id = DERIVED("phone", sid, number)
        phone: dict = {"id": phone_id, "service_id": sid, "number": number}
        if number == opportunity.apply_whatsapp:
            phone["attributes"] = [
                {
                    "id": DERIVED("attribute", phone_id, "whatsapp"),
                    "link_id": phone_id,
                    "link_type": "whatsapp",
                    "link_entity": "phone",
                    "taxonomy_term_id": points_hsds.field_term_id("whatsapp"),
                    "value": "true",
                }
            ]
        data["phones"].append(phone)
    return data


def opportunities_for_export(
    *, modified_after=None, pk: int | None = None
) -> QuerySet[Opportunity]:
    """Published and archived records, oldest change first (a stable order for paging and
    for clients syncing with `modified_after`), with everything a service shows."""
    found = Opportunity.objects.exclude(status=Opportunity.Status.DRAFT)
    if modified_after is not None:
        found = found.filter(updated_at__gt=modified_after)
    if pk is not None:
        found = found.filter(pk=pk)
    return (
        found.select_related("provider", "country")
        .prefetch_related(
            Prefetch("places", queryset=Place.objects.select_related("parent")),
            Prefetch("documents", queryset=Document.objects.order_by("slug")),
            "languages",
            "rules",
        )
        .order_by("updated_at", "pk")
    )


def open_ids(opportunities: list[Opportunity], *, today: date | None = None) -> set[int]:
    return set(
        opportunity_list_public(today=today)
        .filter(pk__in=[item.pk for item in opportunities])
        .values_list("pk", flat=True)
    )


def services_render(opportunities: list[Opportunity]) -> list[dict]:
    with translation.override(points_hsds.EXPORT_LANGUAGE):
        ids = open_ids(opportunities)
        return [service(item, open_ids=ids) for item in opportunities]


def export_document(*, modified_after=None) -> dict:
    """Every exported opportunity as HSDS services, with the taxonomies their attributes use
    (the points' field taxonomy, for WhatsApp)."""
    services = services_render(list(opportunities_for_export(modified_after=modified_after)))
    return {
        "services": services,
        "taxonomies": [
            taxonomy(),
            *(t for t in points_hsds.taxonomies() if t["name"] == points_hsds.FIELDS_TAXONOMY),
        ],
        "taxonomy_terms": [*taxonomy_terms(), points_hsds.field_term("whatsapp")],
    }


def export_errors(document: dict) -> list[str]:
    """Every schema error of the export (strict: unknown fields are errors), by path."""
    names = {"services": "service", "taxonomies": "taxonomy", "taxonomy_terms": "taxonomy_term"}
    return [
        error
        for key, name in names.items()
        for index, obj in enumerate(document[key])
        for error in hsds_errors(object_name=name, instance=obj, path=f"{key}[{index}]")
    ]
