"""Reads for the questionnaire pages and the plan."""

import re
from dataclasses import dataclass, field, replace
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rumbo.core.models import Country, Place
from rumbo.guides.eligibility import (
    PURPOSE_KINDS,
    Facts,
    NearestIssuance,
    document_issuance_nearest_list,
    pathway_list_for,
    pathway_open_conditions,
    pathway_unmet_conditions,
)
from rumbo.guides.models import Article, Document, Pathway
from rumbo.guides.selectors import article_list
from rumbo.infopoints.selectors import info_point_list_nearest
from rumbo.opportunities.selectors import OpportunityFit, opportunity_list_for
from rumbo.plans.engine import PURPOSES_CHOSEN, Flow, facts_from_answers
from rumbo.plans.models import Fact, Plan

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class PlanUnavailable(Exception):
    """A code that opens no plan; the message says why, for the page that shows it. The
    page or API endpoint chooses the HTTP status from the subclass."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PlanNotFound(PlanUnavailable):
    """No plan has this code (or never had: the code is malformed)."""


class PlanExpired(PlanUnavailable):
    """The plan existed but has expired; it is never opened again."""


def plan_code_normalise(*, code: str) -> str:
    # People copy codes from paper or a message: ignore spaces and a pasted full link.
    code = code.strip().rstrip("/").rsplit("/", 1)[-1]
    return re.sub(r"\s+", "", code)


def plan_get(*, code: str) -> Plan:
    """The plan with this code, or PlanUnavailable (unknown or expired: never opened)."""
    code = plan_code_normalise(code=code)
    # One plain query: this runs on every questionnaire page (see bench_plans_questionnaire).
    plan = (
        next(iter(Plan.objects.filter(code=code).order_by()[:1]), None)
        if CODE_PATTERN.match(code)
        else None
    )
    if plan is None:
        raise PlanNotFound(str(_("No plan has this code. Check it, or make a new plan.")))
    if plan.expires_at <= timezone.now():
        raise PlanExpired(
            str(_("This plan has expired and is no longer available. You can make a new one."))
        )
    return plan


def place_states(*, country_code: str) -> list[Place]:
    return list(
        Place.objects.filter(country__code=country_code, kind=Place.Kind.STATE).order_by("name")
    )


def place_cities_in(*, state_id: int, country_code: str) -> list[Place]:
    return list(
        Place.objects.filter(
            parent_id=state_id, kind=Place.Kind.CITY, country__code=country_code
        ).order_by("name")
    )


def place_get(*, place_id: int | None) -> Place | None:
    if place_id is None:
        return None
    return Place.objects.select_related("parent", "country").filter(pk=place_id).first()


# The plan ------------------------------------------------------------------------------------

RISK_KINDS = ("smuggling", "trafficking", "extortion", "fraud", "false_offers", "regular_irregular")
ARTICLE_LIMIT = 4
PROTECTION_KINDS = frozenset({Pathway.Kind.ASYLUM, Pathway.Kind.HUMANITARIAN})
INFO_POINT_LIMIT = 3
OPPORTUNITY_LIMIT = 5
# Regular ways abroad listed when the person named no destination (names and links only).
ABROAD_LIMIT = 5


@dataclass(frozen=True)
class ChecklistItem:
    document: Document
    nearest: NearestIssuance | None
    needed_for: tuple[str, ...]  # titles of the fitting pathways that require it


@dataclass
class PlanSummary:
    plan: Plan
    facts: Facts
    country: Country | None
    place: Place | None
    destination: Country | None
    # Each fitting pathway with its conditions the questionnaire did not settle ("to check").
    fitting: list[tuple[Pathway, list[str]]] = field(default_factory=list)
    unfit: list[tuple[Pathway, list[str]]] = field(default_factory=list)
    # Pathways to the same destination, of other kinds, that fit: shown when none of the
    # kinds the person asked for fits, so the plan always says what is possible.
    other_fitting: list[tuple[Pathway, list[str]]] = field(default_factory=list)
    # Asylum and humanitarian protection are for people in danger: never offered as a way
    # to work or study, but listed apart so that someone who needs them knows they exist.
    protection: list[tuple[Pathway, list[str]]] = field(default_factory=list)
    checklist: list[ChecklistItem] = field(default_factory=list)
    held: list[Document] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    info_points: list[tuple[Any, float]] = field(default_factory=list)
    # Every purpose the answers set (a goal question may take several answers).
    purposes: frozenset[str] = frozenset()
    # The other road, always shown: local opportunities that fit, nearest first...
    opportunities: list[OpportunityFit] = field(default_factory=list)
    # ...and, when no destination was named, the regular ways abroad that fit the purposes.
    abroad: list[Pathway] = field(default_factory=list)


def plan_facts(*, flow: Flow, plan: Plan) -> Facts:
    answered = facts_from_answers(flow=flow, answers=plan.answers)
    return Facts(
        nationality=answered.get(Fact.NATIONALITY),
        age=answered.get(Fact.AGE),
        purpose=answered.get(Fact.PURPOSE),
        destination=answered.get(Fact.DESTINATION),
        has_job_offer=answered.get(Fact.HAS_JOB_OFFER),
        has_family_in_destination=answered.get(Fact.HAS_FAMILY_IN_DESTINATION),
        has_school_admission=answered.get(Fact.HAS_SCHOOL_ADMISSION),
        documents_held=frozenset(answered.get(Fact.DOCUMENTS_HELD, ())),
        place_id=answered.get(Fact.PLACE),
    )


def plan_summary(*, flow: Flow, plan: Plan) -> PlanSummary:
    """Everything the plan page, the PDF and the API show, in a fixed number of queries."""
    facts = plan_facts(flow=flow, plan=plan)
    country_codes = [code for code in (facts.nationality, facts.destination) if code]
    countries = {
        country.code: country for country in Country.objects.filter(code__in=country_codes)
    }
    answered = facts_from_answers(flow=flow, answers=plan.answers)
    residence = answered.get(Fact.COUNTRY)
    if residence and residence not in countries:
        countries.update({c.code: c for c in Country.objects.filter(code=residence)})
    summary = PlanSummary(
        plan=plan,
        facts=facts,
        country=countries.get(residence or facts.nationality or ""),
        place=place_get(place_id=facts.place_id),
        destination=countries.get(facts.destination or ""),
        purposes=frozenset(answered.get(PURPOSES_CHOSEN, ())),
    )
    if facts.destination:
        _pathways_fill(summary)
    else:
        summary.abroad = _abroad_list(facts=facts, purposes=summary.purposes)
    # Purposes that name no kind of opportunity (migrate, other) show every kind.
    summary.opportunities = opportunity_list_for(
        facts=facts, purposes=summary.purposes, limit=OPPORTUNITY_LIMIT
    )
    _checklist_fill(summary)
    summary.articles = _risk_articles(
        country_code=summary.country.code if summary.country else None
    )
    if summary.place is not None:
        summary.info_points = info_point_list_nearest(
            latitude=summary.place.latitude,
            longitude=summary.place.longitude,
            limit=INFO_POINT_LIMIT,
        )
    return summary


def _kinds_asked(purpose: str | None) -> frozenset[str] | None:
    """The pathway kinds that answer `purpose` (None: every kind), as pathway_list_for reads it."""
    if purpose in PURPOSE_KINDS:
        return PURPOSE_KINDS[purpose]
    if purpose in Pathway.Kind.values:
        return frozenset({purpose})
    return None


def _pathways_fill(summary: PlanSummary) -> None:
    """Sorts the pathways to the destination into what fits the purpose asked, what does not
    (with the unmet conditions), other kinds that fit, and protection, in one pass (one
    pathway_list_for call with the purpose left open, then each pathway checked in Python
    against the real facts)."""
    facts = summary.facts
    kinds = _kinds_asked(facts.purpose)
    protection_asked = facts.purpose in PROTECTION_KINDS
    others: list[tuple[Pathway, list[str]]] = []
    for pathway, unmet_any_purpose in pathway_list_for(facts=replace(facts, purpose=None)):
        to_check = pathway_open_conditions(pathway=pathway, facts=facts)
        protection = pathway.kind in PROTECTION_KINDS
        if (kinds is None or pathway.kind in kinds) and (protection_asked or not protection):
            unmet = pathway_unmet_conditions(pathway=pathway, facts=facts)
            if unmet:
                summary.unfit.append((pathway, unmet))
            else:
                summary.fitting.append((pathway, to_check))
        elif not unmet_any_purpose:
            if protection:
                summary.protection.append((pathway, to_check))
            else:
                others.append((pathway, to_check))
    if not summary.fitting:
        summary.other_fitting = others


def _abroad_list(*, facts: Facts, purposes: frozenset[str]) -> list[Pathway]:
    """The regular pathways to any destination that fit one of the purposes to work, study
    or do business: a person who wants to work here also learns which regular ways abroad
    are open (never protection, which is not a way to work or study). Read from the kept
    catalogue: no query."""
    fitting: dict[int, Pathway] = {}
    for purpose in sorted(purposes & PURPOSE_KINDS.keys()):
        for pathway, unmet in pathway_list_for(facts=replace(facts, purpose=purpose)):
            if not unmet and pathway.kind not in PROTECTION_KINDS:
                fitting.setdefault(pathway.pk, pathway)
    return sorted(fitting.values(), key=lambda pathway: pathway.title.casefold())[:ABROAD_LIMIT]


def _checklist_fill(summary: PlanSummary) -> None:
    needed: dict[int, tuple[Document, list[str]]] = {}
    # The documents of what fits; when nothing fits yet, those of what will (at 18, with a
    # job offer...), which are worth preparing now.
    source = summary.fitting or summary.other_fitting or summary.unfit
    for pathway, _messages in source:
        for document in pathway.documents.all():
            needed.setdefault(document.pk, (document, []))[1].append(pathway.title)
    held_slugs = summary.facts.documents_held
    summary.held = [doc for doc, _titles in needed.values() if doc.slug in held_slugs]
    missing = [doc for doc, _titles in needed.values() if doc.slug not in held_slugs]
    nearest: dict[int, NearestIssuance] = {}
    if missing and summary.country is not None:
        nearest = document_issuance_nearest_list(
            documents=missing,
            country_code=summary.country.code,
            latitude=summary.place.latitude if summary.place else None,
            longitude=summary.place.longitude if summary.place else None,
        )
    summary.checklist = [
        ChecklistItem(
            document=document,
            nearest=nearest.get(document.pk),
            needed_for=tuple(needed[document.pk][1]),
        )
        for document in sorted(missing, key=lambda doc: doc.name.casefold())
    ]


def _risk_articles(*, country_code: str | None) -> list[Article]:
    articles = article_list(country_code=country_code).filter(kind__in=RISK_KINDS)
    return list(articles.order_by("kind", "title")[:ARTICLE_LIMIT])
