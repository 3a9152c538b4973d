"""Writes of the guides app: content upserts (validated, atomic), the search index, which
every write keeps up to date, and the one act that marks a fact verified (fact_verify)."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from rumbo.audit.models import AuditEntry
from rumbo.audit.services import audit_record
from rumbo.core.models import Country, Organisation
from rumbo.guides.models import (
    Article,
    Document,
    DocumentIssuance,
    Pathway,
    SearchTerm,
    Source,
    Verified,
)
from rumbo.guides.search import terms

# Set only by fact_verify: an upsert (the demo, an import) writes content nobody has checked.
VERIFICATION_FIELDS = frozenset({"last_verified", "reviewer", "verified_by", "verified_against"})
NOT_VERIFIED: dict = {"last_verified": None, "reviewer": "", "verified_by": None}

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


def _content_fields(fields: dict) -> dict:
    """The fields of an upsert, which always leaves the record "not yet verified"."""
    refused = VERIFICATION_FIELDS & fields.keys()
    if refused:
        raise ValueError(f"Only fact_verify sets {', '.join(sorted(refused))}.")
    return {**fields, **NOT_VERIFIED, "verified_against": ""}


@transaction.atomic
def fact_verify(*, record: Verified, editor, against: str) -> Verified:
    """Marks `record` verified today by `editor`, against the source's own date or version
    (`against`, e.g. "89 FR 88799" or "page updated 2025-03-01"), and writes an audit entry.

    The only way a record becomes verified; the editor must be allowed to change it.
    """
    against = against.strip()
    if not against:
        raise ValidationError(
            {"against": _("Give the date or version of the source you checked it against.")}
        )
    opts = record._meta
    if not editor.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        raise PermissionDenied
    record.last_verified = timezone.localdate()
    record.verified_by = editor
    record.reviewer = (editor.get_full_name() or editor.get_username())[:120]
    record.verified_against = against[:200]
    record.save(update_fields=["last_verified", "verified_by", "reviewer", "verified_against"])
    audit_record(
        actor=editor,
        action=AuditEntry.Action.UPDATE,
        target=record,
        reason=f"Verified against its source: {against}",
    )
    return record


@transaction.atomic
def fact_verification_clear(*, record: Verified) -> bool:
    """Returns an edited record to "not yet verified" (its content is no longer what the
    editor checked). Returns whether it had been verified."""
    if not record.is_verified:
        return False
    for name, value in {**NOT_VERIFIED, "verified_against": ""}.items():
        setattr(record, name, value)
    record.save(update_fields=sorted(VERIFICATION_FIELDS))
    return True


def source_upsert(
    *, url: str, accessed_on: datetime.date | None = None, is_demo: bool = False, **fields
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
    fields = _content_fields(fields)
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
    fields = _content_fields(fields)
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
    fields = _content_fields(fields)
    for name, value in {"is_demo": is_demo, **fields}.items():
        setattr(article, name, value)
    article.full_clean()
    article.save()
    article.countries.set(countries)
    article.sources.set(sources)
    search_index_update(instance=article)
    return article
