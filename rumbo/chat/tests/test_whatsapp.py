"""WhatsApp over the local fake of the Cloud API: webhooks as Meta sends them, answers as
the Graph API accepts them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from rumbo.chat import services
from rumbo.chat.models import Conversation, OutgoingMessage, ReceivedMessage
from rumbo.chat.tests import fakes
from rumbo.chat.tests.conftest import texts_to
from rumbo.plans.models import Plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]
PERSON = "50499112233"


def last_rows(providers) -> dict[str, str]:
    """Title → id of the options in the last interactive message."""
    for call in reversed(providers.of("whatsapp")):
        interactive = call["body"].get("interactive")
        if interactive and interactive["type"] == "list":
            rows = interactive["action"]["sections"][0]["rows"]
            return {row.get("description", row["title"]): row["id"] for row in rows}
        if interactive and interactive["type"] == "button":
            return {b["reply"]["title"]: b["reply"]["id"] for b in interactive["action"]["buttons"]}
    return {}


def test_hello_gets_the_welcome_and_the_menu_as_a_list(hooks, providers, whatsapp):
    response = hooks.wa(fakes.wa_text(PERSON, "Hola"))
    assert response.status_code == 200
    calls = providers.of("whatsapp")
    assert "Rumbo" in calls[0]["body"]["text"]["body"]
    menu = calls[-1]["body"]["interactive"]
    assert menu["type"] == "list"
    rows = menu["action"]["sections"][0]["rows"]
    assert [row["id"] for row in rows][:2] == ["m:plan", "m:search"]


def test_person_in_san_pedro_sula_completes_the_plan_in_spanish(hooks, providers, whatsapp):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    hooks.wa(fakes.wa_text(PERSON, "hacer mi plan"))
    assert "país" in texts_to(providers.of("whatsapp"))[-1]
    hooks.wa(fakes.wa_choice(PERSON, last_rows(providers)["Honduras"]))
    assert "municipio" in texts_to(providers.of("whatsapp"))[-1]
    hooks.wa(fakes.wa_text(PERSON, "san pedro sula"))
    assert "años" in texts_to(providers.of("whatsapp"))[-1]
    hooks.wa(fakes.wa_text(PERSON, "24"))
    hooks.wa(fakes.wa_text(PERSON, "6"))  # migrate
    assert "país" in texts_to(providers.of("whatsapp"))[-1]
    hooks.wa(fakes.wa_text(PERSON, "Mexico"))  # typed: too many countries for a list
    hooks.wa(fakes.wa_text(PERSON, "trabajr"))  # purpose "Para trabajar", misspelt
    hooks.wa(fakes.wa_choice(PERSON, list(last_rows(providers).values())[0]))  # job offer
    hooks.wa(fakes.wa_text(PERSON, "2"))  # documents held: national id
    plan = Plan.objects.get()
    assert plan.completed_at is not None
    assert plan.answers["country"] == "HN"
    assert plan.answers["destination"] == "MX"
    assert plan.answers["purpose"] == "work"
    assert plan.answers["documents"] == ["national-id"]
    received = providers.of("whatsapp")
    summary_index = next(
        i for i, text in enumerate(texts_to(received)) if text.startswith("¡Tu plan está listo!")
    )
    assert (
        "Caminos regulares" in texts_to(received)[summary_index]
        or "Documentos" in texts_to(received)[summary_index]
    )
    link = f"https://rumbo.example/plan/{plan.code}/"
    assert any(link in text for text in texts_to(received))
    documents = [
        call["body"]["document"] for call in received if call["body"]["type"] == "document"
    ]
    assert documents == [{"link": link + "pdf/", "filename": "plan.pdf"}]


def test_the_pdf_link_sent_opens_the_plan_pdf(client, hooks, providers, whatsapp):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    plan_code = _complete_plan(hooks, providers)
    response = client.get(reverse("plans:pdf", kwargs={"code": plan_code}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def _complete_plan(hooks, providers) -> str:
    hooks.wa(fakes.wa_text(PERSON, "plan"))
    hooks.wa(fakes.wa_choice(PERSON, last_rows(providers)["Honduras"]))
    hooks.wa(fakes.wa_text(PERSON, "San Pedro Sula"))
    hooks.wa(fakes.wa_text(PERSON, "19"))
    hooks.wa(fakes.wa_text(PERSON, "1,2"))  # study and work here
    hooks.wa(fakes.wa_text(PERSON, "0"))  # no document held
    plan = Plan.objects.get()
    assert plan.completed_at is not None
    return plan.code


def test_the_handshake_echoes_the_challenge_only_with_the_verify_token(client, whatsapp, settings):
    settings.RUMBO_CHAT_SECRETS = fakes.SECRETS
    url = reverse("chat:webhook", kwargs={"slug": "wa"})
    ok = client.get(
        url,
        {"hub.mode": "subscribe", "hub.verify_token": fakes.WA_VERIFY_TOKEN, "hub.challenge": "42"},
    )
    assert ok.status_code == 200
    assert ok.content == b"42"
    wrong = client.get(
        url, {"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "42"}
    )
    assert wrong.status_code == 403


@pytest.mark.parametrize("signature", ["", "sha256=" + "0" * 64, "forged"])
def test_a_forged_or_missing_signature_is_refused_and_nothing_happens(
    hooks, providers, whatsapp, signature
):
    body = fakes.whatsapp_call([fakes.wa_text(PERSON, "hola")])
    response = hooks.whatsapp(body, signature=signature)
    assert response.status_code == 403
    assert not Conversation.objects.exists()
    assert providers.calls == []


def test_a_body_signed_with_another_secret_is_refused(hooks, providers, whatsapp):
    body = fakes.whatsapp_call([fakes.wa_text(PERSON, "hola")])
    response = hooks.whatsapp(body, signature=fakes.wa_signature(body, "other-secret"))
    assert response.status_code == 403


def test_the_same_message_delivered_twice_is_answered_once(hooks, providers, whatsapp):
    message = fakes.wa_text(PERSON, "hola")
    hooks.wa(message)
    sent = len(providers.calls)
    hooks.wa(message)
    assert len(providers.calls) == sent
    assert ReceivedMessage.objects.count() == 1


def test_a_late_message_does_not_undo_a_newer_answer(hooks, providers, whatsapp):
    hooks.wa(fakes.wa_text(PERSON, "hola", timestamp=1_800_000_000))
    hooks.wa(fakes.wa_text(PERSON, "buscar", timestamp=1_800_000_020))
    hooks.wa(fakes.wa_text(PERSON, "idioma", timestamp=1_800_000_010))  # delivered late
    assert Conversation.objects.get().step == "search"


def test_statuses_update_the_sent_message(hooks, providers, whatsapp):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    provider_id = OutgoingMessage.objects.order_by("pk").first().provider_id
    assert provider_id.startswith("wamid.OUT")
    status = {
        "id": provider_id,
        "status": "read",
        "timestamp": "1800000005",
        "recipient_id": PERSON,
    }
    hooks.whatsapp(fakes.whatsapp_call(statuses=[status]))
    assert OutgoingMessage.objects.get(provider_id=provider_id).status == "read"


@pytest.mark.parametrize("kind", ["sticker", "image", "audio", "video", "reaction", "unknown"])
def test_stickers_images_voice_and_unknown_messages_get_a_short_helpful_answer(
    hooks, providers, whatsapp, kind
):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    content: dict = {kind: {"id": "media1"}}
    hooks.wa(fakes.wa_message(PERSON, kind, **content))
    texts = texts_to(providers.of("whatsapp"))
    assert any("Solo leo textos" in text for text in texts)
    assert Conversation.objects.get().step == "menu"


def test_a_very_long_text_and_emojis_are_answered_without_error(hooks, providers, whatsapp):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    hooks.wa(fakes.wa_text(PERSON, "a" * 5000))
    hooks.wa(fakes.wa_text(PERSON, "😀🎉🙏"))
    texts = texts_to(providers.of("whatsapp"))
    assert any("muy largo" in text for text in texts)
    assert "No entendí" in texts[-2]


def test_an_answer_to_an_old_question_says_so_and_asks_the_current_one(hooks, providers, whatsapp):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    hooks.wa(fakes.wa_text(PERSON, "plan"))
    honduras = last_rows(providers)["Honduras"]
    hooks.wa(fakes.wa_choice(PERSON, honduras))
    hooks.wa(fakes.wa_choice(PERSON, honduras))  # the country button again
    texts = texts_to(providers.of("whatsapp"))
    assert "pregunta anterior" in texts[-2]
    assert "municipio" in texts[-1]


def test_menu_always_works_even_in_the_middle_of_the_plan(hooks, providers, whatsapp):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    hooks.wa(fakes.wa_text(PERSON, "plan"))
    hooks.wa(fakes.wa_text(PERSON, "MENÚ"))
    assert Conversation.objects.get().step == "menu"


def test_rate_limited_sends_are_kept_and_retried_then_sent_once(hooks, providers, whatsapp):
    providers.fail_next = [429]
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    pending = list(OutgoingMessage.objects.filter(status="pending").order_by("pk"))
    assert len(pending) == 2  # welcome and menu: none lost, none sent
    assert providers.calls == []
    ids = [message.pk for message in pending]
    assert services.outgoing_send(ids=ids) is None  # the retry succeeds
    assert len(providers.calls) == 2
    services.outgoing_send(ids=ids)  # a duplicate retry sends nothing again
    assert len(providers.calls) == 2
    assert set(OutgoingMessage.objects.values_list("status", flat=True)) == {"sent"}


def test_server_errors_are_retried_with_growing_delays(hooks, providers, whatsapp):
    providers.fail_next = [500]
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    ids = list(OutgoingMessage.objects.order_by("pk").values_list("pk", flat=True))
    providers.fail_next = [503]
    first = services.outgoing_send(ids=ids)
    providers.fail_next = [502]
    second = services.outgoing_send(ids=ids)
    assert first is not None
    assert second is not None
    assert second > first
    assert services.outgoing_send(ids=ids) is None
    assert len(providers.calls) == 2


def test_a_retry_after_header_is_respected(hooks, providers, whatsapp):
    providers.fail_next = [429]
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    ids = list(OutgoingMessage.objects.order_by("pk").values_list("pk", flat=True))
    providers.fail_next = [429]
    assert services.outgoing_send(ids=ids) == 7.0


def test_the_sweeper_finds_messages_whose_retries_were_lost(hooks, providers, whatsapp):
    providers.fail_next = [500]
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    later = timezone.now() + datetime.timedelta(minutes=10)
    groups = services.outgoing_pending_groups(now=later)
    assert [len(group) for group in groups] == [2]


def test_outside_the_24_hour_window_only_a_template_is_sent(hooks, providers, whatsapp):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    conversation = Conversation.objects.get()
    conversation.last_inbound_at = timezone.now() - datetime.timedelta(hours=25)
    conversation.save()
    from rumbo.chat.messages import Outbound

    with_capture = services.outgoing_enqueue(
        conversation=conversation, outbounds=[Outbound("late answer")]
    )
    services.outgoing_send(ids=with_capture)
    body = providers.of("whatsapp")[-1]["body"]
    assert body["type"] == "template"
    assert body["template"]["name"] == "rumbo_reply_waiting"


def test_a_webhook_for_an_unknown_channel_is_not_found(client, db):
    url = reverse("chat:webhook", kwargs={"slug": "nope"})
    assert client.post(url, b"{}", content_type="application/json").status_code == 404


def test_garbage_json_with_a_valid_signature_is_accepted_and_ignored(hooks, providers, whatsapp):
    for body in (b"not json", b"[]", b'{"entry": "x"}', b'{"entry": [{"changes": [null]}]}'):
        assert hooks.whatsapp(body).status_code == 200
    assert not Conversation.objects.exists()
