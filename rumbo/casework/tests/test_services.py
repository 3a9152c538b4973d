import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone, translation

from rumbo.audit.models import AuditEntry
from rumbo.audit.services import audit_record
from rumbo.casework import selectors, services
from rumbo.casework.factories import AppointmentRequestFactory, ConsultationFactory
from rumbo.casework.models import AppointmentRequest, Consultation, Referral


def consultation_fields(**overrides):
    return {
        "date": datetime.date(2026, 11, 3),
        "channel": Consultation.Channel.WHATSAPP,
        "age_band": Consultation.AgeBand.AGE_18_24,
        "sex": Consultation.Sex.MALE,
        "situation": Consultation.Situation.RETURNEE,
        "source": Consultation.Source.RADIO,
        "outcome": Consultation.Outcome.INFORMED,
        "consent_given": True,
        "alias": "Juan",
        "contact": "+50499990000",
        "notes": "",
    } | overrides


def test_recording_a_consultation_writes_an_audit_entry(world):
    consultation = services.consultation_create(
        user=world.users["advisor_a"],
        info_point=world.points["A"],
        topics=["documents"],
        **consultation_fields(),
    )
    entry = AuditEntry.objects.get(action=AuditEntry.Action.CREATE, target_id=str(consultation.pk))
    assert entry.actor == world.users["advisor_a"]
    assert entry.target_type == "casework.consultation"
    assert consultation.month == datetime.date(2026, 11, 1)
    assert consultation.consent_version == "2026-11"


def test_advisor_cannot_record_for_another_point(world):
    with pytest.raises(PermissionDenied):
        services.consultation_create(
            user=world.users["advisor_a"],
            info_point=world.points["B"],
            topics=[],
            **consultation_fields(),
        )


def test_contact_details_need_consent(world):
    with pytest.raises(ValidationError):
        services.consultation_create(
            user=world.users["advisor_a"],
            info_point=world.points["A"],
            topics=[],
            **consultation_fields(consent_given=False),
        )


def test_personal_data_travels_with_a_referral_only_with_consent(world):
    consultation = world.consultations["A"]
    consultation.consent_given = False
    consultation.save()
    with pytest.raises(ValidationError):
        services.referral_create(
            user=world.users["advisor_a"],
            consultation=consultation,
            to_point=world.points["B"],
            share_personal_data=True,
        )
    referral = services.referral_create(
        user=world.users["advisor_a"], consultation=consultation, to_point=world.points["B"]
    )
    assert referral.shared_alias == ""
    assert referral.shared_contact == ""


def test_only_the_receiving_point_updates_a_referral_status(world):
    referral = services.referral_create(
        user=world.users["advisor_a"],
        consultation=world.consultations["A"],
        to_point=world.points["B"],
    )
    with pytest.raises(PermissionDenied):
        services.referral_status_update(
            user=world.users["advisor_a"], referral=referral, status="accepted"
        )
    services.referral_status_update(
        user=world.users["advisor_b"], referral=referral, status="accepted"
    )
    referral.refresh_from_db()
    assert referral.status == Referral.Status.ACCEPTED
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.UPDATE, target_id=str(referral.pk)
    ).exists()


def test_reading_a_consultation_is_audited(world):
    selectors.consultation_read(user=world.users["advisor_a"], pk=world.consultations["A"].pk)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.READ)
    assert (entry.actor, entry.target_id) == (
        world.users["advisor_a"],
        str(world.consultations["A"].pk),
    )


def test_a_failed_act_leaves_no_audit_entry(world):
    def act() -> None:
        with transaction.atomic():
            audit_record(actor=None, action=AuditEntry.Action.READ, target_type="x", target_id="1")
            raise RuntimeError("rolled back")

    before = AuditEntry.objects.count()  # the demo data, when loaded, has its own entries
    with pytest.raises(RuntimeError):
        act()
    assert AuditEntry.objects.count() == before


@pytest.mark.django_db(transaction=True)
def test_audit_record_refuses_to_run_outside_a_transaction():
    with pytest.raises(RuntimeError):
        audit_record(actor=None, action=AuditEntry.Action.READ, target_type="x", target_id="1")


def test_export_records_who_and_why(world):
    record = services.consultation_export(
        user=world.users["coordinator_a"],
        consultation=world.consultations["A"],
        reason="Access request by phone",
    )
    assert record["alias"] == "SECRET-ALIAS-A"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.reason == "Access request by phone"
    assert entry.actor == world.users["coordinator_a"]


def test_advisor_cannot_export_or_erase(world):
    for service in (services.consultation_export, services.consultation_erase):
        with pytest.raises(PermissionDenied):
            service(
                user=world.users["advisor_a"], consultation=world.consultations["A"], reason="x"
            )


