"""Reads of the guides app. The plan's selectors live in eligibility.py (the plans app's contract)."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import get_language

from rumbo.core.models import Country, Place
from rumbo.guides.eligibility import pathway_queryset
from rumbo.guides.models import Article, Document, DocumentIssuance, Office, Pathway, SearchTerm
from rumbo.guides.search import edit_distance, terms, typo_budget

MAX_QUERY_TERMS = 8


def pathway_list(
    *, origin_code: str | None = None, destination_code: str | None = None, kind: str | None = None
) -> QuerySet[Pathway]:
    pathways = pathway_queryset()
    if origin_code:
        pathways = pathways.filter(origin_countries__code=origin_code.upper())
    if destination_code:
        pathways = pathways.filter(destination__code=destination_code.upper())
    if kind:
        pathways = pathways.filter(kind=kind)
    return pathways.distinct()


def pathway_index_list(
    *, origin_code: str | None = None, destination_code: str | None = None
) -> QuerySet[Pathway]:
    """Pathways for a list of links: the destination only, none of what a pathway page shows
    (its rules, steps, documents and sources cost most of the guides index's time)."""
    pathways = Pathway.objects.select_related("destination")
    if origin_code:
        pathways = pathways.filter(origin_countries__code=origin_code.upper()).distinct()
    if destination_code:
        pathways = pathways.filter(destination__code=destination_code.upper())
    return pathways


def pathway_get(*, slug: str) -> Pathway | None:
    return pathway_queryset().filter(slug=slug).first()


def document_list() -> QuerySet[Document]:
    return Document.objects.prefetch_related(
        Prefetch(
            "issuances",
            queryset=DocumentIssuance.objects.select_related("country", "institution")
            .prefetch_related(
                Prefetch("offices", queryset=Office.objects.select_related("place__parent")),
                "sources",
            )
            .order_by("country__name"),
        )
    )


def document_index_list() -> QuerySet[Document]:
    """Documents for a list of links: no issuances loaded."""
    return Document.objects.all()


def document_get(*, slug: str) -> Document | None:
    return document_list().filter(slug=slug).first()


def article_list(*, country_code: str | None = None, kind: str | None = None) -> QuerySet[Article]:
    articles = Article.objects.prefetch_related("countries", "sources")
    if country_code:
        articles = articles.filter(
            Q(countries__code=country_code.upper()) | Q(countries__isnull=True)
        ).distinct()
    if kind:
        articles = articles.filter(kind=kind)
    return articles


def article_index_list() -> QuerySet[Article]:
    """Articles for a list of links: no sources or countries loaded."""
    return Article.objects.all()


def article_get(*, slug: str) -> Article | None:
    return article_list().filter(slug=slug).first()


def guide_country_list() -> tuple[QuerySet[Country], QuerySet[Country]]:
    """Countries that have pathways: (origins, destinations)."""
    origins = Country.objects.filter(pathways_from__isnull=False).distinct()
    destinations = Country.objects.filter(pathways_to__isnull=False).distinct()
    return origins, destinations


@dataclass(frozen=True)
class SearchHit:
    record: str  # SearchTerm.Record value
    item: Pathway | Document | Article
    score: float


def _term_matches(query_term: str, candidates: list[str]) -> dict[str, float]:
    """Stored terms that match one query term, with a match quality from 0 to 1."""
    budget = typo_budget(query_term)
    matches: dict[str, float] = {}
    for candidate in candidates:
        if candidate == query_term:
            matches[candidate] = 1.0
        elif len(query_term) >= 4 and candidate.startswith(query_term):
            matches[candidate] = 0.8  # the start of a longer word, as typed so far
        elif budget:
            distance = edit_distance(query_term, candidate, budget)
            if distance <= budget:
                matches[candidate] = 0.7 if distance == 1 else 0.5
    return matches


def guide_search(*, query: str, language: str | None = None, limit: int = 20) -> list[SearchHit]:
    """Pathways, documents and articles matching `query` in `language` (default: the active one).

    Accent- and case-insensitive, tolerant of plurals (see search.stem) and of one or two typos
    (search.typo_budget): candidates are the stored terms that share the query word's first
    letter or (for words of five letters or more) start alike after it, compared in Python by
    edit distance, so SQLite and PostgreSQL answer alike.
    A record scores, per query word, its best match quality times the weight of the field it
    matched (title 3, summary 2, body 1); records matching more words rank higher.
    """
    language = (language or get_language() or "es").split("-")[0]
    query_terms = list(dict.fromkeys(terms(query)))[:MAX_QUERY_TERMS]
    if not query_terms:
        return []
    in_language = SearchTerm.objects.filter(language=language)
    neighbours = Q()
    for term in query_terms:
        neighbours |= Q(term__startswith=term[0])
        if len(term) >= 5:
            # A wrong or a missing first letter: the rest of the word still starts alike.
            neighbours |= Q(tail__startswith=term[1:3]) | Q(tail__startswith=term[:2])
    candidates = list(in_language.filter(neighbours).values_list("term", flat=True).distinct())
    matches = {term: _term_matches(term, candidates) for term in query_terms}
    wanted = {candidate for found in matches.values() for candidate in found}
    if not wanted:
        return []
    scores: dict[tuple[str, int], dict[str, float]] = defaultdict(dict)
    rows = in_language.filter(term__in=wanted).values_list("record", "record_id", "term", "weight")
    for record, record_id, stored, weight in rows:
        per_term = scores[(record, record_id)]
        for query_term, found in matches.items():
            if stored in found:
                per_term[query_term] = max(per_term.get(query_term, 0), found[stored] * weight)
    ranked = sorted(
        ((sum(per_term.values()) + 10 * len(per_term), key) for key, per_term in scores.items()),
        key=lambda item: (-item[0], item[1]),
    )[:limit]
    by_record: dict[str, list[int]] = defaultdict(list)
    for _score, (record, record_id) in ranked:
        by_record[record].append(record_id)
    models: dict[str, QuerySet] = {
        SearchTerm.Record.PATHWAY: Pathway.objects.select_related("destination"),
        SearchTerm.Record.DOCUMENT: Document.objects.all(),
        SearchTerm.Record.ARTICLE: Article.objects.all(),
    }
    items: dict[tuple[str, int], Pathway | Document | Article] = {
        (record, item.pk): item
        for record, ids in by_record.items()
        for item in models[SearchTerm.Record(record)].filter(pk__in=ids)
    }
    return [
        SearchHit(record=key[0], item=items[key], score=round(score, 2))
        for score, key in ranked
        if key in items
    ]


def place_city_get(*, place_id: int) -> Place | None:
    return (
        Place.objects.select_related("country", "parent")
        .filter(pk=place_id, kind=Place.Kind.CITY)
        .first()
    )
