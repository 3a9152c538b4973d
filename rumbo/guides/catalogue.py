"""What a plan reads from the guides, kept in each process: the pathways (with rules, steps
and required documents) and, per country, where each document is issued (with the offices).

A plan looks at every pathway towards one destination and at the offices of every document
on its checklist. Deciding which pathways fit and which office is nearest takes microseconds;
loading them as model instances takes far longer (about a millisecond per pathway), which
missed the 20 ms target (bench/bench_guides_plan.py). So each process keeps a copy
(rumbo.core.kept): any save or delete in the guides app clears it (signals in apps.py).

The kept instances read translated fields in the language active when read, so one copy
serves every language.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from rumbo.core.kept import KeptInProcess
from rumbo.guides.models import Document, DocumentIssuance, Office, Pathway

CACHE_SECONDS = 60


@dataclass(frozen=True)
class Catalogue:
    pathways: tuple[Pathway, ...]
    origins: dict[int, frozenset[str]]  # pathway pk -> origin country codes


@dataclass(frozen=True)
class CountryIssuances:
    """How documents are obtained in one country."""

    by_document: dict[int, DocumentIssuance]  # document pk -> issuance (institution, country)
    offices: dict[int, list[Office]]  # issuance pk -> its offices by name (place and state)


_pathways: KeptInProcess[Catalogue] = KeptInProcess(seconds=CACHE_SECONDS)
_issuances: KeptInProcess[CountryIssuances] = KeptInProcess(seconds=CACHE_SECONDS)


def catalogue_clear(**_signal_arguments: object) -> None:
    _pathways.clear()
    _issuances.clear()


def catalogue() -> Catalogue:
    """Every pathway with its destination, rules, steps and documents, and the codes of its
    origin countries; loaded in five queries, at most once per CACHE_SECONDS."""
    return _pathways.get("all", _load_pathways)


def issuances_in(country_code: str) -> CountryIssuances:
    """Every document issuance of one country with its institution and offices; loaded in
    four queries, at most once per CACHE_SECONDS."""
    code = country_code.upper()
    return _issuances.get(code, lambda: _load_issuances(code))


def _load_pathways() -> Catalogue:
    pathways = tuple(
        # Documents in a fixed order whatever the language loading them; pages sort by name.
        Pathway.objects.select_related("destination").prefetch_related(
            "rules", "steps", Prefetch("documents", queryset=Document.objects.order_by("pk"))
        )
    )
    origins: dict[int, set[str]] = {pathway.pk: set() for pathway in pathways}
    links = Pathway.origin_countries.through.objects.values_list("pathway_id", "country__code")
    for pathway_id, code in links:
        origins.setdefault(pathway_id, set()).add(code)
    return Catalogue(
        pathways=pathways, origins={pk: frozenset(codes) for pk, codes in origins.items()}
    )


def _load_issuances(country_code: str) -> CountryIssuances:
    issuances = DocumentIssuance.objects.select_related("country", "institution").filter(
        country__code=country_code
    )
    # Places are shared by many offices: prefetched, each is built once.
    offices = (
        Office.objects.filter(issuance__country__code=country_code)
        .prefetch_related("place__parent")
        .order_by("name", "pk")
    )
    by_issuance: dict[int, list[Office]] = {}
    for office in offices:
        by_issuance.setdefault(office.issuance_id, []).append(office)
    return CountryIssuances(
        by_document={issuance.document_id: issuance for issuance in issuances},
        offices=by_issuance,
    )
