"""Writes of the guides app: content upserts (validated, atomic) and the search index, which
every write keeps up to date."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Model

from rumbo.core.models import Country, Organisation
from rumbo.guides.models import Article, Document, DocumentIssuance, Pathway, SearchTerm, Source
from rumbo.guides.search import terms

# Which fields feed the index for each record type, with their weights.
INDEXED_FIELDS: dict[type[Model], tuple[str, list[tuple[str, int]]]] = {
    Pathway: (SearchTerm.Record.PATHWAY, [("title", 3), ("summary", 2), ("body", 1)]),
    Document: (SearchTerm.Record.DOCUMENT, [("name", 3), ("description", 1)]),
    Article: (SearchTerm.Record.ARTICLE, [("title", 3), ("summary", 2), ("body", 1)]),
}


def _document_extra_text(document: Document, language: str) -> str:
    # A document is also found by its local names ("DPI", "DUI", "cédula").
    return " ".join(
        getattr(issuance, f"local_name_{language}")
        or getattr(issuance, f"local_name_{settings.LANGUAGE_CODE}")
        or ""
        for issuance in document.issuances.all()
    )


def _record_terms(instance: Model, language: str) -> list[SearchTerm]:
    record, fields = INDEXED_FIELDS[type(instance)]
    best: dict[str, int] = {}
    # An empty field is indexed from the fallback language, as the page shows it.
    texts = [
        (
            getattr(instance, f"{name}_{language}")
            or getattr(instance, f"{name}_{settings.LANGUAGE_CODE}")
            or "",
            weight,
        )
        for name, weight in fields
    ]
    if isinstance(instance, Document):
        texts.append((_document_extra_text(instance, language), 3))
    for text, weight in texts:
        for term in terms(text):
            best[term] = max(best.get(term, 0), weight)
    return [
        SearchTerm(
            language=language,
            term=term,
            tail=term[1:],
            record=record,
            record_id=instance.pk,
            weight=weight,
        )
        for term, weight in best.items()
    ]


def search_index_update(*, instance: Model) -> int:
    """Replaces the search terms of one pathway, document or article in every language.

    Returns the number of terms written.
    """
    record, _fields = INDEXED_FIELDS[type(instance)]
    rows = [
        row for language, _name in settings.LANGUAGES for row in _record_terms(instance, language)
    ]
    with transaction.atomic():
        SearchTerm.objects.filter(record=record, record_id=instance.pk).delete()
        SearchTerm.objects.bulk_create(rows)
    return len(rows)


def search_index_rebuild() -> int:
    """Rebuilds the whole index (after an import or the demo loader). Returns terms written."""
    written = 0
    with transaction.atomic():
        SearchTerm.objects.all().delete()
        for model in (Pathway, Article):
            for instance in model.objects.all():
                written += search_index_update(instance=instance)
        for document in Document.objects.prefetch_related("issuances"):
            written += search_index_update(instance=document)
    return written


def _replace_children(manager, rows: list[dict]) -> None:
    # Children (steps, rules, offices) have no stable key: replacing them keeps loads idempotent.
    manager.all().delete()
    for order, fields in enumerate(rows, start=1):
        child = manager.model(**{manager.field.name: manager.instance}, **fields)
        if hasattr(child, "order") and "order" not in fields:
            child.order = order
        child.full_clean(exclude=[manager.field.name])
        child.save()


def source_upsert(
    *, url: str, accessed_on: datetime.date, is_demo: bool = False, **fields
) -> Source:
    source, _created = Source.objects.update_or_create(
        url=url, defaults={"accessed_on": accessed_on, "is_demo": is_demo, **fields}
    )
    return source


@transaction.atomic
def document_upsert(*, slug: str, is_demo: bool = False, **fields) -> Document:
    document = Document.objects.filter(slug=slug).first() or Document(slug=slug)
    for name, value in {"is_demo": is_demo, **fields}.items():
        setattr(document, name, value)
    document.full_clean()
    document.save()
    search_index_update(instance=document)
    return document


@transaction.atomic
def document_issuance_upsert(
    *,
    document: Document,
    country: Country,
    institution: Organisation,
    sources: list[Source],
    offices: list[dict],
    is_demo: bool = False,
    **fields,
) -> DocumentIssuance:
    """Creates or replaces how `document` is obtained in `country`, with all its offices."""
    issuance = DocumentIssuance.objects.filter(document=document, country=country).first()
    issuance = issuance or DocumentIssuance(document=document, country=country)
    for name, value in {"institution": institution, "is_demo": is_demo, **fields}.items():
        setattr(issuance, name, value)
    issuance.full_clean()
    issuance.save()
    issuance.sources.set(sources)
    _replace_children(issuance.offices, offices)
    search_index_update(instance=document)
    return issuance


@transaction.atomic
def pathway_upsert(
    *,
    slug: str,
    destination: Country,
    origin_countries: list[Country],
    documents: list[Document],
    sources: list[Source],
    steps: list[dict],
    rules: list[dict],
    is_demo: bool = False,
    **fields,
) -> Pathway:
    """Creates or replaces a pathway with its steps and eligibility rules (validated)."""
    pathway = Pathway.objects.filter(slug=slug).first() or Pathway(slug=slug)
    for name, value in {"destination": destination, "is_demo": is_demo, **fields}.items():
        setattr(pathway, name, value)
    pathway.full_clean()
    pathway.save()
    pathway.origin_countries.set(origin_countries)
    pathway.documents.set(documents)
    pathway.sources.set(sources)
    _replace_children(pathway.steps, steps)
    _replace_children(pathway.rules, rules)
    search_index_update(instance=pathway)
    return pathway


@transaction.atomic
def article_upsert(
    *,
    slug: str,
    countries: list[Country],
    sources: list[Source],
    is_demo: bool = False,
    **fields,
) -> Article:
    article = Article.objects.filter(slug=slug).first() or Article(slug=slug)
    for name, value in {"is_demo": is_demo, **fields}.items():
        setattr(article, name, value)
    article.full_clean()
    article.save()
    article.countries.set(countries)
    article.sources.set(sources)
    search_index_update(instance=article)
    return article
