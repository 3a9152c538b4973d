"""Public API of the guides: pathways, documents with where to get them, articles, search and
which pathways fit a person. Texts come in the request's language (Accept-Language)."""

import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from rumbo.guides.eligibility import Facts, pathway_list_for
from rumbo.guides.models import Article, Document, DocumentIssuance, Pathway
from rumbo.guides.selectors import (
    article_get,
    article_list,
    document_get,
    document_list,
    guide_search,
    pathway_get,
    pathway_list,
)

router = Router(tags=["guides"])

COUNTRY_CODE = r"^[A-Za-z]{2}$"


class Message(Schema):
    detail: str


class SourceOut(Schema):
    title: str
    publisher: str
    url: str
    # The source's own date or edition, and when it was consulted (null: not recorded).
    published_on: datetime.date | None
    edition: str
    accessed_on: datetime.date | None


class TrustOut(Schema):
    # null until an editor verified the record against its sources.
    verified: bool
    last_verified: datetime.date | None
    verified_against: str
    high_risk: bool
    may_be_out_of_date: bool
    sources: list[SourceOut]


class PathwaySummaryOut(TrustOut):
    slug: str
    kind: str
    title: str
    summary: str
    destination: str
    origins: list[str]


class StepOut(Schema):
    order: int
    title: str
    description: str


class RuleOut(Schema):
    fact: str
    operator: str
    value: str
    message: str


class DocumentRefOut(Schema):
    slug: str
    name: str


class PathwayOut(PathwaySummaryOut):
    body: str
    cost: str
    cost_amount: float | None
    cost_currency: str
    processing_time: str
    steps: list[StepOut]
    rules: list[RuleOut]
    documents: list[DocumentRefOut]


class OfficeOut(Schema):
    name: str
    address: str
    city: str
    place_id: int
    latitude: float
    longitude: float
    phone: str
    opening_notes: str


class IssuanceOut(TrustOut):
    country: str
    local_name: str
    institution: str
    cost: str
    processing_time: str
    what_to_bring: str
    official_url: str
    offices: list[OfficeOut]


class DocumentOut(Schema):
    slug: str
    kind: str
    name: str
    description: str
    issuances: list[IssuanceOut]


class ArticleOut(TrustOut):
    slug: str
    kind: str
    title: str
    summary: str
    body: str


class SearchHitOut(Schema):
    type: str
    slug: str
    title: str
    score: float


class FitOut(Schema):
    pathway: PathwaySummaryOut
    fits: bool
    unmet_conditions: list[str]


class PathwayFilter(Schema):
    origin: str | None = Field(None, pattern=COUNTRY_CODE, description="ISO code, e.g. HN")
    destination: str | None = Field(None, pattern=COUNTRY_CODE, description="ISO code, e.g. MX")
    kind: Pathway.Kind | None = None


class FitQuery(Schema):
    nationality: str | None = Field(None, pattern=COUNTRY_CODE)
    destination: str | None = Field(None, pattern=COUNTRY_CODE)
    age: int | None = Field(None, ge=0, le=120)
    purpose: str | None = Field(None, max_length=20)
    has_job_offer: bool | None = None
    has_family_in_destination: bool | None = None
    has_school_admission: bool | None = None
    documents_held: list[str] = Field(default_factory=list, max_length=50)


def _trust(record: Pathway | DocumentIssuance | Article) -> dict:
    return {
        "verified": record.is_verified,
        "last_verified": record.last_verified,
        "verified_against": record.verified_against,
        "high_risk": record.high_risk,
        "may_be_out_of_date": record.is_stale,
        "sources": [
            SourceOut(
                title=source.title,
                publisher=source.publisher,
                url=source.url,
                published_on=source.published_on,
                edition=source.edition,
                accessed_on=source.accessed_on,
            )
            for source in record.sources.all()
        ],
    }


def _pathway_summary(pathway: Pathway) -> dict:
    return {
        "slug": pathway.slug,
        "kind": pathway.kind,
        "title": pathway.title,
        "summary": pathway.summary,
        "destination": pathway.destination.code,
        "origins": [country.code for country in pathway.origin_countries.all()],
        **_trust(pathway),
    }


