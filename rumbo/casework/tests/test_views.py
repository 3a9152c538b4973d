import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from rumbo.audit.models import AuditEntry
from rumbo.casework.factories import ConsultationFactory
from rumbo.casework.models import AppointmentRequest, Consultation, Referral


@pytest.fixture(autouse=True)
def _empty_rate_limits(db):
    cache.clear()


def request_data(**overrides):
    return {
        "alias": "Rosa",
        "contact_channel": "whatsapp",
        "contact": "+52 962 555 0101",
        "preferred_date": timezone.localdate().isoformat(),
        "preferred_slot": "morning",
        "topic": "documents",
    } | overrides


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_public_appointment_request_lands_in_the_point_queue(world, client):
    url = reverse("casework:appointment_request", args=["point-a"])
    response = client.post(url, request_data())
    appointment = AppointmentRequest.objects.get(pk__gt=world.appointments["B"].pk)
    assert appointment.reference.encode() in response.content
    assert "no-store" in response["Cache-Control"]
    # ...and shows in that point's queue for its staff, not in the other point's.
    assert appointment.reference.encode() in world.client_for("advisor_a").get("/staff/").content
    assert (
        appointment.reference.encode() not in world.client_for("advisor_b").get("/staff/").content
    )


def test_public_request_form_keeps_input_and_names_the_faulty_field(world, client):
    url = reverse("casework:appointment_request", args=["point-a"])
    response = client.post(url, request_data(contact="call me"))
    assert response.status_code == 400
    assert "Rosa" in response.content.decode()
    assert 'class="error"' in response.content.decode()
    assert AppointmentRequest.objects.filter(info_point__slug__startswith="point-").count() == 2


def test_public_request_form_turns_off_autocomplete(world, client):
    html = client.get(reverse("casework:appointment_request", args=["point-a"])).content.decode()
    assert 'autocomplete="off"' in html


def test_public_request_is_rate_limited(world, client):
    url = reverse("casework:appointment_request", args=["point-a"])
    for _index in range(10):
        client.post(url, request_data())
    assert AppointmentRequest.objects.filter(info_point=world.points["A"]).count() == 11
    response = client.post(url, request_data())
    assert AppointmentRequest.objects.filter(info_point=world.points["A"]).count() == 11
    assert 'role="alert"' in response.content.decode()


def test_recording_a_consultation_from_the_phone_form(world):
    client = world.client_for("advisor_a")
    appointment = world.appointments["A"]
    url = reverse("casework:consultation_create") + f"?appointment={appointment.pk}"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "point": world.points["A"].pk,
            "date": "2026-11-20",
            "channel": "walk_in",
            "topics": ["documents", "risks"],
            "age_band": "18-24",
            "sex": "female",
            "situation": "transit",
            "source": "radio",
            "outcome": "referred",
            "consent_given": "on",
            "alias": "Carmen",
            "contact": "+502 5555 1212",
            "notes": "Needs a passport",
            "refer_to_point": world.points["B"].pk,
            "share_with_referral": "on",
        },
    )
    consultation = Consultation.objects.get(alias__isnull=False, appointment=appointment)
    assert response["Location"] == reverse("casework:consultation_detail", args=[consultation.pk])
    assert consultation.topic_documents
    assert consultation.topic_risks
    assert not consultation.topic_pathways
    referral = Referral.objects.get(consultation=consultation)
    assert referral.to_point == world.points["B"]
    assert referral.shared_alias == "Carmen"
    appointment.refresh_from_db()
    assert appointment.status == AppointmentRequest.Status.SEEN


def test_consultation_form_refuses_notes_without_consent(world):
    client = world.client_for("advisor_a")
    response = client.post(
        reverse("casework:consultation_create"),
        {
            "point": world.points["A"].pk,
            "date": "2026-11-20",
            "channel": "phone",
            "topics": ["documents"],
            "age_band": "35+",
            "sex": "male",
            "situation": "resident",
            "source": "friend",
            "outcome": "informed",
            "notes": "private",
        },
    )
    assert response.status_code == 400
    assert "consent" in response.content.decode()
    assert Consultation.objects.filter(info_point__slug__startswith="point-").count() == 2


def test_report_page_draws_svg_charts_without_inline_styles(world):
    month = timezone.localdate().replace(day=1)
    for _index in range(7):
        ConsultationFactory(info_point=world.points["A"], date=month)
    html = world.client_for("coordinator_a").get(reverse("casework:report")).content.decode()
    assert "<svg" in html
    assert "<rect" in html
    assert "style=" not in html


def test_report_exports_csv_and_xlsx_with_suppression_and_an_audit_entry(world):
    month = timezone.localdate().replace(day=1)
    for _index in range(6):
        ConsultationFactory(info_point=world.points["A"], date=month, sex="female")
    ConsultationFactory(info_point=world.points["A"], date=month, sex="male")
    client = world.client_for("coordinator_a")
    csv_text = client.get(reverse("casework:report_export", args=["csv"])).content.decode()
    assert "Woman,7" in csv_text
    assert "Man,<5" in csv_text
    xlsx = client.get(reverse("casework:report_export", args=["xlsx"]))
    import io

    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.values)
    assert ("Sex or gender", "Man", "<5") in rows
    assert AuditEntry.objects.filter(action="export", target_type="casework.report").count() == 2


def test_coordinator_erases_a_record_from_its_page(world):
    client = world.client_for("coordinator_a")
    consultation = world.consultations["A"]
    client.post(
        reverse("casework:consultation_erase", args=[consultation.pk]),
        {"reason": "Asked by the person"},
    )
    consultation.refresh_from_db()
    assert consultation.alias == ""
    assert consultation.personal_data_erased_at


def test_coordinator_export_is_a_json_file_of_the_record(world):
    client = world.client_for("coordinator_a")
    response = client.post(
        reverse("casework:consultation_export", args=[world.consultations["A"].pk]),
        {"reason": "Access request"},
    )
    assert response["Content-Disposition"].startswith("attachment")
    assert response.json()["alias"] == "SECRET-ALIAS-A"


def test_no_personal_data_in_request_logs(world, caplog):
    client = world.client_for("advisor_a")
    client.get(reverse("casework:consultation_detail", args=[world.consultations["A"].pk]))
    logged = " ".join(str(record.__dict__) for record in caplog.records)
    assert "SECRET" not in logged


def test_bad_report_filters_get_a_clear_answer_not_an_error(world):
    client = world.client_for("coordinator_a")
    response = client.get(reverse("casework:report"), {"month": "not-a-month"})
    assert response.status_code == 400
    assert 'class="error"' in response.content.decode()


def test_retention_task_is_scheduled_daily():
    from rumbo.casework.tasks import casework_purge_daily

    task = casework_purge_daily.task_class()
    assert task.validate_datetime(datetime.datetime(2026, 1, 1, 2, 30))  # noqa: DTZ001
    assert not task.validate_datetime(datetime.datetime(2026, 1, 1, 3, 30))  # noqa: DTZ001


def test_recording_for_a_point_not_ones_own_is_refused(world):
    client = world.client_for("advisor_a")
    response = client.post(
        reverse("casework:consultation_create"),
        {"point": world.points["B"].pk, "date": "2026-11-20"},
    )
    assert response.status_code == 403
    assert Consultation.objects.filter(info_point__slug__startswith="point-").count() == 2