def test_erasure_keeps_the_figures_and_erases_referral_copies(world):
    consultation = world.consultations["A"]
    services.consultation_erase(
        user=world.users["coordinator_a"], consultation=consultation, reason="Person asked"
    )
    consultation = Consultation.objects.get(pk=consultation.pk)
    assert (consultation.alias, consultation.contact, consultation.notes) == ("", "", "")
    assert consultation.channel == Consultation.Channel.WALK_IN
    assert consultation.topic_documents
    assert all(
        r.shared_alias == "" and r.reason == ""
        for r in Referral.objects.filter(consultation=consultation)
    )
    assert AuditEntry.objects.filter(action=AuditEntry.Action.ERASE, reason="Person asked").exists()


@override_settings(RUMBO_RETENTION_MONTHS=12)
def test_retention_purge_erases_idle_records_only(world):
    now = timezone.now()
    old = ConsultationFactory(
        info_point=world.points["A"], last_activity_at=now - datetime.timedelta(days=400)
    )
    recent = ConsultationFactory(
        info_point=world.points["A"], last_activity_at=now - datetime.timedelta(days=300)
    )
    old_request = AppointmentRequestFactory(last_activity_at=now - datetime.timedelta(days=400))
    call_command("casework_purge", stdout=io.StringIO())
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.alias == ""
    assert old.personal_data_erased_at is not None
    assert old.sex == Consultation.Sex.FEMALE  # the aggregate fields stay
    assert recent.alias != ""
    assert AppointmentRequest.objects.get(pk=old_request.pk).contact == ""
    assert AuditEntry.objects.filter(action=AuditEntry.Action.PURGE, target_id=str(old.pk)).exists()
    assert not AuditEntry.objects.filter(
        action=AuditEntry.Action.PURGE, target_id=str(recent.pk)
    ).exists()


@override_settings(RUMBO_RETENTION_MONTHS=3)
def test_retention_period_is_configurable(world):
    idle = ConsultationFactory(last_activity_at=timezone.now() - datetime.timedelta(days=100))
    services.personal_data_purge()
    idle.refresh_from_db()
    assert idle.notes == ""


def test_referral_activity_keeps_the_consultation(world):
    consultation = world.consultations["A"]
    Consultation.objects.filter(pk=consultation.pk).update(
        last_activity_at=timezone.now() - datetime.timedelta(days=400)
    )
    referral = services.referral_create(
        user=world.users["advisor_a"], consultation=consultation, to_point=world.points["B"]
    )
    services.referral_status_update(
        user=world.users["advisor_b"], referral=referral, status="attended"
    )
    services.personal_data_purge()
    assert Consultation.objects.get(pk=consultation.pk).alias == "SECRET-ALIAS-A"


def test_appointment_request_gets_a_readable_reference(world):
    appointment = services.appointment_request_create(
        info_point=world.points["A"],
        alias="Luz",
        contact_channel="whatsapp",
        contact="+52 962 555 1234",
        preferred_date=timezone.localdate(),
        preferred_slot="morning",
        topic="pathways",
    )
    assert len(appointment.reference) == 9
    assert appointment.reference[4] == "-"
    assert not set(appointment.reference) & set("01OIL")


def test_monthly_report_suppresses_small_counts(world):
    month = datetime.date(2020, 10, 1)  # before any demo data
    for _index in range(6):
        ConsultationFactory(info_point=world.points["A"], date=month, sex=Consultation.Sex.FEMALE)
    for _index in range(2):
        ConsultationFactory(info_point=world.points["A"], date=month, sex=Consultation.Sex.MALE)
    with translation.override("en"):
        report = selectors.report_monthly(user=world.users["coordinator_a"], month=month)
    sex = {row[0]: row[1] for row in next(t for t in report.tables if t.key == "sex").rows}
    assert sex == {"Woman": 6, "Man": None}
    assert report.total == 8


def test_country_manager_report_covers_only_their_country(world):
    month = datetime.date(2020, 10, 1)  # before any demo data
    for point in ("A", "B"):
        for _index in range(5):
            ConsultationFactory(info_point=world.points[point], date=month)
    report = selectors.report_monthly(user=world.users["country_manager_mx"], month=month)
    assert report.total == 5


def test_cached_reports_are_never_shared_between_scopes(world, settings):
    # Deterministic data: an entry left in a shared cache by an earlier run is the same.
    settings.RUMBO_REPORT_CACHE_SECONDS = 300
    month = datetime.date(2020, 9, 1)  # before any demo data
    for _index in range(6):
        ConsultationFactory(info_point=world.points["A"], date=month)
    first = selectors.report_monthly(user=world.users["coordinator_a"], month=month)
    other = selectors.report_monthly(user=world.users["coordinator_b"], month=month)
    assert first.total == 6
    assert other.total == 0
