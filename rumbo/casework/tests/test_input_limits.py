"""Hostile or mistaken input on the casework forms: a clear 4xx with a message, and nothing
written (no record, no audit entry)."""

import datetime
import io
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from rumbo.audit.models import AuditEntry
from rumbo.casework import services
from rumbo.casework.factories import ConsultationFactory, ReferralFactory
from rumbo.casework.models import NOTES_MAX_LENGTH, AppointmentRequest, Consultation, Referral

HOSTILE_NUMBERS = ["²", "½", "9" * 400, "-1", "0", "abc"]


@pytest.fixture(autouse=True)
def _empty_rate_limits(db):
    cache.clear()


def to_arabic_indic(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def consultation_data(world, **overrides):
    return {
        "point": world.points["A"].pk,
        "date": timezone.localdate().isoformat(),
        "channel": "phone",
        "topics": ["documents"],
        "age_band": "35+",
        "sex": "male",
        "situation": "resident",
        "source": "friend",
        "outcome": "informed",
        "consent_given": "on",
        "notes": "Asked about a passport",
    } | overrides


def appointment_data(**overrides):
    return {
        "alias": "Rosa",
        "contact_channel": "whatsapp",
        "contact": "+52 962 555 0101",
        "preferred_date": timezone.localdate().isoformat(),
        "preferred_slot": "morning",
        "topic": "documents",
    } | overrides


def counts() -> tuple[int, int, int, int]:
    return (
        Consultation.objects.count(),
        Referral.objects.count(),
        AppointmentRequest.objects.count(),
        AuditEntry.objects.count(),
    )


# Numbers in addresses ------------------------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE_NUMBERS)
def test_consultation_form_answers_400_to_a_malformed_point(world, value):
    response = world.client_for("advisor_a").get(
        reverse("casework:consultation_create"), {"point": value}
    )
    assert response.status_code == 400


@pytest.mark.parametrize("value", HOSTILE_NUMBERS)
def test_consultation_form_answers_400_to_a_malformed_appointment(world, value):
    before = AuditEntry.objects.count()
    response = world.client_for("advisor_a").get(
        reverse("casework:consultation_create"), {"appointment": value}
    )
    assert response.status_code == 400
    assert AuditEntry.objects.count() == before


def test_posting_a_consultation_with_a_malformed_point_writes_nothing(world):
    before = counts()
    response = world.client_for("advisor_a").post(
        reverse("casework:consultation_create"), consultation_data(world, point="²")
    )
    assert response.status_code == 400
    assert counts() == before


def test_consultation_form_reads_a_point_typed_in_arabic_indic_digits(world):
    point = world.points["A"]
    response = world.client_for("advisor_a").get(
        reverse("casework:consultation_create"), {"point": to_arabic_indic(point.pk)}
    )
    assert response.status_code == 200
    assert response.context["point"] == point


def test_consultation_form_reads_an_appointment_typed_in_arabic_indic_digits(world):
    appointment = world.appointments["A"]
    response = world.client_for("advisor_a").get(
        reverse("casework:consultation_create"), {"appointment": to_arabic_indic(appointment.pk)}
    )
    assert response.status_code == 200
    assert response.context["appointment"] == appointment


def test_audit_log_answers_400_to_an_unknown_action(world):
    response = world.client_for("auditor").get(reverse("casework:audit_log"), {"action": "²\x00"})
    assert response.status_code == 400


# The consultation form -----------------------------------------------------------------------


def test_invalid_consultation_form_answers_400(world):
    response = world.client_for("advisor_a").post(
        reverse("casework:consultation_create"), consultation_data(world, channel="")
    )
    assert response.status_code == 400


@pytest.mark.parametrize("day", ["0001-01-01", "1999-12-31"])
def test_consultation_date_before_2000_is_refused_on_the_date_field(world, day):
    before = counts()
    response = world.client_for("advisor_a").post(
        reverse("casework:consultation_create"), consultation_data(world, date=day)
    )
    assert response.status_code == 400
    assert "date of the consultation" in " ".join(response.context["form"].errors["date"])
    assert counts() == before


def test_consultation_date_in_the_future_is_refused(world):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = world.client_for("advisor_a").post(
        reverse("casework:consultation_create"),
        consultation_data(world, date=tomorrow.isoformat()),
    )
    assert response.status_code == 400
    assert "date" in response.context["form"].errors


@pytest.mark.parametrize("day", ["9999-12-31", "2000-01-01"])
def test_follow_up_outside_two_years_after_the_consultation_is_refused(world, day):
    before = counts()
    response = world.client_for("advisor_a").post(
        reverse("casework:consultation_create"), consultation_data(world, follow_up_on=day)
    )
    assert response.status_code == 400
    assert "follow-up date" in " ".join(response.context["form"].errors["follow_up_on"])
    assert counts() == before


def test_follow_up_within_two_years_is_accepted(world):
    in_a_year = timezone.localdate() + datetime.timedelta(days=365)
    response = world.client_for("advisor_a").post(
        reverse("casework:consultation_create"),
        consultation_data(world, follow_up_on=in_a_year.isoformat()),
    )
    assert response.status_code == 302


def test_service_refuses_a_consultation_dated_0001(world):
    with pytest.raises(ValidationError) as raised:
        services.consultation_create(
            user=world.users["advisor_a"],
            info_point=world.points["A"],
            date=datetime.date(1, 1, 1),
            channel="phone",
            topics=["documents"],
            age_band="35+",
            sex="male",
            situation="resident",
            source="friend",
            outcome="informed",
        )
    assert "date" in raised.value.message_dict


def test_megabytes_of_notes_are_refused_by_the_form(world):
    before = counts()
    response = world.client_for("advisor_a").post(
        reverse("casework:consultation_create"), consultation_data(world, notes="n" * 2_400_000)
    )
    assert response.status_code == 400
    assert "notes" in response.context["form"].errors
    assert counts() == before


def test_notes_over_the_limit_are_refused_by_the_service(world):
    before = counts()
    with pytest.raises(ValidationError) as raised:
        services.consultation_create(
            user=world.users["advisor_a"],
            info_point=world.points["A"],
            date=timezone.localdate(),
            channel="phone",
            topics=["documents"],
            age_band="35+",
            sex="male",
            situation="resident",
            source="friend",
            outcome="informed",
            consent_given=True,
            notes="n" * (NOTES_MAX_LENGTH + 1),
        )
    assert "notes" in raised.value.message_dict
    assert counts() == before


def test_referral_to_a_point_and_an_organisation_at_once_is_refused_by_the_form(world):
    partner = world.referrals["A-partner"].to_organisation
    before = counts()
    response = world.client_for("advisor_a").post(
        reverse("casework:consultation_create"),
        consultation_data(
            world, refer_to_point=world.points["B"].pk, refer_to_organisation=partner.pk
        ),
    )
    assert response.status_code == 400
    assert "refer_to_organisation" in response.context["form"].errors
    assert counts() == before


def test_referral_to_a_point_and_an_organisation_at_once_is_refused_by_the_service(world):
    before = counts()
    with pytest.raises(ValidationError):
        services.referral_create(
            user=world.users["advisor_a"],
            consultation=world.consultations["A"],
            to_point=world.points["B"],
            to_organisation=world.referrals["A-partner"].to_organisation,
        )
    assert counts() == before


def test_database_refuses_a_referral_with_two_destinations(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        ReferralFactory(
            consultation=world.consultations["A"],
            to_point=world.points["B"],
            to_organisation=world.referrals["A-partner"].to_organisation,
        )


def test_invalid_utf8_in_the_consultation_form_is_refused_not_stored(world):
    before = counts()
    body = "&".join(
        f"{key}={quote(str(value))}"
        for key, values in consultation_data(world).items()
        for value in (values if isinstance(values, list) else [values])
    )
    response = world.client_for("advisor_a").post(
        reverse("casework:consultation_create"),
        body + "&alias=Jos%E9",  # Latin-1, not UTF-8
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "UTF-8" in " ".join(response.context["form"].errors["alias"])
    assert counts() == before


# Status forms --------------------------------------------------------------------------------


def test_invalid_appointment_status_answers_400_and_reads_nothing(world):
    appointment = world.appointments["A"]
    before = counts()
    response = world.client_for("advisor_a").post(
        reverse("casework:appointment_detail", args=[appointment.pk]), {"status": "²"}
    )
    assert response.status_code == 400
    assert counts() == before  # not even the audit entry of a read
    appointment.refresh_from_db()
    assert appointment.status == AppointmentRequest.Status.NEW


def test_invalid_status_for_another_points_appointment_is_not_found(world):
    response = world.client_for("advisor_a").post(
        reverse("casework:appointment_detail", args=[world.appointments["B"].pk]),
        {"status": "²"},
    )
    assert response.status_code == 404


def test_invalid_referral_status_answers_400_and_reads_nothing(world):
    referral = world.referrals["A-partner"]
    before = counts()
    response = world.client_for("advisor_a").post(
        reverse("casework:referral_detail", args=[referral.pk]), {"status": "lost"}
    )
    assert response.status_code == 400
    assert counts() == before


def test_invalid_consultation_for_an_appointment_answers_400_and_reads_nothing(world):
    appointment = world.appointments["A"]
    before = counts()
    response = world.client_for("advisor_a").post(
        reverse("casework:consultation_create") + f"?appointment={appointment.pk}",
        consultation_data(world, channel=""),
    )
    assert response.status_code == 400
    assert appointment.reference in response.content.decode()
    assert counts() == before


# Export and erasure --------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["consultation_export", "consultation_erase"])
@pytest.mark.parametrize("reason", ["", "   ", "r" * 5000])
def test_export_or_erasure_without_a_valid_reason_shows_the_form_and_writes_nothing(
    world, action, reason
):
    consultation = world.consultations["A"]
    before = AuditEntry.objects.count()
    response = world.client_for("coordinator_a").post(
        reverse(f"casework:{action}", args=[consultation.pk]), {"reason": reason}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["reason"]
    assert AuditEntry.objects.count() == before
    assert "SECRET" not in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.alias == "SECRET-ALIAS-A"


# The public appointment form -----------------------------------------------------------------


def test_redisplayed_appointment_form_is_not_cached(world, client):
    response = client.post(
        reverse("casework:appointment_request", args=["point-a"]),
        appointment_data(contact="call me"),
    )
    assert response.status_code == 400
    assert "Rosa" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_rate_limited_appointment_form_answers_429_with_a_translated_message(world, client):
    url = reverse("casework:appointment_request", args=["point-a"])
    for _index in range(10):
        client.post(url, appointment_data())
    before = counts()
    response = client.post(url, appointment_data(), headers={"accept-language": "es"})
    assert response.status_code == 429
    assert "Demasiadas solicitudes" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert counts() == before


def test_invalid_utf8_in_the_appointment_form_is_refused_not_stored(world, client):
    before = counts()
    body = "&".join(f"{key}={quote(value)}" for key, value in appointment_data().items())
    response = client.post(
        reverse("casework:appointment_request", args=["point-a"]),
        body.replace("alias=Rosa", "alias=Ros%E1"),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "UTF-8" in " ".join(response.context["form"].errors["alias"])
    assert counts() == before


# The retention purge -------------------------------------------------------------------------


def test_retention_purge_writes_its_audit_entries_through_the_audit_service(world, monkeypatch):
    idle = ConsultationFactory(last_activity_at=timezone.now() - datetime.timedelta(days=400))
    recorded = []
    original = services.audit_record

    def spy(**kwargs):
        recorded.append(kwargs)
        return original(**kwargs)

    monkeypatch.setattr(services, "audit_record", spy)
    call_command("casework_purge", stdout=io.StringIO())
    purged = [entry for entry in recorded if entry["action"] == AuditEntry.Action.PURGE]
    assert [entry["target"] for entry in purged] == [idle]
    assert AuditEntry.objects.get(action="purge", target_id=str(idle.pk)).actor is None
