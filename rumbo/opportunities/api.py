"""Public API of the opportunities: the list with the public page's filters, paginated in the
database, and the detail. Texts come in the request's language (Accept-Language)."""

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field, field_validator

from rumbo.core.models import Place
from rumbo.core.numbers import parse_int
from rumbo.core.places import municipality_get
from rumbo.infopoints.api import PageParams
from rumbo.infopoints.api import _page as hsds_page
from rumbo.opportunities import hsds
from rumbo.opportunities.models import MAX_AGE, Opportunity
from rumbo.opportunities.selectors import (
    OpportunityFilters,
    opportunity_distance_km,
    opportunity_get,
    opportunity_search_page,
)

router = Router(tags=["opportunities"])

MAX_PER_PAGE = 100
# Deeper pages are refused: a client walking everything uses filters, not page 10**9.
MAX_PAGE = 10_000


class Message(Schema):
    detail: str


class OpportunityQuery(Schema):
    kind: Opportunity.Kind | None = None
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$", description="ISO code, e.g. HN")
    place: str | None = Field(
        None, description="A municipality's id: only its country, nearest first."
    )
    age: str | None = Field(None, description="Only opportunities open to this age.")
    free: bool = False
    sex: Opportunity.Sex | None = Field(
        None, description="Hides what targets the other sex ('any' hides nothing)."
    )
    schooling: Opportunity.Schooling | None = Field(
        None, description="The person's schooling: hides what asks for more."
    )
    closing_soon: bool = Field(False, description="Deadline within the next 14 days.")
    language: str | None = Field(None, pattern=r"^[a-z]{3}$", description="ISO 639-3 code")
    modified_after: datetime.datetime | None = Field(
        None, description="Only records changed after this time (ISO 8601; UTC if no offset)."
    )
    page: int = Field(1, ge=1, le=MAX_PAGE)
    per_page: int = Field(20, ge=1, le=MAX_PER_PAGE)

    # Numbers are read like every other request number (digits of any script, nothing else).
    @field_validator("age")
    @classmethod
    def _age(cls, value: str | None) -> str | None:
        if (
            value is not None
            and value != ""
            and parse_int(value, minimum=0, maximum=MAX_AGE) is None
        ):
            raise ValueError(f"age must be a whole number from 0 to {MAX_AGE}")
        return value

    @field_validator("place")
    @classmethod
    def _place(cls, value: str | None) -> str | None:
        if value is not None and value != "" and parse_int(value, minimum=1) is None:
            raise ValueError("place must be the id of a municipality")
        return value


class ProviderOut(Schema):
    slug: str
    name: str


class PlaceOut(Schema):
    id: int
    name: str
    state: str


class OpportunityOut(Schema):
    slug: str
    url: str
    kind: str
    subkind: str
    title: str
    summary: str
    provider: ProviderOut
    country: str
    online: bool
    places: list[PlaceOut]
    distance_km: float | None
    age_min: int | None
    age_max: int | None
    sex: str
    schooling: str
    free: bool
    cost: str
    stipend: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    application_deadline: datetime.date | None
    languages: list[str]
    is_demo: bool


class PageOut(Schema):
    count: int
    page: int
    per_page: int
    items: list[OpportunityOut]


class DocumentOut(Schema):
    slug: str
    name: str
    url: str


class RuleOut(Schema):
    fact: str
    operator: str
    value: str
    message: str


class InfoPointOut(Schema):
    slug: str
    name: str
    address: str
    url: str


class ApplyOut(Schema):
    url: str
    phone: str
    whatsapp: str
    info_point: InfoPointOut | None
    notes: str


class OpportunityDetailOut(OpportunityOut):
    description: str
    documents: list[DocumentOut]
    rules: list[RuleOut]
    apply: ApplyOut


