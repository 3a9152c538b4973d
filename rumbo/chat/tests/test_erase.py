"""'Erase my data' works at once, is confirmed, and leaves no trace in any table."""

import pytest
from django.apps import apps
from django.db import connection

from rumbo.casework.models import AppointmentRequest
from rumbo.chat.crypto import lookup_hash
from rumbo.chat.models import Conversation, Handoff, OutgoingMessage, ShortLink
from rumbo.chat.tests import fakes
from rumbo.chat.tests.conftest import texts_to
from rumbo.infopoints.models import InfoPoint
from rumbo.plans.models import Plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]
PERSON = "50499887766"
SECRET_MESSAGE = "mi vecino Zacarías me debe dinero"
ALIAS = "Wilmer Xiomara"


def every_value_in_the_database() -> list[str]:
    """Every cell of every table as stored (raw SQL), and every field of every model as the
    code reads it (so encrypted columns are read decrypted)."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            values += [str(cell) for row in cursor.fetchall() for cell in row]
    for model in apps.get_models():
        fields = list(model._meta.concrete_fields)
        for row in model._base_manager.all():
            values += [str(field.value_from_object(row)) for field in fields]
    return values


def test_erase_my_data_leaves_no_trace_in_any_table(hooks, providers, whatsapp):
    point = InfoPoint.objects.get(slug="san-pedro-sula-centro")
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    # A plan...
    hooks.wa(fakes.wa_text(PERSON, "plan"))
    hooks.wa(fakes.wa_text(PERSON, "Honduras"))
    hooks.wa(fakes.wa_text(PERSON, "San Pedro Sula"))
    plan_code = Plan.objects.get().code
    hooks.wa(fakes.wa_text(PERSON, "menu"))
    # ...an appointment, consent first...
    location = {"latitude": point.latitude, "longitude": point.longitude}
    hooks.wa(fakes.wa_choice(PERSON, "m:appointment"))
    hooks.wa(fakes.wa_choice(PERSON, "y", list_reply=False))
    hooks.wa(fakes.wa_message(PERSON, "location", location=location))
    hooks.wa(fakes.wa_text(PERSON, "1"))  # topic
    hooks.wa(fakes.wa_text(PERSON, "1"))  # day
    hooks.wa(fakes.wa_text(PERSON, "1"))  # time
    hooks.wa(fakes.wa_text(PERSON, ALIAS))
    appointment = AppointmentRequest.objects.filter(info_point=point).latest("pk")
    assert appointment.contact == PERSON
    assert "Cita pedida" in texts_to(providers.of("whatsapp"))[-2]
    # ...and a hand-off with a message.
    hooks.wa(fakes.wa_choice(PERSON, "m:person"))
    hooks.wa(fakes.wa_text(PERSON, SECRET_MESSAGE))
    assert Handoff.objects.exists()
    traces = [PERSON, lookup_hash(kind="whatsapp", value=PERSON), plan_code, SECRET_MESSAGE, ALIAS]
    everything = "\n".join(every_value_in_the_database())
    assert all(trace in everything for trace in traces)  # the test can see them

    hooks.wa(fakes.wa_text(PERSON, "menu"))
    hooks.wa(fakes.wa_text(PERSON, "borrar mis datos"))
    assert "No se puede deshacer" in texts_to(providers.of("whatsapp"))[-1]
    hooks.wa(fakes.wa_choice(PERSON, "y", list_reply=False))

    assert "borramos todos tus datos" in texts_to(providers.of("whatsapp"))[-1]
    assert not Conversation.objects.exists()
    assert not Handoff.objects.exists()
    assert not ShortLink.objects.exists()
    assert not OutgoingMessage.objects.exists()
    everything = "\n".join(every_value_in_the_database())
    for trace in traces:
        assert trace not in everything
    appointment.refresh_from_db()
    assert appointment.personal_data_erased_at is not None


def test_erase_asks_for_confirmation_and_no_keeps_everything(hooks, providers, whatsapp):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    hooks.wa(fakes.wa_text(PERSON, "borar"))  # misspelt
    hooks.wa(fakes.wa_choice(PERSON, "n", list_reply=False))
    assert "No borramos nada" in texts_to(providers.of("whatsapp"))[-1]
    assert Conversation.objects.exists()


def test_after_erasure_a_new_message_starts_from_scratch(hooks, providers, whatsapp):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    hooks.wa(fakes.wa_text(PERSON, "borrar"))
    hooks.wa(fakes.wa_text(PERSON, "sí"))
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    assert "Soy Rumbo" in texts_to(providers.of("whatsapp"))[-2]
    assert Conversation.objects.get().step == "menu"
