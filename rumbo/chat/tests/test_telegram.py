"""Telegram through the local fake of the Bot API."""

import json

import pytest

from rumbo.chat.models import Conversation
from rumbo.chat.tests import fakes
from rumbo.infopoints.models import InfoPoint

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]
CHAT = 424242


def test_a_message_gets_the_menu_as_an_inline_keyboard(hooks, providers, telegram):
    response = hooks.telegram(fakes.tg_update(CHAT, text="/start"))
    assert response.status_code == 200
    calls = providers.of("telegram")
    keyboard = calls[-1]["body"]["reply_markup"]["inline_keyboard"]
    assert keyboard[0][0] == {"text": "Hacer mi plan", "callback_data": "m:plan"}
    assert calls[-1]["body"]["chat_id"] == str(CHAT)


def test_a_missing_or_wrong_secret_token_is_refused(hooks, providers, telegram):
    assert hooks.telegram(fakes.tg_update(CHAT, text="hola"), secret=None).status_code == 403
    assert hooks.telegram(fakes.tg_update(CHAT, text="hola"), secret="guess").status_code == 403
    assert not Conversation.objects.exists()


def test_a_button_press_is_answered_in_the_webhook_response(hooks, providers, telegram):
    hooks.telegram(fakes.tg_update(CHAT, text="hola"))
    response = hooks.telegram(fakes.tg_update(CHAT, data="m:language"))
    answer = json.loads(response.content)
    assert answer["method"] == "answerCallbackQuery"
    keyboard = providers.of("telegram")[-1]["body"]["reply_markup"]["inline_keyboard"]
    assert ["l:en"] in [[button["callback_data"] for button in row] for row in keyboard]


def test_changing_language_switches_every_following_text(hooks, providers, telegram):
    hooks.telegram(fakes.tg_update(CHAT, text="hola"))
    hooks.telegram(fakes.tg_update(CHAT, data="m:language"))
    hooks.telegram(fakes.tg_update(CHAT, data="l:fr"))
    texts = [call["body"].get("text", "") for call in providers.of("telegram")]
    assert "français" in texts[-2]
    assert texts[-1] == "Que veux-tu faire ? Choisis une option ou écris-la."
    assert Conversation.objects.get().language == "fr"


def test_a_location_asks_and_gets_the_nearest_point(hooks, providers, telegram):
    point = InfoPoint.objects.get(slug="san-pedro-sula-centro")
    hooks.telegram(fakes.tg_update(CHAT, text="hola"))
    hooks.telegram(fakes.tg_update(CHAT, data="m:nearest"))
    ask = providers.of("telegram")[-1]["body"]["reply_markup"]
    assert ask["keyboard"][0][0]["request_location"] is True
    location = {"latitude": point.latitude, "longitude": point.longitude}
    hooks.telegram(fakes.tg_update(CHAT, location=location))
    assert any(point.name in call["body"].get("text", "") for call in providers.of("telegram"))


def test_a_sticker_gets_a_short_answer(hooks, providers, telegram):
    hooks.telegram(fakes.tg_update(CHAT, text="hola"))
    hooks.telegram(fakes.tg_update(CHAT, sticker={"file_id": "x", "emoji": "😀"}))
    assert "Solo leo textos" in providers.of("telegram")[-2]["body"]["text"]


def test_a_redelivered_update_is_handled_once(hooks, providers, telegram):
    update = fakes.tg_update(CHAT, text="hola")
    hooks.telegram(update)
    count = len(providers.calls)
    hooks.telegram(update)
    assert len(providers.calls) == count


def test_rate_limited_telegram_sends_wait_the_retry_after(hooks, providers, telegram):
    from rumbo.chat import services
    from rumbo.chat.models import OutgoingMessage

    providers.fail_next = [429]
    hooks.telegram(fakes.tg_update(CHAT, text="hola"))
    ids = list(OutgoingMessage.objects.order_by("pk").values_list("pk", flat=True))
    providers.fail_next = [429]
    assert services.outgoing_send(ids=ids) == 3.0
    assert services.outgoing_send(ids=ids) is None
    assert len(providers.of("telegram")) == len(ids)
