"""Nearest point from a shared location, hand-off to its staff, an advisor's answer from the
staff inbox through the same channel, appointment and consultation from a hand-off, alerts."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from conftest import login_with_second_factor
from rumbo.audit.models import AuditEntry
from rumbo.casework.factories import StaffRoleFactory
from rumbo.casework.models import AppointmentRequest, Consultation, StaffRole
from rumbo.chat import services
from rumbo.chat.models import Conversation, Handoff, HandoffMessage
from rumbo.chat.tests import fakes
from rumbo.chat.tests.conftest import texts_to
from rumbo.infopoints.models import InfoPoint

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]
PERSON = "50499445566"


@pytest.fixture
def centro() -> InfoPoint:
    return InfoPoint.objects.get(slug="san-pedro-sula-centro")


def share_location(hooks, point: InfoPoint) -> None:
    location = {"latitude": point.latitude, "longitude": point.longitude, "name": "aquí"}
    hooks.wa(fakes.wa_message(PERSON, "location", location=location))


def hand_off(hooks, centro) -> Handoff:
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    hooks.wa(fakes.wa_choice(PERSON, "m:nearest"))
    share_location(hooks, centro)
    hooks.wa(fakes.wa_choice(PERSON, "m:person", list_reply=False))
    return Handoff.objects.get()


@pytest.fixture
def advisor(client, centro):
    role = StaffRoleFactory(info_point=centro, role=StaffRole.Role.ADVISOR)
    login_with_second_factor(client, role.user)
    return role.user


def test_a_shared_location_gets_the_nearest_points_with_hours_now(
    hooks, providers, whatsapp, centro
):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    hooks.wa(fakes.wa_text(PERSON, "punto cercano"))
    ask = providers.of("whatsapp")[-1]["body"]["interactive"]
    assert ask["type"] == "location_request_message"
    share_location(hooks, centro)
    texts = texts_to(providers.of("whatsapp"))
    answer = next(text for text in texts if centro.name in text)
    assert answer.startswith(f"1. *{centro.name}* (0.0 km)")
    assert "Abierto ahora" in answer or "Cerrado ahora" in answer


def test_a_typed_place_name_finds_the_nearest_point(hooks, providers, whatsapp, centro):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    hooks.wa(fakes.wa_choice(PERSON, "m:nearest"))
    hooks.wa(fakes.wa_text(PERSON, "San Pedro Sula"))
    assert any(centro.name in text for text in texts_to(providers.of("whatsapp")))


def test_a_person_hands_off_and_an_advisor_answers_from_the_inbox(
    client, hooks, providers, whatsapp, centro, advisor, django_capture_on_commit_callbacks
):
    handoff = hand_off(hooks, centro)
    assert handoff.info_point == centro
    assert "te responderá aquí" in texts_to(providers.of("whatsapp"))[-1]
    hooks.wa(fakes.wa_text(PERSON, "Necesito ayuda con mi pasaporte"))
    inbox = client.get(reverse("chat:inbox"))
    assert inbox.status_code == 200
    assert f"#{handoff.pk}" in inbox.content.decode()
    page = client.get(reverse("chat:handoff", kwargs={"pk": handoff.pk}))
    assert "Necesito ayuda con mi pasaporte" in page.content.decode()
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.READ, target_type="chat.handoff", actor=advisor
    ).exists()
    sent_before = len(providers.calls)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("chat:handoff", kwargs={"pk": handoff.pk}),
            {"action": "reply", "body": "Hola, ven el lunes a las 9."},
        )
    assert response.status_code == 302
    reply = providers.calls[sent_before:]
    assert len(reply) == 1
    assert reply[0]["body"]["to"] == PERSON
    assert reply[0]["body"]["text"]["body"].endswith("Hola, ven el lunes a las 9.")
    handoff.refresh_from_db()
    assert handoff.status == Handoff.Status.ANSWERED


def test_messages_of_a_hand_off_are_encrypted_at_rest(hooks, providers, whatsapp, centro):
    from django.db import connection

    hand_off(hooks, centro)
    hooks.wa(fakes.wa_text(PERSON, "mensaje secreto"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM chat_handoffmessage")
        stored = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT address FROM chat_conversation")
        addresses = [row[0] for row in cursor.fetchall()]
    assert stored
    assert all(value.startswith("enc1$") for value in stored)
    assert addresses
    assert all(PERSON not in value for value in addresses)


def test_staff_of_another_point_cannot_see_the_hand_off(client, hooks, providers, whatsapp, centro):
    handoff = hand_off(hooks, centro)
    other = StaffRoleFactory(role=StaffRole.Role.ADVISOR)
    login_with_second_factor(client, other.user)
    assert client.get(reverse("chat:handoff", kwargs={"pk": handoff.pk})).status_code == 404
    assert f"#{handoff.pk}" not in client.get(reverse("chat:inbox")).content.decode()


def test_a_password_alone_does_not_open_the_inbox(client, centro):
    role = StaffRoleFactory(info_point=centro)
    client.force_login(role.user)
    response = client.get(reverse("chat:inbox"))
    assert response.status_code == 302


def test_closing_tells_the_person_and_later_messages_are_not_kept(
    client, hooks, providers, whatsapp, centro, advisor, django_capture_on_commit_callbacks
):
    handoff = hand_off(hooks, centro)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("chat:handoff", kwargs={"pk": handoff.pk}), {"action": "close"})
    assert "terminó" in texts_to(providers.of("whatsapp"))[-1]
    hooks.wa(fakes.wa_text(PERSON, "otra cosa"))
    assert not HandoffMessage.objects.filter(direction="in").exists()
    assert Conversation.objects.get().step == "menu"


def test_an_appointment_from_a_hand_off_needs_consent_first(
    client, hooks, providers, whatsapp, centro, advisor
):
    handoff = hand_off(hooks, centro)
    url = reverse("chat:handoff", kwargs={"pk": handoff.pk})
    data = {
        "action": "appointment",
        "appointment-alias": "Ana",
        "appointment-preferred_date": (
            timezone.localdate() + datetime.timedelta(days=2)
        ).isoformat(),
        "appointment-preferred_slot": "morning",
        "appointment-topic": "documents",
    }
    refused = client.post(url, data)
    assert refused.status_code == 400
    assert not AppointmentRequest.objects.filter(info_point=centro, is_demo=False).exists()
    accepted = client.post(url, data | {"appointment-consent_given": "on"})
    assert accepted.status_code == 302
    appointment = AppointmentRequest.objects.filter(info_point=centro).latest("pk")
    assert appointment.alias == "Ana"
    assert appointment.contact == PERSON
    assert appointment.contact_channel == "whatsapp"


def test_a_consultation_from_a_hand_off_needs_consent_first(
    client, hooks, providers, whatsapp, centro, advisor
):
    handoff = hand_off(hooks, centro)
    url = reverse("chat:handoff", kwargs={"pk": handoff.pk})
    data = {
        "action": "consultation",
        "consultation-topics": ["documents"],
        "consultation-age_band": Consultation.AgeBand.values[1],
        "consultation-sex": Consultation.Sex.values[0],
        "consultation-situation": Consultation.Situation.values[0],
        "consultation-source": Consultation.Source.values[0],
        "consultation-outcome": Consultation.Outcome.values[0],
    }
    before = Consultation.objects.count()
    assert client.post(url, data).status_code == 400
    assert Consultation.objects.count() == before
    assert client.post(url, data | {"consultation-consent_given": "on"}).status_code == 302
    consultation = Consultation.objects.latest("pk")
    assert consultation.channel == Consultation.Channel.WHATSAPP
    assert consultation.consent_given


def test_an_unanswered_hand_off_alerts_the_coordinator_once(hooks, providers, whatsapp, centro):
    coordinator = StaffRoleFactory(info_point=centro, role=StaffRole.Role.COORDINATOR)
    hand_off(hooks, centro)
    assert services.handoff_alerts_send() == 0  # not late yet
    later = timezone.now() + datetime.timedelta(minutes=31)
    assert services.handoff_alerts_send(now=later) == 1
    assert mail.outbox[-1].to == [coordinator.user.email]
    assert PERSON not in mail.outbox[-1].body
    assert services.handoff_alerts_send(now=later) == 0


def test_an_answered_hand_off_raises_no_alert(client, hooks, providers, whatsapp, centro, advisor):
    handoff = hand_off(hooks, centro)
    client.post(
        reverse("chat:handoff", kwargs={"pk": handoff.pk}), {"action": "reply", "body": "Hola"}
    )
    later = timezone.now() + datetime.timedelta(hours=2)
    assert services.handoff_alerts_send(now=later) == 0


def test_the_engine_giving_up_offers_a_person(hooks, providers, whatsapp, centro):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    for word in ("xyzzy", "qwerty", "asdfgh"):
        hooks.wa(fakes.wa_text(PERSON, word))
    assert "hablar con una persona" in texts_to(providers.of("whatsapp"))[-1]
    hooks.wa(fakes.wa_choice(PERSON, "y", list_reply=False))
    share_location(hooks, centro)
    assert Handoff.objects.get().reason == "gave_up"


def test_retention_deletes_idle_hand_offs_with_their_messages(hooks, providers, whatsapp, centro):
    hand_off(hooks, centro)
    hooks.wa(fakes.wa_text(PERSON, "hola de nuevo"))
    later = timezone.now() + datetime.timedelta(days=400)
    counts = services.chat_purge(now=later)
    assert counts["handoffs"] == 1
    assert not HandoffMessage.objects.exists()
    assert not Conversation.objects.exists()


def test_a_refused_reply_keeps_the_input_and_reads_nothing(
    client, hooks, providers, whatsapp, centro, advisor
):
    handoff = hand_off(hooks, centro)
    reads = AuditEntry.objects.filter(action=AuditEntry.Action.READ).count()
    url = reverse("chat:handoff", kwargs={"pk": handoff.pk})
    response = client.post(url, {"action": "appointment", "appointment-alias": "Ana"})
    assert response.status_code == 400
    assert 'value="Ana"' in response.content.decode()
    assert client.post(url, {"action": "nope"}).status_code == 400
    assert AuditEntry.objects.filter(action=AuditEntry.Action.READ).count() == reads