def _document(document: Document) -> DocumentOut:
    return DocumentOut(
        slug=document.slug,
        kind=document.kind,
        name=document.name,
        description=document.description,
        issuances=[
            IssuanceOut(
                country=issuance.country.code,
                local_name=issuance.local_name,
                institution=issuance.institution.name,
                cost=issuance.cost,
                processing_time=issuance.processing_time,
                what_to_bring=issuance.what_to_bring,
                official_url=issuance.official_url,
                offices=[
                    OfficeOut(
                        name=office.name,
                        address=office.address,
                        city=str(office.place),
                        place_id=office.place_id,
                        latitude=office.coordinates[0],
                        longitude=office.coordinates[1],
                        phone=office.phone,
                        opening_notes=office.opening_notes,
                    )
                    for office in issuance.offices.all()
                ],
                **_trust(issuance),
            )
            for issuance in document.issuances.all()
        ],
    )


@router.get("/pathways", response=list[PathwaySummaryOut])
def pathways(request: HttpRequest, filters: Query[PathwayFilter]):
    """Pathways, filtered by origin country, destination country and kind."""
    found = pathway_list(
        origin_code=filters.origin, destination_code=filters.destination, kind=filters.kind
    )
    return [PathwaySummaryOut(**_pathway_summary(pathway)) for pathway in found]


@router.get("/pathways/fit", response=list[FitOut])
def pathways_fit(request: HttpRequest, facts: Query[FitQuery]):
    """The pathways relevant to a person's facts, fitting ones first, with the conditions
    each does not meet (the plan's own rules; see rumbo.guides.eligibility)."""
    person = Facts(
        nationality=facts.nationality,
        destination=facts.destination,
        age=facts.age,
        purpose=facts.purpose,
        has_job_offer=facts.has_job_offer,
        has_family_in_destination=facts.has_family_in_destination,
        has_school_admission=facts.has_school_admission,
        documents_held=frozenset(facts.documents_held),
    )
    return [
        FitOut(
            pathway=PathwaySummaryOut(**_pathway_summary(pathway)),
            fits=not unmet,
            unmet_conditions=unmet,
        )
        for pathway, unmet in pathway_list_for(facts=person)
    ]


@router.get("/pathways/{slug}", response={200: PathwayOut, 404: Message})
def pathway(request: HttpRequest, slug: str):
    found = pathway_get(slug=slug)
    if found is None:
        return Status(404, Message(detail=_("No pathway with this identifier.")))
    return Status(
        200,
        PathwayOut(
            **_pathway_summary(found),
            body=found.body,
            cost=found.cost,
            cost_amount=float(found.cost_amount) if found.cost_amount is not None else None,
            cost_currency=found.cost_currency,
            processing_time=found.processing_time,
            steps=[
                StepOut(order=step.order, title=step.title, description=step.description)
                for step in found.steps.all()
            ],
            rules=[
                RuleOut(
                    fact=rule.fact,
                    operator=rule.operator,
                    value=rule.value,
                    message=rule.unmet_message,
                )
                for rule in found.rules.all()
            ],
            documents=[
                DocumentRefOut(slug=document.slug, name=document.name)
                for document in found.documents.all()
            ],
        ),
    )


@router.get("/documents", response=list[DocumentOut])
def documents(request: HttpRequest):
    """Every document, with where and how it is obtained in each country."""
    return [_document(document) for document in document_list()]


@router.get("/documents/{slug}", response={200: DocumentOut, 404: Message})
def document(request: HttpRequest, slug: str):
    found = document_get(slug=slug)
    if found is None:
        return Status(404, Message(detail=_("No document with this identifier.")))
    return Status(200, _document(found))


@router.get("/articles", response=list[ArticleOut])
def articles(request: HttpRequest, country: str | None = Query(None, pattern=COUNTRY_CODE)):
    return [
        ArticleOut(
            slug=article.slug,
            kind=article.kind,
            title=article.title,
            summary=article.summary,
            body=article.body,
            **_trust(article),
        )
        for article in article_list(country_code=country)
    ]


@router.get("/articles/{slug}", response={200: ArticleOut, 404: Message})
def article(request: HttpRequest, slug: str):
    found = article_get(slug=slug)
    if found is None:
        return Status(404, Message(detail=_("No article with this identifier.")))
    return Status(
        200,
        ArticleOut(
            slug=found.slug,
            kind=found.kind,
            title=found.title,
            summary=found.summary,
            body=found.body,
            **_trust(found),
        ),
    )


@router.get("/search", response=list[SearchHitOut])
def search(request: HttpRequest, q: str = Query(..., min_length=1, max_length=100)):
    """Search in the request's language, ignoring accents, case, plurals and small typos."""
    return [
        SearchHitOut(
            type=hit.record,
            slug=hit.item.slug,
            title=hit.item.name if isinstance(hit.item, Document) else hit.item.title,
            score=hit.score,
        )
        for hit in guide_search(query=q)
    ]
