"""Which pathways fit a person, and where the documents they need are obtained nearest to them.

This is the contract the plans app calls. It is read-only (selectors) and takes the person's
answers as one `Facts` value, so the same code serves the plan page, the API and benchmarks.

How a rule (EligibilityRule) is read:

| fact                    | operators  | value                      | met when                     |
| ----------------------- | ---------- | -------------------------- | ---------------------------- |
| nationality             | in         | "HN,GT" (ISO codes)        | facts.nationality is listed  |
| age                     | min, max   | "18"                       | facts.age >= / <= the value  |
| purpose                 | in         | "work,migrate"             | facts.purpose is listed      |
| job_offer               | is_true    | (empty)                    | facts.has_job_offer is True  |
| family_in_destination   | is_true    | (empty)                    | ...has_family_in_destination |
| school_admission        | is_true    | (empty)                    | ...has_school_admission      |
| document_held           | in         | "passport" (slugs)         | one listed slug is held      |

Unknown facts (None): a rule on a fact the person has not given is met unless the rule is
marked `requires_answer` (then it is not met: nothing is promised on a condition nobody
confirmed). The questionnaire does not ask everything (e.g. whether a job offer exists), so by
default an unanswered condition does not hide a pathway; `pathway_open_conditions` lists those
conditions so the plan can say "you will need a job offer". `documents_held` is never
unknown: an empty set means "holds none".

Distances are great-circle (haversine) distances computed in Python over the few offices of
one issuance, which keeps SQLite and PostgreSQL identical without a spatial extension.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from rumbo.core.geo import haversine_km
from rumbo.guides.catalogue import catalogue, issuances_in
from rumbo.guides.models import Document, DocumentIssuance, EligibilityRule, Office, Pathway

Fact = EligibilityRule.Fact
Operator = EligibilityRule.Operator
Kind = Pathway.Kind

# Which pathway kinds answer a purpose. A purpose not listed here (migrate, other, None)
# shows every kind; a purpose that is itself a pathway kind shows that kind only.
PURPOSE_KINDS: dict[str, frozenset[str]] = {
    # Free mobility (CA-4) lets people visit, not work or study: it answers "business" only.
    "work": frozenset({Kind.TEMPORARY_WORK, Kind.SEASONAL_WORK}),
    "study": frozenset({Kind.STUDY}),
    "business": frozenset({Kind.VISITOR, Kind.FREE_MOBILITY}),
}

# The operators each fact accepts (EligibilityRule.clean checks rules against this).
FACT_OPERATORS: dict[str, frozenset[str]] = {
    Fact.NATIONALITY: frozenset({Operator.IN}),
    Fact.AGE: frozenset({Operator.MIN, Operator.MAX}),
    Fact.PURPOSE: frozenset({Operator.IN}),
    Fact.JOB_OFFER: frozenset({Operator.IS_TRUE}),
    Fact.FAMILY_IN_DESTINATION: frozenset({Operator.IS_TRUE}),
    Fact.SCHOOL_ADMISSION: frozenset({Operator.IS_TRUE}),
    Fact.DOCUMENT_HELD: frozenset({Operator.IN}),
}


@dataclass(frozen=True)
class Facts:
    """What the person told us. Every field may be unknown (None)."""

    nationality: str | None = None  # ISO 3166-1 alpha-2, e.g. "HN"
    age: int | None = None
    # study, work, business, migrate, other, or a Pathway.Kind value
    purpose: str | None = None
    destination: str | None = None  # ISO 3166-1 alpha-2, e.g. "MX"
    has_job_offer: bool | None = None
    has_family_in_destination: bool | None = None
    has_school_admission: bool | None = None
    documents_held: frozenset[str] = field(default_factory=frozenset)  # Document slugs
    place_id: int | None = None  # core.Place (city) where the person lives


@dataclass(frozen=True)
class NearestIssuance:
    issuance: DocumentIssuance
    office: Office | None  # None when the issuance lists no office
    distance_km: float | None  # None when no position was given


def _listed(value: str) -> set[str]:
    return {item.strip().casefold() for item in value.split(",") if item.strip()}


def _fact_value(rule: EligibilityRule, facts: Facts) -> object:
    values: dict[str, object] = {
        Fact.NATIONALITY: facts.nationality,
        Fact.AGE: facts.age,
        Fact.PURPOSE: facts.purpose,
        Fact.JOB_OFFER: facts.has_job_offer,
        Fact.FAMILY_IN_DESTINATION: facts.has_family_in_destination,
        Fact.SCHOOL_ADMISSION: facts.has_school_admission,
        Fact.DOCUMENT_HELD: facts.documents_held,
    }
    return values.get(rule.fact)


def rule_is_met(*, rule: EligibilityRule, facts: Facts) -> bool:
    """Whether `facts` meet one rule; see the module docstring for unknown facts."""
    known = _fact_value(rule, facts)
    if known is None:
        return not rule.requires_answer
    if rule.operator not in FACT_OPERATORS.get(rule.fact, ()):
        return False  # a malformed rule never lets a pathway pass unchecked
    if rule.operator == Operator.IS_TRUE:
        return known is True
    if rule.operator in (Operator.MIN, Operator.MAX):
        try:
            limit = int(rule.value)
        except ValueError:
            return False
        if not isinstance(known, int):
            return False
        return known >= limit if rule.operator == Operator.MIN else known <= limit
    listed = _listed(rule.value)
    if isinstance(known, frozenset | set):
        return bool(listed & {slug.casefold() for slug in known})
    return str(known).casefold() in listed


def pathway_unmet_conditions(*, pathway: Pathway, facts: Facts) -> list[str]:
    """The messages (in the active language) of the pathway's rules that `facts` do not meet.

    An empty list means the pathway fits. Uses `pathway.rules.all()`, so prefetch `rules`
    when calling this for many pathways (the catalogue does).
    """
    return [
        rule.unmet_message
        for rule in pathway.rules.all()
        if not rule_is_met(rule=rule, facts=facts)
    ]


def pathway_open_conditions(*, pathway: Pathway, facts: Facts) -> list[str]:
    """The messages of the pathway's rules whose fact is unknown, to show as "to check"."""
    return [
        rule.unmet_message
        for rule in pathway.rules.all()
        if _fact_value(rule, facts) is None and not rule.requires_answer
    ]


