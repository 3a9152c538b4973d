"""Every write to casework records, each in one transaction with its audit entry."""

import datetime
import secrets
from typing import Any, cast

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from rumbo.accounts.models import User
from rumbo.audit.models import AuditEntry
from rumbo.audit.services import audit_record
from rumbo.campaigns.models import Campaign
from rumbo.casework import permissions
from rumbo.casework.crypto import keyring, value_key_id
from rumbo.casework.fields import EncryptedTextField
from rumbo.casework.models import (
    CONSENT_VERSION,
    AppointmentRequest,
    Consultation,
    PersonalData,
    Referral,
    StaffRole,
)
from rumbo.casework.permissions import Actor
from rumbo.casework.selectors import Report
from rumbo.core.models import Country, Organisation
from rumbo.infopoints.models import InfoPoint

# No 0/O or 1/I/L: the code is read out over the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ONE_DESTINATION = _lazy(
    "A referral goes to one information point or one partner organisation: choose one."
)


def _reference_new() -> str:
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _index in range(8))
    return f"{code[:4]}-{code[4:]}"


def _require_point_role(*, user: Actor, info_point_id: int) -> None:
    if info_point_id not in permissions.staff_scope(user).point_ids:
        raise PermissionDenied


@transaction.atomic
def appointment_request_create(
    *,
    info_point: InfoPoint,
    alias: str,
    contact_channel: str,
    contact: str,
    preferred_date: datetime.date,
    preferred_slot: str,
    topic: str,
) -> AppointmentRequest:
    """A public request, made without an account; the reference code is its confirmation."""
    appointment = AppointmentRequest(
        info_point=info_point,
        reference=_reference_new(),
        alias=alias.strip(),
        contact_channel=contact_channel,
        contact=contact.strip(),
        preferred_date=preferred_date,
        preferred_slot=preferred_slot,
        topic=topic,
    )
    appointment.full_clean()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                appointment.save()
            break
        except IntegrityError:  # the one-in-a-trillion clash of reference codes
            appointment.reference = _reference_new()
    audit_record(
        actor=None, action=AuditEntry.Action.CREATE, target=appointment, info_point_id=info_point.pk
    )
    return appointment


@transaction.atomic
def appointment_status_update(*, user: Actor, appointment: AppointmentRequest, status: str) -> None:
    _require_point_role(user=user, info_point_id=appointment.info_point_id)
    appointment.status = status
    appointment.last_activity_at = timezone.now()
    appointment.full_clean()
    appointment.save(update_fields=["status", "last_activity_at"])
    audit_record(
        actor=user,
        action=AuditEntry.Action.UPDATE,
        target=appointment,
        info_point_id=appointment.info_point_id,
    )


