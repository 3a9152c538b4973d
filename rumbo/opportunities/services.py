"""Writes of the opportunities. Opportunities hold no personal data, so no audit entry."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from rumbo.core.models import Organisation, Place
from rumbo.guides.models import Document
from rumbo.opportunities.models import (
    CONFIRM_VALID_DAYS,
    Correction,
    Opportunity,
    OpportunityLanguage,
    OpportunityRevision,
    OpportunityRule,
    PartnerMembership,
)


@dataclass(frozen=True)
class RuleSpec:
    """One further condition (see OpportunityRule); messages by language code."""

    fact: str
    operator: str
    value: str
    messages: dict[str, str]
    requires_answer: bool = False


@transaction.atomic
def opportunity_upsert(
    *,
    slug: str,
    fields: dict[str, Any],
    places: Sequence[Place] = (),
    documents: Iterable[Document] = (),
    languages: Iterable[str] = (),
    rules: Iterable[RuleSpec] = (),
    today: date | None = None,
) -> Opportunity:
    """Creates or replaces the opportunity `slug` with its places, documents, languages and
    rules, all validated (`full_clean`) before anything is written.

    A new opportunity may not be created with a deadline already past: nobody could apply.
    Raises ValidationError naming the field; nothing is written then.
    """
    today = today or timezone.localdate()
    opportunity = Opportunity.objects.filter(slug=slug).first()
    created = opportunity is None
    if opportunity is None:
        opportunity = Opportunity(slug=slug)
    for name, value in fields.items():
        setattr(opportunity, name, value)
    opportunity.full_clean()
    deadline = opportunity.application_deadline
    if created and deadline is not None and deadline < today:
        raise ValidationError(
            {"application_deadline": _("The application deadline is already past.")}
        )
    language_rows = [OpportunityLanguage(code=code) for code in languages]
    rule_rows = [
        OpportunityRule(
            fact=spec.fact,
            operator=spec.operator,
            value=spec.value,
            requires_answer=spec.requires_answer,
            **{f"unmet_message_{code}": message for code, message in spec.messages.items()},
        )
        for spec in rules
    ]
    # Children are validated before the opportunity exists, so without their parent key.
    for child in [*language_rows, *rule_rows]:
        child.full_clean(exclude=["opportunity"])
    opportunity.save()
    opportunity.places.set(places)
    opportunity.documents.set(documents)
    opportunity.languages.all().delete()
    opportunity.rules.all().delete()
    for language in language_rows:
        language.opportunity = opportunity
    for rule in rule_rows:
        rule.opportunity = opportunity
    OpportunityLanguage.objects.bulk_create(language_rows)
    OpportunityRule.objects.bulk_create(rule_rows)
    return opportunity


@transaction.atomic
def opportunity_status_set(*, opportunity: Opportunity, status: str) -> Opportunity:
    """Publishes, archives or returns an opportunity to draft; publishing checks that the
    opportunity says how to apply (Opportunity.clean)."""
    opportunity.status = status
    opportunity.full_clean()
    opportunity.save(update_fields=["status", "updated_at"])
    return opportunity


# --- Partners' proposed changes and their moderation --------------------------------------

# What a partner may propose; the rest (slug, provider, country, places, status) is the
# moderators'. Translated texts are proposed in the partner's language.
EDITABLE_FIELDS = [
    "kind",
    "subkind",
    "title",
    "summary",
    "description",
    "is_online",
    "age_min",
    "age_max",
    "sex",
    "schooling",
    "is_free",
    "cost",
    "stipend",
    "starts_on",
    "ends_on",
    "application_deadline",
    "apply_url",
    "apply_phone",
    "apply_whatsapp",
    "how_to_apply",
]
TRANSLATED_FIELDS = frozenset(
    {"title", "summary", "description", "cost", "stipend", "how_to_apply"}
)
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _language(language: str) -> str:
    code = (language or "").split("-")[0]
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def revision_data(*, values: dict[str, Any], language: str) -> dict[str, Any]:
    """The proposed values as JSON: translated texts under their language's column."""
    code = _language(language)
    data: dict[str, Any] = {}
    for name in EDITABLE_FIELDS:
        if name not in values:
            continue
        value = values[name]
        if isinstance(value, date):
            value = value.isoformat()
        data[f"{name}_{code}" if name in TRANSLATED_FIELDS else name] = value
    if values.get("country") is not None:
        # Chosen only for a new record (an organisation may work in several countries).
        data["country"] = values["country"].pk
    return data