def pathway_queryset() -> QuerySet[Pathway]:
    """Pathways with everything their page shows, fetched in a fixed number of queries."""
    return Pathway.objects.select_related("destination").prefetch_related(
        "rules",
        "steps",
        Prefetch("documents", queryset=Document.objects.order_by("name")),
        "origin_countries",
        "sources",
    )


def pathway_list_for(*, facts: Facts) -> list[tuple[Pathway, list[str]]]:
    """The pathways relevant to `facts`, each with its unmet conditions ([] = fits).

    Relevant means: towards `facts.destination` (any destination when unknown), written for
    `facts.nationality` (any when unknown), and of a kind that answers `facts.purpose`
    (PURPOSE_KINDS). Fitting pathways come first, then the others, each by title.
    Reads the pathways kept in the process (rumbo.guides.catalogue): no query once loaded.
    The pathways returned are shared: read them, never change them.
    """
    kept = catalogue()
    destination = facts.destination.upper() if facts.destination else None
    nationality = facts.nationality.upper() if facts.nationality else None
    kinds = PURPOSE_KINDS.get(facts.purpose or "")
    if kinds is None and facts.purpose in Kind.values:
        kinds = frozenset({facts.purpose})
    found = [
        (pathway, pathway_unmet_conditions(pathway=pathway, facts=facts))
        for pathway in kept.pathways
        if (destination is None or pathway.destination.code == destination)
        and (nationality is None or nationality in kept.origins[pathway.pk])
        and (kinds is None or pathway.kind in kinds)
    ]
    found.sort(key=lambda item: (bool(item[1]), item[0].title.casefold()))
    return found


def _issuance_queryset() -> QuerySet[DocumentIssuance]:
    return DocumentIssuance.objects.select_related(
        "document", "country", "institution"
    ).prefetch_related(
        Prefetch("offices", queryset=Office.objects.select_related("place__parent")), "sources"
    )


def _nearest(
    issuance: DocumentIssuance, latitude: float | None, longitude: float | None
) -> NearestIssuance:
    return _nearest_of(issuance, list(issuance.offices.all()), latitude, longitude)


def _nearest_of(
    issuance: DocumentIssuance,
    offices: list[Office],
    latitude: float | None,
    longitude: float | None,
) -> NearestIssuance:
    if not offices:
        return NearestIssuance(issuance=issuance, office=None, distance_km=None)
    if latitude is None or longitude is None:
        return NearestIssuance(issuance=issuance, office=offices[0], distance_km=None)
    distance, office = min(
        ((haversine_km(latitude, longitude, *office.coordinates), office) for office in offices),
        key=lambda pair: pair[0],
    )
    return NearestIssuance(issuance=issuance, office=office, distance_km=round(distance, 1))


def document_issuance_nearest(
    *,
    document: Document,
    country_code: str,
    latitude: float | None = None,
    longitude: float | None = None,
) -> NearestIssuance | None:
    """How `document` is obtained in `country_code`, with the office nearest the position.

    None when the country has no issuance recorded for the document. Without a position the
    first office by name is returned, with no distance.
    """
    issuance = (
        _issuance_queryset().filter(document=document, country__code=country_code.upper()).first()
    )
    return _nearest(issuance, latitude, longitude) if issuance else None


def document_issuance_nearest_list(
    *,
    documents: Iterable[Document],
    country_code: str,
    latitude: float | None = None,
    longitude: float | None = None,
) -> dict[int, NearestIssuance]:
    """document_issuance_nearest for a whole checklist: {document pk: result}. Documents
    without an issuance in the country are absent.

    Reads the issuances and offices kept in the process (rumbo.guides.catalogue): no query
    once loaded. The issuances and offices returned are shared: read them, never change them.
    """
    kept = issuances_in(country_code)
    result = {}
    for document in documents:
        issuance = kept.by_document.get(document.pk)
        if issuance is not None:
            offices = kept.offices.get(issuance.pk, [])
            result[document.pk] = _nearest_of(issuance, offices, latitude, longitude)
    return result
