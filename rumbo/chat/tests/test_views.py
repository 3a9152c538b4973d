"""The staff simulator and the texts preview."""

import pytest
from django.urls import reverse

from conftest import login_with_second_factor
from rumbo.casework.factories import StaffRoleFactory
from rumbo.chat.models import Channel, ChatText, Conversation
from rumbo.chat.texts import texts_cache_clear

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]
SIMULATOR = reverse("chat:simulator")


@pytest.fixture
def staff(client):
    role = StaffRoleFactory()
    login_with_second_factor(client, role.user)
    return role.user


def transcript(client) -> str:
    return client.get(SIMULATOR).content.decode()


def test_the_simulator_talks_to_the_engine_as_a_channel(
    client, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(SIMULATOR, {"text": "hola"}).status_code == 302
    page = transcript(client)
    assert "Soy Rumbo" in page
    assert 'name="choice" value="m:plan"' in page  # the options are buttons
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIMULATOR, {"choice": "m:plan"})
    assert "¿En qué país vives?" in transcript(client)
    conversation = Conversation.objects.get(channel__kind=Channel.Kind.SIMULATOR)
    assert conversation.step == "plan"


def test_the_simulator_takes_a_location(client, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIMULATOR, {"text": "punto cercano"})
        client.post(SIMULATOR, {"latitude": "15.5", "longitude": "-88.02"})
    assert "km)" in transcript(client)


def test_the_simulator_refuses_bad_coordinates_with_the_form(client, staff):
    response = client.post(SIMULATOR, {"latitude": "900", "longitude": "x"})
    assert response.status_code == 400
    assert not Conversation.objects.exists()


def test_the_simulator_needs_the_second_factor(client):
    role = StaffRoleFactory()
    client.force_login(role.user)
    assert client.get(SIMULATOR).status_code == 302


def test_the_preview_shows_each_text_per_channel_and_edits_replace_defaults(client, staff):
    ChatText.objects.create(key="welcome", text_es="¡Bienvenida editada!")
    texts_cache_clear()
    response = client.get(reverse("chat:text_preview"), {"language": "es"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "¡Bienvenida editada!" in page
    assert "inline_keyboard" in page  # Telegram
    assert "interactive" in page  # WhatsApp
    assert "1 Hacer mi plan" in page  # SMS, numbered


def test_an_edited_text_in_one_language_leaves_the_others_default(db):
    from rumbo.chat.texts import text

    ChatText.objects.create(key="welcome", text_en="Hello there!")
    texts_cache_clear()
    assert text("welcome", "en") == "Hello there!"
    assert text("welcome", "es").startswith("¡Hola! Soy Rumbo")