def revision_apply(*, opportunity: Opportunity, data: dict[str, Any]) -> Opportunity:
    """Sets the proposed values on `opportunity` (in memory); unknown keys are ignored."""
    for key, value in data.items():
        try:
            field = Opportunity._meta.get_field(key)
        except Exception:  # noqa: BLE001, S112 - a key no field has is not applied
            continue
        setattr(opportunity, field.attname, field.to_python(value))  # type: ignore[union-attr]
    return opportunity


def _fill_default_language(opportunity: Opportunity) -> None:
    """A new record proposed in another language gets its texts in the default language
    too, until someone translates them (the site falls back to it)."""
    default = settings.LANGUAGE_CODE
    for name in TRANSLATED_FIELDS:
        if getattr(opportunity, f"{name}_{default}"):
            continue
        for code in LANGUAGE_CODES:
            if value := getattr(opportunity, f"{name}_{code}", ""):
                setattr(opportunity, f"{name}_{default}", value)
                setattr(opportunity, name, value)
                break


def _candidate(
    *, opportunity: Opportunity | None, organisation: Organisation, data: dict[str, Any]
) -> Opportunity:
    candidate = (
        Opportunity.objects.get(pk=opportunity.pk)
        if opportunity is not None
        else Opportunity(provider=organisation, country=organisation.country)
    )
    revision_apply(opportunity=candidate, data=data)
    if opportunity is None:
        _fill_default_language(candidate)
        candidate.slug = _unique_slug(candidate)
    candidate.status = Opportunity.Status.PUBLISHED
    return candidate


def _validate_candidate(candidate: Opportunity, *, data: dict[str, Any], today: date) -> None:
    """The record as it would be once approved must be valid and publishable; a deadline
    given in the proposal must not be past."""
    candidate.full_clean(exclude=["slug"] if candidate.pk is None else None)
    deadline = candidate.application_deadline
    proposed = any(key == "application_deadline" for key in data)
    if proposed and deadline is not None and deadline < today:
        raise ValidationError(
            {"application_deadline": _("The application deadline is already past.")}
        )


def _unique_slug(opportunity: Opportunity) -> str:
    # The identifier a proposal wished for (an import's slug column), else from the title.
    base = slugify(opportunity.slug or opportunity.title or "")[:70] or "opportunity"
    slug, number = base, 1
    while Opportunity.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def revision_submit(
    *,
    user: Any,
    organisation: Organisation,
    opportunity: Opportunity | None,
    values: dict[str, Any],
    language: str,
    slug: str = "",
    today: date | None = None,
) -> OpportunityRevision:
    """A partner proposes a new opportunity (`opportunity` None) or a change to one its
    organisation provides. The live record does not change; the proposal is checked as the
    record would be once approved. One pending proposal per record and organisation: a new
    one replaces its data (a new record's proposals are told apart by `slug`, the wished
    identifier, when given). Raises PermissionDenied for another organisation's record and
    ValidationError naming the field."""
    today = today or timezone.localdate()
    if not PartnerMembership.objects.filter(user=user, organisation=organisation).exists():
        raise PermissionDenied
    if opportunity is not None and opportunity.provider_id != organisation.pk:
        raise PermissionDenied
    data = revision_data(values=values, language=language)
    if opportunity is None and slug:
        data["slug"] = slug
    candidate = _candidate(opportunity=opportunity, organisation=organisation, data=data)
    _validate_candidate(candidate, data=data, today=today)
    pending = None
    if opportunity is not None or slug:
        same = (
            {"opportunity": opportunity}
            if opportunity
            else {"opportunity": None, "data__slug": slug}
        )
        pending = (
            OpportunityRevision.objects.select_for_update()
            .filter(organisation=organisation, status=OpportunityRevision.Status.PENDING, **same)
            .first()
        )
    if pending is not None:
        pending.data, pending.author = data, user
        pending.save(update_fields=["data", "author"])
        return pending
    return OpportunityRevision.objects.create(
        opportunity=opportunity, organisation=organisation, author=user, data=data
    )


@transaction.atomic
def revision_approve(
    *, revision: OpportunityRevision, reviewer: Any, today: date | None = None
) -> Opportunity:
    """Applies a pending proposal to the live record (creating it for a new one, published),
    which also counts as confirming it. Checked again: the record may have changed since."""
    today = today or timezone.localdate()
    revision = OpportunityRevision.objects.select_for_update().get(pk=revision.pk)
    if revision.status != OpportunityRevision.Status.PENDING:
        raise ValidationError(_("This proposal has already been reviewed."))
    candidate = _candidate(
        opportunity=revision.opportunity, organisation=revision.organisation, data=revision.data
    )
    if revision.opportunity is not None:
        candidate.status = revision.opportunity.status
    candidate.confirmed_on = today
    _validate_candidate(candidate, data=revision.data, today=today)
    candidate.save()
    revision.opportunity = candidate
    revision.status = OpportunityRevision.Status.APPROVED
    revision.reviewer = reviewer
    revision.reviewed_at = timezone.now()
    revision.save(update_fields=["opportunity", "status", "reviewer", "reviewed_at"])
    return candidate


