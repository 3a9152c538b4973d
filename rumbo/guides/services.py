"""Writes of the guides app: the search index, rebuilt whenever a record changes."""

from django.conf import settings
from django.db import transaction
from django.db.models import Model

from rumbo.guides.models import Article, Document, Pathway, SearchTerm
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
            language=language, term=term, record=record, record_id=instance.pk, weight=weight
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
