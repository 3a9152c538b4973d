"""What a plan reads from the guides, kept in each process: the pathways (with rules, steps
and required documents) and, per country, where each document is issued (with the offices).

A plan looks at every pathway towards one destination and at the offices of every document
on its checklist. Deciding which pathways fit and which office is nearest takes microseconds;
loading them as model instances takes far longer (about a millisecond per pathway), which
missed the 20 ms target (bench/bench_guides_plan.py). Content changes rarely: each process
keeps one copy, which any save or delete in the guides app clears at once in the process that
made it (signals in apps.py); other processes reload it within CACHE_SECONDS, as they do the
questionnaire.

The kept instances are shared by the threads of a process and must not be changed. They read
translated fields in the language active when read, so one copy serves every language.
"""

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import Prefetch

from rumbo.guides.models import Document, DocumentIssuance, Office, Pathway

CACHE_SECONDS = 60


@dataclass(frozen=True)
class Catalogue:
    pathways: tuple[Pathway, ...]
    origins: dict[int, frozenset[str]]  # pathway pk -> origin country codes
    loaded_at: float


@dataclass(frozen=True)
class CountryIssuances:
    """How documents are obtained in one country."""

    by_document: dict[int, DocumentIssuance]  # document pk -> issuance (institution, country)
    offices: dict[int, list[Office]]  # issuance pk -> its offices by name (place and state)
    loaded_at: float


Kept = TypeVar("Kept", Catalogue, CountryIssuances)

_lock = threading.Lock()
_kept: dict[str, Any] = {}
# Bumped by every clear, so that a load which started before a change is not kept after it.
_generation = 0


def catalogue_clear(**_signal_arguments: object) -> None:
    global _generation
    with _lock:
        _kept.clear()
        _generation += 1


def _kept_or_loaded(key: str, load: Callable[[], Kept]) -> Kept:
    kept = _kept.get(key)
    if kept is not None and time.monotonic() - kept.loaded_at < CACHE_SECONDS:
        return kept
    generation = _generation
    loaded = load()
    with _lock:
        if generation == _generation:
            _kept[key] = loaded
    return loaded


def catalogue() -> Catalogue:
    """Every pathway with its destination, rules, steps and documents, and the codes of its
    origin countries; loaded in five queries, at most once per CACHE_SECONDS."""
    return _kept_or_loaded("pathways", _load_pathways)


def issuances_in(country_code: str) -> CountryIssuances:
    """Every document issuance of one country with its institution and offices; loaded in
    four queries, at most once per CACHE_SECONDS."""
    code = country_code.upper()
    return _kept_or_loaded(f"issuances {code}", lambda: _load_issuances(code))


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
        pathways=pathways,
        origins={pk: frozenset(codes) for pk, codes in origins.items()},
        loaded_at=time.monotonic(),
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
        loaded_at=time.monotonic(),
    )