def _summary(opportunity: Opportunity, origin: Place | None) -> dict[str, Any]:
    return {
        "slug": opportunity.slug,
        "url": opportunity.get_absolute_url(),
        "kind": opportunity.kind,
        "subkind": opportunity.subkind,
        "title": opportunity.title,
        "summary": opportunity.summary,
        "provider": {"slug": opportunity.provider.slug, "name": opportunity.provider.name},
        "country": opportunity.country.code,
        "online": opportunity.is_online,
        "places": [
            {"id": place.pk, "name": place.name, "state": place.parent.name if place.parent else ""}
            for place in opportunity.places.all()
        ],
        "distance_km": (
            opportunity_distance_km(opportunity=opportunity, origin=origin) if origin else None
        ),
        "age_min": opportunity.age_min,
        "age_max": opportunity.age_max,
        "sex": opportunity.sex,
        "schooling": opportunity.schooling,
        "free": opportunity.is_free,
        "cost": opportunity.cost,
        "stipend": opportunity.stipend,
        "starts_on": opportunity.starts_on,
        "ends_on": opportunity.ends_on,
        "application_deadline": opportunity.application_deadline,
        "languages": [language.code for language in opportunity.languages.all()],
        "is_demo": opportunity.is_demo,
    }


@router.get("/", response={200: PageOut, 422: Message})
def opportunity_list(request: HttpRequest, query: Query[OpportunityQuery]):
    """Open opportunities: published, deadline and end date not past. With `place`, only
    that municipality's country, nearest first; otherwise soonest deadline first."""
    origin = None
    if query.place:
        origin = municipality_get(pk=parse_int(query.place) or 0)
        if origin is None:
            return Status(422, Message(detail=_("No municipality with this id.")))
    age = parse_int(query.age) if query.age else None
    found = opportunity_search_page(
        filters=OpportunityFilters(
            kind=query.kind,
            age=age,
            free_only=query.free,
            sex=query.sex if query.sex != Opportunity.Sex.ANY else None,
            schooling=query.schooling,
            closing_soon=query.closing_soon,
            language=query.language,
            country_code=query.country.upper() if query.country else None,
            origin=origin,
            modified_after=aware(query.modified_after) if query.modified_after else None,
        ),
        prefetch=["languages"],
    )
    offset = (query.page - 1) * query.per_page
    items = [_summary(item, origin) for item in found[offset : offset + query.per_page]]
    return Status(
        200,
        {"count": found.count(), "page": query.page, "per_page": query.per_page, "items": items},
    )


def aware(moment: datetime.datetime) -> datetime.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


class HsdsQuery(PageParams):
    modified_after: datetime.datetime | None = Field(
        None,
        description="Only services changed after this time (ISO 8601; UTC if no offset). "
        "Closed and archived opportunities are listed too (status inactive or defunct).",
    )


@router.get("/hsds/services", summary="Opportunities as HSDS 3.0 services, paginated")
def hsds_service_list(request: HttpRequest, query: Query[HsdsQuery]) -> dict:
    """The HSDS page format of /api/hsds/; every service fully nested, oldest change first."""
    found = hsds.opportunities_for_export(
        modified_after=aware(query.modified_after) if query.modified_after else None
    )
    page = hsds_page(found, query, lambda item: item)
    page["contents"] = hsds.services_render(page["contents"])
    return page


@router.get("/hsds/services/{id}", response={200: dict, 404: Message})
def hsds_service_detail(request: HttpRequest, id: str):
    pk = hsds.service_pk(id)
    found = list(hsds.opportunities_for_export(pk=pk)) if pk else []
    if not found:
        return Status(404, Message(detail=_("No service with this id.")))
    return Status(200, hsds.services_render(found)[0])


@router.get("/{slug}", response={200: OpportunityDetailOut, 404: Message})
def opportunity_detail(request: HttpRequest, slug: str):
    opportunity = opportunity_get(slug=slug)
    if opportunity is None:
        return Status(404, Message(detail=_("No open opportunity with this identifier.")))
    point = opportunity.apply_info_point
    return Status(
        200,
        {
            **_summary(opportunity, None),
            "description": opportunity.description,
            "documents": [
                {"slug": document.slug, "name": document.name, "url": document.get_absolute_url()}
                for document in opportunity.documents.all()
            ],
            "rules": [
                {
                    "fact": rule.fact,
                    "operator": rule.operator,
                    "value": rule.value,
                    "message": rule.unmet_message,
                }
                for rule in opportunity.rules.all()
            ],
            "apply": {
                "url": opportunity.apply_url,
                "phone": opportunity.apply_phone,
                "whatsapp": opportunity.apply_whatsapp,
                "info_point": (
                    {
                        "slug": point.slug,
                        "name": point.name,
                        "address": point.address,
                        "url": point.get_absolute_url(),
                    }
                    if point
                    else None
                ),
                "notes": opportunity.how_to_apply,
            },
        },
    )
