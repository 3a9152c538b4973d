"""Aggregate counts, retention and the demo channels."""

import datetime

import pytest
from django.utils import timezone

from rumbo.chat import demo, services
from rumbo.chat.models import Channel, Conversation, DailyCount, OutgoingMessage, ReceivedMessage
from rumbo.chat.selectors import chat_counts
from rumbo.chat.tests import fakes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]
PERSON = "50497001122"


def test_conversations_are_counted_as_aggregates_only(hooks, providers, whatsapp):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    hooks.wa(fakes.wa_text("50497003344", "hola"))
    hooks.wa(fakes.wa_text(PERSON, "otra vez"))
    counts = chat_counts(since=timezone.localdate())
    assert counts[("whatsapp", DailyCount.Metric.CONVERSATIONS)] == 2
    row = DailyCount.objects.get(metric=DailyCount.Metric.CONVERSATIONS)
    assert {field.name for field in DailyCount._meta.concrete_fields} == {
        "id", "day", "channel_kind", "campaign", "metric", "count"
    }  # fmt: skip
    assert row.count == 2


def test_retention_keeps_recent_conversations_and_drops_old_delivery_rows(
    hooks, providers, whatsapp
):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    assert ReceivedMessage.objects.count() == 1
    assert OutgoingMessage.objects.filter(status="sent", payload="").count() == 2
    counts = services.chat_purge(now=timezone.now() + datetime.timedelta(days=8))
    assert counts["received"] == 1
    assert counts["sent"] == 2
    assert Conversation.objects.count() == 1
    later = timezone.now() + datetime.timedelta(days=91)
    assert services.chat_purge(now=later)["conversations"] == 1


def test_a_sent_message_keeps_no_content(hooks, providers, whatsapp):
    hooks.wa(fakes.wa_text(PERSON, "hola"))
    assert set(OutgoingMessage.objects.values_list("payload", flat=True)) == {""}


def test_the_demo_is_idempotent_and_marked():
    demo.load()
    demo.load()
    channels = Channel.objects.filter(
        slug__in=["simulator", "whatsapp-demo", "telegram-demo", "sms-demo"]
    )
    assert channels.count() == 4
    assert all(channel.is_demo for channel in channels)


def test_demo_channels_without_secrets_refuse_every_call(client):
    body = fakes.whatsapp_call([fakes.wa_text(PERSON, "hola")])
    response = client.post(
        "/chat/hooks/whatsapp-demo/",
        body,
        content_type="application/json",
        HTTP_X_HUB_SIGNATURE_256=fakes.wa_signature(body, ""),
    )
    assert response.status_code == 403