def _month_of(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


@transaction.atomic
def consultation_create(
    *,
    user: Actor,
    info_point: InfoPoint,
    date: datetime.date,
    channel: str,
    topics: list[str],
    age_band: str,
    sex: str,
    situation: str,
    source: str,
    outcome: str,
    nationality: Country | None = None,
    campaign: Campaign | None = None,
    tracked_code: Any = None,
    follow_up_on: datetime.date | None = None,
    consent_given: bool = False,
    alias: str = "",
    contact: str = "",
    notes: str = "",
    appointment: AppointmentRequest | None = None,
    refer_to_point: InfoPoint | None = None,
    refer_to_organisation: Organisation | None = None,
    share_with_referral: bool = False,
) -> Consultation:
    """Records a consultation, and the referral made during it if any.

    Contact details and notes are only kept with the person's consent, stamped with the
    version of the consent text they were shown. A referral goes to a point or to an
    organisation, never both.
    """
    _require_point_role(user=user, info_point_id=info_point.pk)
    if appointment is not None and appointment.info_point_id != info_point.pk:
        raise PermissionDenied
    if refer_to_point is not None and refer_to_organisation is not None:
        raise ValidationError({"refer_to_organisation": ONE_DESTINATION})
    if tracked_code is not None:
        # A tracked link belongs to one campaign: the consultation is counted for it.
        if campaign is not None and campaign.pk != tracked_code.campaign_id:
            raise ValidationError(
                {"tracked_code": _("This tracked link belongs to another campaign.")}
            )
        campaign = tracked_code.campaign
    consultation = Consultation(
        info_point=info_point,
        advisor=cast(User, user),  # _require_point_role admitted only a staff account
        appointment=appointment,
        date=date,
        channel=channel,
        age_band=age_band,
        sex=sex,
        nationality=nationality,
        situation=situation,
        source=source,
        campaign=campaign,
        tracked_code=tracked_code,
        outcome=outcome,
        follow_up_on=follow_up_on,
        consent_given=consent_given,
        alias=alias.strip(),
        contact=contact.strip(),
        notes=notes.strip(),
    )
    for topic, field_name in Consultation.TOPIC_FIELDS.items():
        setattr(consultation, field_name, topic in topics)
    consultation.month = _month_of(consultation.date)
    if consultation.consent_given:
        consultation.consent_version = consultation.consent_version or CONSENT_VERSION
    elif consultation.contact or consultation.notes:
        raise ValidationError(
            {"consent_given": _("Contact details and notes need the person's consent.")}
        )
    consultation.full_clean()
    consultation.save()
    audit_record(
        actor=user,
        action=AuditEntry.Action.CREATE,
        target=consultation,
        info_point_id=info_point.pk,
    )
    if appointment is not None:
        appointment.status = AppointmentRequest.Status.SEEN
        appointment.last_activity_at = timezone.now()
        appointment.save(update_fields=["status", "last_activity_at"])
        audit_record(
            actor=user,
            action=AuditEntry.Action.UPDATE,
            target=appointment,
            info_point_id=info_point.pk,
        )
    if refer_to_point or refer_to_organisation:
        referral_create(
            user=user,
            consultation=consultation,
            to_point=refer_to_point,
            to_organisation=refer_to_organisation,
            share_personal_data=share_with_referral,
        )
    return consultation


@transaction.atomic
def referral_create(
    *,
    user: Actor,
    consultation: Consultation,
    to_point: InfoPoint | None = None,
    to_organisation: Organisation | None = None,
    reason: str = "",
    share_personal_data: bool = False,
) -> Referral:
    """Refers a person on. Their alias and contact travel with the referral only when the
    consultation records their consent; otherwise the request is refused, not silently
    trimmed, so the advisor knows what was sent."""
    _require_point_role(user=user, info_point_id=consultation.info_point_id)
    if to_point is not None and to_organisation is not None:
        raise ValidationError({"to_organisation": ONE_DESTINATION})
    if share_personal_data and not consultation.consent_given:
        raise ValidationError(
            {"share_personal_data": _("The person has not consented to sharing their details.")}
        )
    if to_point is not None and to_point.pk == consultation.info_point_id:
        raise ValidationError({"to_point": _("Choose another information point.")})
    referral = Referral(
        consultation=consultation,
        from_point_id=consultation.info_point_id,
        to_point=to_point,
        to_organisation=to_organisation,
        month=consultation.month,
        reason=reason.strip(),
        shares_personal_data=share_personal_data,
        shared_alias=consultation.alias if share_personal_data else "",
        shared_contact=consultation.contact if share_personal_data else "",
    )
    referral.full_clean()
    referral.save()
    audit_record(
        actor=user,
        action=AuditEntry.Action.CREATE,
        target=referral,
        info_point_id=referral.from_point_id,
    )
    if consultation.outcome != Consultation.Outcome.REFERRED:
        consultation.outcome = Consultation.Outcome.REFERRED
        consultation.save(update_fields=["outcome"])
    return referral


@transaction.atomic
def referral_status_update(*, user: Actor, referral: Referral, status: str) -> Referral:
    allowed = Referral.objects.filter(
        permissions.referral_status_updatable_by_user_filter(user), pk=referral.pk
    ).exists()
    if not allowed:
        raise PermissionDenied
    now = timezone.now()
    referral.status = status
    referral.updated_at = referral.last_activity_at = now
    referral.full_clean()
    referral.save(update_fields=["status", "updated_at", "last_activity_at"])
    # The referral keeps the consultation's personal data alive too.
    Consultation.objects.filter(pk=referral.consultation_id).update(last_activity_at=now)
    audit_record(
        actor=user,
        action=AuditEntry.Action.UPDATE,
        target=referral,
        info_point_id=referral.from_point_id,
    )
    return referral


def _require_coordinator(*, user: Actor, consultation: Consultation) -> None:
    if consultation.info_point_id not in permissions.staff_scope(user).coordinator_point_ids:
        raise PermissionDenied


@transaction.atomic
def consultation_export(*, user: Actor, consultation: Consultation, reason: str) -> dict:
    """Everything held on one person (their right of access), for a coordinator, audited
    with the reason."""
    _require_coordinator(user=user, consultation=consultation)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the record is exported.")})
    audit_record(
        actor=user,
        action=AuditEntry.Action.EXPORT,
        target=consultation,
        info_point_id=consultation.info_point_id,
        reason=reason.strip(),
    )
    record = {
        "information_point": consultation.info_point.name,
        "date": consultation.date.isoformat(),
        "channel": consultation.get_channel_display(),
        "topics": [str(label) for label in consultation.topic_list()],
        "age": consultation.get_age_band_display(),
        "sex_or_gender": consultation.get_sex_display(),
        "nationality": consultation.nationality.name if consultation.nationality else "",
        "migration_situation": consultation.get_situation_display(),
        "heard_of_us_through": consultation.get_source_display(),
        "outcome": consultation.get_outcome_display(),
        "follow_up_on": consultation.follow_up_on.isoformat() if consultation.follow_up_on else "",
        "consent_given": consultation.consent_given,
        "consent_text_version": consultation.consent_version,
        "alias": consultation.alias,
        "contact": consultation.contact,
        "notes": consultation.notes,
        "referrals": [
            {
                "to": str(referral.to_point or referral.to_organisation),
                "status": referral.get_status_display(),
                "personal_data_shared": referral.shares_personal_data,
                "reason": referral.reason,
            }
            for referral in consultation.referrals.select_related("to_point", "to_organisation")
        ],
    }
    return record


def _personal_fields_clear(record: PersonalData, now: datetime.datetime) -> list[str]:
    """Empties the record's personal fields in memory and returns the fields to save; the
    one rule of erasure, whether a person asks for it or the retention period ends."""
    for name in record.PERSONAL_FIELDS:
        setattr(record, name, "")
    record.personal_data_erased_at = now
    return [*record.PERSONAL_FIELDS, "personal_data_erased_at"]


def _erase(record: PersonalData, now: datetime.datetime) -> None:
    record.save(update_fields=_personal_fields_clear(record, now))


@transaction.atomic
def consultation_erase(*, user: Actor, consultation: Consultation, reason: str) -> None:
    """Erases the person's personal data (their right to erasure); the categorical fields
    stay, so the aggregate reports do not change."""
    _require_coordinator(user=user, consultation=consultation)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the record is erased.")})
    now = timezone.now()
    _erase(consultation, now)
    for referral in consultation.referrals.all():
        _erase(referral, now)
    if consultation.appointment is not None:
        _erase(consultation.appointment, now)
    audit_record(
        actor=user,
        action=AuditEntry.Action.ERASE,
        target=consultation,
        info_point_id=consultation.info_point_id,
        reason=reason.strip(),
    )


# The average month of the Gregorian calendar (365.2425 days / 12 = 30.44): a retention of
# N months is N average months, whichever months of the year it spans.
DAYS_PER_MONTH = 30.44


def personal_data_purge(
    *, now: datetime.datetime | None = None, batch_size: int = 500
) -> dict[str, int]:
    """Erases personal fields of records idle for RUMBO_RETENTION_MONTHS (retention).

    A record counts as active while anything about it changes: a consultation stays as long
    as a referral of it is being followed. One batch per transaction, so a long purge does
    not hold locks; each erased record gets its own audit entry.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=round(DAYS_PER_MONTH * settings.RUMBO_RETENTION_MONTHS))
    erased: dict[str, int] = {}
    for model in (AppointmentRequest, Consultation, Referral):
        stale = model.objects.filter(
            last_activity_at__lt=cutoff, personal_data_erased_at__isnull=True
        )
        count = 0
        while True:
            with transaction.atomic():
                # order_by("pk") is intentional: locking rows in pk order prevents deadlocks.
                batch = list(stale.select_for_update().order_by("pk")[:batch_size])
                if not batch:
                    break
                for record in batch:
                    fields = _personal_fields_clear(record, now)  # the same for every record
                model.objects.bulk_update(batch, fields)  # type: ignore[arg-type]
                for record in batch:
                    audit_record(
                        actor=None,
                        action=AuditEntry.Action.PURGE,
                        target=record,
                        info_point_id=getattr(record, "info_point_id", None)
                        or getattr(record, "from_point_id", None),
                        reason=f"retention {settings.RUMBO_RETENTION_MONTHS} months",
                    )
                count += len(batch)
        erased[model._meta.label_lower] = count
    return erased


def encrypted_field_map() -> dict[Any, list[str]]:
    return {
        model: [f.name for f in model._meta.get_fields() if isinstance(f, EncryptedTextField)]
        for model in apps.get_models()
        if any(isinstance(f, EncryptedTextField) for f in model._meta.get_fields())
    }


def field_keys_rotate(*, batch_size: int = 500) -> dict[str, int]:
    """Re-encrypts with the primary key every value encrypted with another key.

    Reads raw column values (no decryption) to find them, then rewrites each row through
    the model field, which decrypts with the old key and encrypts with the primary one.
    """
    primary, _keys = keyring()
    rekeyed: dict[str, int] = {}
    for model, names in encrypted_field_map().items():
        count = 0
        last_pk = 0
        while True:
            with transaction.atomic():
                raw = _raw_rows(model, names, last_pk, batch_size)
                if not raw:
                    break
                last_pk = raw[-1][0]
                stale_pks = [
                    row[0]
                    for row in raw
                    if any(value and value_key_id(value) != primary for value in row[1:])
                ]
                records = list(
                    model.objects.filter(pk__in=stale_pks).select_for_update().order_by("pk")
                )
                if records:
                    model.objects.bulk_update(records, names)
                    audit_record(
                        actor=None,
                        action=AuditEntry.Action.REKEY,
                        target_type=model._meta.label_lower,
                        target_id=f"{records[0].pk}-{records[-1].pk}",
                        reason=f"{len(records)} records to key {primary}",
                    )
                count += len(records)
        rekeyed[model._meta.label_lower] = count
    return rekeyed


def _raw_rows(model, names: list[str], after_pk: int, limit: int) -> list[tuple]:
    """Rows with the encrypted columns as stored, bypassing decryption."""
    from django.db import connection

    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(model._meta.get_field(n).column) for n in names)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, {columns} FROM {table} WHERE id > %s ORDER BY id LIMIT %s",  # noqa: S608
            [after_pk, limit],
        )
        return cursor.fetchall()


@transaction.atomic
def staff_role_grant(
    *, user: User, role: str, info_point: InfoPoint | None = None, country: Country | None = None
) -> StaffRole:
    existing = StaffRole.objects.filter(
        user=user, role=role, info_point=info_point, country=country
    ).first()
    if existing:
        return existing
    staff_role = StaffRole(user=user, role=role, info_point=info_point, country=country)
    staff_role.full_clean()
    staff_role.save()
    return staff_role


@transaction.atomic
def report_export_audit(*, user: Actor, report: Report, file_format: str) -> None:
    """Report exports carry no personal data, but every export is audited all the same."""
    audit_record(
        actor=user,
        action=AuditEntry.Action.EXPORT,
        target_type="casework.report",
        target_id=f"{report.month:%Y-%m}",
        reason=f"{file_format}: {report.scope_label}",
    )
