"""SMS through the local fake of Twilio: signed form webhooks, numbered menus, GSM-7 texts
within two segments, links shortened under /chat/l/."""

import pytest
from django.urls import reverse

from rumbo.chat.channels.sms import gsm7, segments
from rumbo.chat.models import Conversation, ShortLink
from rumbo.chat.tests import fakes
from rumbo.plans.models import Plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]
PERSON = "+50498765432"


def bodies(providers) -> list[str]:
    return [call["body"]["Body"] for call in providers.of("sms")]


def numbered(body: str, title: str) -> str:
    """The number in front of `title` in a numbered menu."""
    for line in body.splitlines():
        number, _sep, rest = line.partition(" ")
        if number.isdigit() and rest.strip() == title:
            return number
    raise AssertionError(f"{title!r} not in {body!r}")


def test_an_sms_user_does_the_plan_with_numbered_menus(hooks, providers, sms, client):
    hooks.sms(fakes.twilio_form(PERSON, "Hola"))
    menu = bodies(providers)[-1]
    assert "1 Hacer mi plan" in menu
    hooks.sms(fakes.twilio_form(PERSON, "1"))
    question = bodies(providers)[-1]
    hooks.sms(fakes.twilio_form(PERSON, numbered(question, "Honduras")))
    hooks.sms(fakes.twilio_form(PERSON, "San Pedro Sula"))
    hooks.sms(fakes.twilio_form(PERSON, "19"))
    hooks.sms(fakes.twilio_form(PERSON, "1, 2"))
    hooks.sms(fakes.twilio_form(PERSON, "0"))
    plan = Plan.objects.get()
    assert plan.completed_at is not None
    assert plan.answers["goal"] == ["study", "work"]
    sent = bodies(providers)
    assert any(body.startswith("¡Tu plan esta listo!") for body in sent)  # GSM-7: no "á"
    for body in sent:
        assert gsm7(body) == body
        assert segments(body) <= 2
    links = ShortLink.objects.filter(conversation__channel=sms)
    assert links.count() == 2  # the plan and its PDF
    short = next(body for body in sent if "/chat/l/" in body).split("https://rumbo.example")[1]
    short = short.split()[0]
    response = client.get(short)
    assert response.status_code == 302
    assert response["Location"].startswith(f"https://rumbo.example/plan/{plan.code}/")


def test_an_unsigned_or_forged_sms_webhook_is_refused(hooks, providers, sms):
    assert hooks.sms(fakes.twilio_form(PERSON, "Hola"), signed=False).status_code == 403
    assert hooks.sms(fakes.twilio_form(PERSON, "Hola"), token="guess").status_code == 403
    assert not Conversation.objects.exists()


def test_the_sms_webhook_answers_with_empty_twiml(hooks, providers, sms):
    response = hooks.sms(fakes.twilio_form(PERSON, "Hola"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    assert response.content == b"<Response/>"


def test_the_same_sms_delivered_twice_is_answered_once(hooks, providers, sms):
    form = fakes.twilio_form(PERSON, "Hola")
    hooks.sms(form)
    count = len(providers.calls)
    hooks.sms(form)
    assert len(providers.calls) == count


def test_an_mms_with_a_picture_gets_a_short_answer(hooks, providers, sms):
    hooks.sms(fakes.twilio_form(PERSON, "Hola"))
    hooks.sms(fakes.twilio_form(PERSON, "", NumMedia="1", MediaUrl0="https://example.org/x.jpg"))
    assert "Solo leo textos" in bodies(providers)[-2]


def test_a_status_callback_updates_the_message(hooks, providers, sms):
    hooks.sms(fakes.twilio_form(PERSON, "Hola"))
    from rumbo.chat.models import OutgoingMessage

    sid = OutgoingMessage.objects.order_by("pk").first().provider_id
    hooks.sms({"MessageSid": sid, "MessageStatus": "delivered", "AccountSid": fakes.TW_SID})
    assert OutgoingMessage.objects.get(provider_id=sid).status == "delivered"


def test_a_short_link_that_does_not_exist_is_not_found(client, db):
    assert client.get(reverse("chat:short_link", kwargs={"code": "nope"})).status_code == 404


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¿Cómo estás?", "¿Como estas?"),
        ("Año «nuevo» – ok", 'Año "nuevo" - ok'),
        ("hola 😀", "hola "),
    ],
)
def test_gsm7_folds_accents_and_typography(text, expected):
    assert gsm7(text) == expected


def test_arabic_is_not_gsm7_and_counts_as_ucs2():
    assert gsm7("مرحبا") is None
    assert segments("م" * 70) == 1
    assert segments("م" * 71) == 2
    assert segments("a" * 160) == 1
    assert segments("a" * 161) == 2