@transaction.atomic
def revision_reject(*, revision: OpportunityRevision, reviewer: Any, reason: str) -> None:
    """Rejects a pending proposal; the partner sees the reason."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why, so the partner can correct it.")})
    revision = OpportunityRevision.objects.select_for_update().get(pk=revision.pk)
    if revision.status != OpportunityRevision.Status.PENDING:
        raise ValidationError(_("This proposal has already been reviewed."))
    revision.status = OpportunityRevision.Status.REJECTED
    revision.reason = reason.strip()
    revision.reviewer = reviewer
    revision.reviewed_at = timezone.now()
    revision.save(update_fields=["status", "reason", "reviewer", "reviewed_at"])


# --- Re-confirmation by the provider ---------------------------------------------------------

CONFIRM_SALT = "rumbo.opportunities.confirm"
# A link is valid this long; a new one is sent at each reminder.
CONFIRM_LINK_DAYS = 30
# Reminders go out this many days before a record would leave the public lists.
CONFIRM_REMIND_DAYS = 30


def confirmation_token(*, opportunity: Opportunity) -> str:
    """A signed, timestamped token naming the record and the date it was last confirmed, so
    a link stops working once used (or once the record is confirmed another way)."""
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(
        {"pk": opportunity.pk, "on": opportunity.confirmed_on.isoformat()}
    )


def confirmation_url(*, opportunity: Opportunity) -> str:
    path = reverse(
        "opportunities:confirm", kwargs={"token": confirmation_token(opportunity=opportunity)}
    )
    return settings.RUMBO_PUBLIC_URL + path


@transaction.atomic
def opportunity_confirm(*, opportunity: Opportunity, today: date | None = None) -> Opportunity:
    """The provider says the record is still current: it stays in the public lists for
    another CONFIRM_VALID_DAYS."""
    opportunity.confirmed_on = today or timezone.localdate()
    opportunity.save(update_fields=["confirmed_on"])
    return opportunity


def confirmation_reminders_send(*, today: date | None = None) -> int:
    """Emails each partner account the confirmation links of its organisations' published
    records that leave the public lists within CONFIRM_REMIND_DAYS; returns emails sent."""
    today = today or timezone.localdate()
    due = today - timedelta(days=CONFIRM_VALID_DAYS - CONFIRM_REMIND_DAYS)
    records = Opportunity.objects.filter(
        status=Opportunity.Status.PUBLISHED, confirmed_on__lte=due, is_demo=False
    ).order_by("provider_id", "pk")
    by_organisation: dict[int, list[Opportunity]] = {}
    for record in records:
        by_organisation.setdefault(record.provider_id, []).append(record)
    members = PartnerMembership.objects.filter(
        organisation_id__in=by_organisation, user__is_active=True
    ).select_related("user")
    sent = 0
    for member in members:
        lines = [
            f"{record.title}: {confirmation_url(opportunity=record)}"
            for record in by_organisation[member.organisation_id]
        ]
        with translation.override(settings.LANGUAGE_CODE):
            send_mail(
                _("Are your opportunities still current?"),
                _(
                    "Open each link and press the button if the record is still correct; "
                    "records not confirmed leave Rumbo's public lists."
                )
                + "\n\n"
                + "\n".join(lines),
                None,
                [str(member.user.email)],
            )
        sent += 1
    return sent


# --- Suggested corrections ---------------------------------------------------------------------


@transaction.atomic
def correction_create(
    *, opportunity: Opportunity, what_is_wrong: str, correct_value: str = "", source: str = ""
) -> Correction:
    correction = Correction(
        opportunity=opportunity,
        what_is_wrong=what_is_wrong.strip(),
        correct_value=correct_value.strip(),
        source=source.strip(),
    )
    correction.full_clean()
    correction.save()
    return correction


@transaction.atomic
def correction_review(*, correction: Correction, reviewer: Any, status: str) -> Correction:
    if status not in (Correction.Status.RESOLVED, Correction.Status.DISMISSED):
        raise ValidationError(_("Choose resolved or dismissed."))
    correction.status = status
    correction.reviewer = reviewer
    correction.reviewed_at = timezone.now()
    correction.save(update_fields=["status", "reviewer", "reviewed_at"])
    return correction
