"""Every message of the questionnaire, and every chat text, fits the channels' limits in
every language: one WhatsApp message (text up to 4096 characters, interactive body up to
1024, button titles up to 20, list rows up to 24 with descriptions up to 72), one Telegram
message, and one SMS of at most two segments."""

import pytest
from django.utils.translation import override

from rumbo.chat.channels import sms, telegram, whatsapp
from rumbo.chat.engine import question_message
from rumbo.chat.messages import Outbound
from rumbo.chat.models import Channel
from rumbo.chat.tests.fakes import _check_whatsapp
from rumbo.chat.texts import DEFAULTS, LANGUAGES, text
from rumbo.plans.engine import flow_load

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]

WA = Channel(kind="whatsapp", slug="wa", name="wa", account="1")
TG = Channel(kind="telegram", slug="tg", name="tg")
SMS = Channel(kind="sms", slug="sms", name="sms", account="AC1", sender="+1")


def questionnaire_messages(language: str) -> list[Outbound]:
    flow = flow_load()
    assert flow is not None
    answers = {"country": "HN"}  # for "any country but the residence"
    with override(language):
        return [question_message(flow=flow, question=q, answers=answers) for q in flow.questions]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_question_is_one_whatsapp_message_within_its_limits(language):
    messages = questionnaire_messages(language)
    assert len(messages) >= 6
    for message in messages:
        requests = whatsapp.render(WA, "504", message, window=True)
        assert len(requests) == 1, message.text
        _check_whatsapp(requests[0].body)  # raises on any limit passed


@pytest.mark.parametrize("language", ["es", "en", "fr"])
def test_every_question_is_one_sms_of_at_most_two_segments(language):
    for message in questionnaire_messages(language):
        pieces = sms.sms_text(message)
        assert len(pieces) == 1, message.text
        assert sms.segments(pieces[0]) <= 2, pieces[0]
        assert sms.gsm7(pieces[0]) == pieces[0]


def test_arabic_questions_are_sms_of_at_most_two_segments_each():
    """Arabic needs UCS-2 (67 characters a segment): a question with many choices goes as
    two SMS, never as one of three segments or more."""
    for message in questionnaire_messages("ar"):
        pieces = sms.sms_text(message)
        assert len(pieces) <= 2, message.text
        assert all(sms.segments(piece) <= 2 for piece in pieces)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_question_is_one_telegram_message(language):
    for message in questionnaire_messages(language):
        requests = telegram.render(TG, "1", message, window=True)
        assert len(requests) == 1
        assert len(requests[0].body["text"]) <= telegram.TEXT_MAX


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_chat_text_fits_one_sms_and_one_whatsapp_message(language):
    for key in DEFAULTS:
        message = Outbound(
            text(key, language)
            % {
                "point": "Centro de Información San Pedro Sula",
                "link": "https://rumbo.example/plan/x/",
                "count": 5,
                "reference": "ABCD-EFGH",
                "text": "Hola",
            }
            if "%(" in text(key, language)
            else text(key, language)
        )
        assert len(sms.sms_text(message)) == 1, key
        for request in whatsapp.render(WA, "504", message, window=True):
            _check_whatsapp(request.body)


def test_menu_option_titles_fit_whatsapp_list_rows_in_every_language():
    for language in LANGUAGES:
        for key in DEFAULTS:
            if key.startswith("menu_"):
                assert len(text(key, language)) <= whatsapp.ROW_TITLE_MAX, (key, language)


def test_a_long_text_with_options_is_split_to_respect_the_interactive_body_limit():
    long = "\n".join(["Una línea de texto bastante larga para llenar el mensaje."] * 30)
    message = Outbound(long, options=[])
    message.options = questionnaire_messages("es")[3].options
    requests = whatsapp.render(WA, "504", message, window=True)
    for request in requests:
        _check_whatsapp(request.body)
    assert requests[-1].body["type"] == "interactive"
