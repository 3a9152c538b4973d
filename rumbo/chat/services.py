"""Every write of the chat: receiving a message (once), sending (in order, retried, never
twice), hand-offs and their audit entries, erasure and retention."""

from __future__ import annotations

import datetime
import logging
import secrets
from collections.abc import Iterable
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from rumbo.accounts.models import User
from rumbo.audit.models import AuditEntry
from rumbo.audit.services import audit_record
from rumbo.casework.models import AppointmentRequest, StaffRole
from rumbo.casework.permissions import Actor, staff_scope
from rumbo.chat.channels import adapter_for
from rumbo.chat.channels.base import Request, retry_delay
from rumbo.chat.channels.whatsapp import window_open
from rumbo.chat.crypto import lookup_hash
from rumbo.chat.messages import Inbound, Outbound
from rumbo.chat.models import (
    Channel,
    Conversation,
    DailyCount,
    Handoff,
    HandoffMessage,
    OutgoingMessage,
    ReceivedMessage,
    ShortLink,
)
from rumbo.chat.texts import LANGUAGES, text
from rumbo.infopoints.models import InfoPoint
from rumbo.plans.models import Plan

logger = logging.getLogger(__name__)

SHORT_CODE_BYTES = 6
# A message being sent for longer than this was lost with its worker: it is sent again
# (the one case where a provider may receive a message twice; see docs/channels.md).
SENDING_STUCK = datetime.timedelta(minutes=15)
RECEIVED_KEPT = datetime.timedelta(days=7)
SENT_KEPT = datetime.timedelta(days=7)


def count_add(*, conversation: Conversation, metric: str) -> None:
    """One more in today's aggregate for the conversation's channel kind and campaign."""
    channel = conversation.channel
    key = {
        "day": timezone.localdate(),
        "channel_kind": channel.kind,
        "campaign_id": channel.campaign_id,
        "metric": metric,
    }
    if not DailyCount.objects.filter(**key).update(count=F("count") + 1):
        DailyCount.objects.create(**key, count=1)


# Receiving ------------------------------------------------------------------------------------


def _conversation_for(*, channel: Channel, address: str, inbound: Inbound) -> Conversation:
    address_hash = lookup_hash(kind=channel.kind, value=address)
    conversation = (
        Conversation.objects.select_for_update()
        .select_related("channel")
        .filter(channel=channel, address_hash=address_hash)
        .first()
    )
    if conversation is not None:
        return conversation
    hint = inbound.language_hint.split("-")[0].lower()
    conversation = Conversation(
        channel=channel,
        address_hash=address_hash,
        address=address,
        language=hint if hint in LANGUAGES else "es",
    )
    conversation.save()
    count_add(conversation=conversation, metric=DailyCount.Metric.CONVERSATIONS)
    return conversation


def inbound_receive(*, channel: Channel, address: str, inbound: Inbound) -> list[Outbound] | None:
    """Handles one incoming message: once (a provider's redelivery is ignored), in order (a
    message older than one already handled changes no step) and answered through the queue.
    Returns the answer, or None when the message was not handled."""
    from rumbo.chat.engine import conversation_turn

    with transaction.atomic():
        if inbound.provider_id:
            seen = lookup_hash(kind="message", value=inbound.provider_id)
            if ReceivedMessage.objects.filter(channel=channel, provider_id_hash=seen).exists():
                return None
            # Two workers handling the same redelivery at once: the unique constraint fails
            # the second one's transaction, and only the first one's answer is sent.
            ReceivedMessage.objects.create(channel=channel, provider_id_hash=seen)
        conversation = _conversation_for(channel=channel, address=address, inbound=inbound)
        last = conversation.last_inbound_at
        if inbound.sent_at and last and inbound.sent_at < last and conversation.step != "handoff":
            # Delivered late, after a newer message moved the conversation on.
            return None
        outbounds = conversation_turn(conversation=conversation, inbound=inbound)
        if conversation.pk is None:  # erased in this turn
            return outbounds
        now = timezone.now()
        conversation.last_inbound_at = max(filter(None, [inbound.sent_at, last, now]))
        conversation.updated_at = now
        conversation.save()
        outgoing_enqueue(conversation=conversation, outbounds=outbounds)
    return outbounds


# Sending --------------------------------------------------------------------------------------


def outgoing_enqueue(*, conversation: Conversation, outbounds: Iterable[Outbound]) -> list[int]:
    """Stores the provider requests for `outbounds` and sends them once the transaction
    commits (in order, by the queue)."""
    channel = conversation.channel
    adapter = adapter_for(channel.kind)
    window = channel.kind != Channel.Kind.WHATSAPP or window_open(
        conversation.last_inbound_at, timezone.now()
    )
    rows = [
        OutgoingMessage(conversation=conversation, payload=request.dumps())
        for outbound in outbounds
        for request in adapter.render(
            channel, conversation.address, outbound, window=window, conversation=conversation
        )
    ]
    ids = [row.pk for row in OutgoingMessage.objects.bulk_create(rows)]
    if ids:
        _send_on_commit(ids)
    return ids


def _send_on_commit(ids: list[int]) -> None:
    from rumbo.chat.tasks import chat_send

    transaction.on_commit(lambda: chat_send(ids))


def outgoing_send(*, ids: list[int]) -> float | None:
    """Sends the pending messages `ids` in order. Returns None when done, or the seconds to
    wait before trying the rest again (429, 5xx, no answer). A message is claimed before
    the call, so two workers never send it both; a sent one is never sent again."""
    for pk in ids:
        claimed = OutgoingMessage.objects.filter(
            pk=pk, status=OutgoingMessage.Status.PENDING
        ).update(status=OutgoingMessage.Status.SENDING, attempts=F("attempts") + 1)
        if not claimed:
            continue
        message = OutgoingMessage.objects.select_related("conversation__channel").get(pk=pk)
        channel = message.conversation.channel
        result = adapter_for(channel.kind).send(channel, Request.loads(message.payload))
        if result.ok:
            OutgoingMessage.objects.filter(pk=pk).update(
                status=OutgoingMessage.Status.SENT,
                provider_id=result.provider_id[:128],
                payload="",
                sent_at=timezone.now(),
            )
        elif result.retry_after is None:
            OutgoingMessage.objects.filter(pk=pk).update(
                status=OutgoingMessage.Status.FAILED, payload=""
            )
            logger.warning("chat message refused by the provider", extra={"channel": channel.kind})
        else:
            OutgoingMessage.objects.filter(pk=pk).update(status=OutgoingMessage.Status.PENDING)
            return retry_delay(attempts=message.attempts, retry_after=result.retry_after)
    return None


def outgoing_send_all(*, channel: Channel, address: str) -> float | None:
    """Sends now what is pending for one conversation (the simulator answers at once)."""
    ids = list(
        OutgoingMessage.objects.filter(
            conversation__channel=channel,
            conversation__address_hash=lookup_hash(kind=channel.kind, value=address),
            status=OutgoingMessage.Status.PENDING,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return outgoing_send(ids=ids)


def outgoing_pending_groups(*, now: datetime.datetime | None = None) -> list[list[int]]:
    """Messages left pending (a retry lost, a worker stopped), by conversation, oldest first:
    the sweeper sends them again, so none is lost."""
    now = now or timezone.now()
    OutgoingMessage.objects.filter(
        status=OutgoingMessage.Status.SENDING, created_at__lt=now - SENDING_STUCK
    ).update(status=OutgoingMessage.Status.PENDING)
    groups: dict[int, list[int]] = {}
    rows = OutgoingMessage.objects.filter(
        status=OutgoingMessage.Status.PENDING, created_at__lt=now - datetime.timedelta(minutes=2)
    ).order_by("pk")
    for pk, conversation_id in rows.values_list("pk", "conversation_id"):
        groups.setdefault(conversation_id, []).append(pk)
    return list(groups.values())


def status_update(*, channel: Channel, provider_id: str, status: str) -> None:
    known = {"sent", "delivered", "read", "failed", "undelivered"}
    if status not in known:
        return
    value = OutgoingMessage.Status.FAILED if status == "undelivered" else status
    OutgoingMessage.objects.filter(provider_id=provider_id, conversation__channel=channel).exclude(
        status=OutgoingMessage.Status.PENDING
    ).update(status=value)


def short_link_create(*, conversation: Conversation, target: str) -> str:
    code = secrets.token_urlsafe(SHORT_CODE_BYTES)
    ShortLink.objects.create(code=code, conversation=conversation, target=target)
    return settings.RUMBO_PUBLIC_URL + reverse("chat:short_link", kwargs={"code": code})


# Hand-off -------------------------------------------------------------------------------------


def handoff_open(*, conversation: Conversation, info_point: InfoPoint, reason: str) -> Handoff:
    """Puts the conversation in the point's inbox (one open hand-off per conversation)."""
    open_ = conversation.handoffs.exclude(status=Handoff.Status.CLOSED).first()
    if open_ is not None and open_.info_point_id == info_point.pk:
        return open_
    if open_ is not None:
        _handoff_close(open_, actor=None)
    handoff = Handoff(conversation=conversation, info_point=info_point, reason=reason[:20])
    handoff.full_clean(exclude=["conversation"])
    handoff.save()
    audit_record(
        actor=None, action=AuditEntry.Action.CREATE, target=handoff, info_point_id=info_point.pk
    )
    count_add(conversation=conversation, metric=DailyCount.Metric.HANDOFFS)
    return handoff


def handoff_message_in(*, conversation: Conversation, body: str) -> bool:
    """Keeps a message of the person for the staff (encrypted); False when no hand-off is open."""
    handoff = conversation.handoffs.exclude(status=Handoff.Status.CLOSED).first()
    if handoff is None:
        return False
    now = timezone.now()
    HandoffMessage.objects.create(
        handoff=handoff, direction=HandoffMessage.Direction.IN, body=body, sent_at=now
    )
    Handoff.objects.filter(pk=handoff.pk).update(last_activity_at=now)
    return True


def _require_point(*, user: Actor, handoff: Handoff) -> None:
    if handoff.info_point_id not in staff_scope(user).point_ids:
        raise PermissionDenied


@transaction.atomic
def handoff_reply(*, user: Actor, handoff: Handoff, body: str) -> HandoffMessage:
    """A staff answer, sent through the person's channel (a template outside WhatsApp's
    24-hour window, asking the person to write back)."""
    _require_point(user=user, handoff=handoff)
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Write a message.")})
    if handoff.status == Handoff.Status.CLOSED:
        raise ValidationError({"body": _("This conversation is closed.")})
    now = timezone.now()
    message = HandoffMessage(
        handoff=handoff,
        direction=HandoffMessage.Direction.OUT,
        author=cast(User, user),  # _require_point admitted only a staff account
        body=body[:4096],
        sent_at=now,
    )
    message.save()
    handoff.status = Handoff.Status.ANSWERED
    handoff.answered_at = handoff.answered_at or now
    handoff.last_activity_at = now
    handoff.save(update_fields=["status", "answered_at", "last_activity_at"])
    audit_record(
        actor=user,
        action=AuditEntry.Action.UPDATE,
        target=handoff,
        info_point_id=handoff.info_point_id,
    )
    conversation = handoff.conversation
    with override(conversation.language):
        outbound = Outbound(
            text("staff_reply", point=handoff.info_point.name, text=body),
            template="rumbo_reply_waiting",
        )
    outgoing_enqueue(conversation=conversation, outbounds=[outbound])
    return message


def _handoff_close(handoff: Handoff, *, actor: Actor | None) -> None:
    now = timezone.now()
    handoff.status = Handoff.Status.CLOSED
    handoff.closed_at = now
    handoff.last_activity_at = now
    handoff.save(update_fields=["status", "closed_at", "last_activity_at"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        target=handoff,
        info_point_id=handoff.info_point_id,
        reason="closed",
    )


@transaction.atomic
def handoff_close(*, user: Actor, handoff: Handoff) -> None:
    _require_point(user=user, handoff=handoff)
    if handoff.status == Handoff.Status.CLOSED:
        return
    _handoff_close(handoff, actor=user)
    conversation = handoff.conversation
    if conversation.step == "handoff":
        conversation.step = "menu"
        conversation.state = {
            k: v for k, v in conversation.state.items() if k in ("plan", "point", "appointments")
        }
        conversation.save(update_fields=["step", "state"])
    with override(conversation.language):
        outbound = Outbound(text("handoff_closed", point=handoff.info_point.name))
    outgoing_enqueue(conversation=conversation, outbounds=[outbound])


@transaction.atomic
def handoff_to_appointment(
    *,
    user: Actor,
    handoff: Handoff,
    consent_given: bool,
    alias: str,
    preferred_date: datetime.date,
    preferred_slot: str,
    topic: str,
) -> AppointmentRequest:
    """An appointment request from a hand-off; the person's consent is recorded first."""
    from rumbo.casework.services import appointment_request_create

    _require_point(user=user, handoff=handoff)
    if not consent_given:
        raise ValidationError({"consent_given": _("Ask the person's consent first.")})
    audit_record(
        actor=user,
        action=AuditEntry.Action.UPDATE,
        target=handoff,
        info_point_id=handoff.info_point_id,
        reason="consent to an appointment recorded",
    )
    conversation = handoff.conversation
    whatsapp = conversation.channel.kind == Channel.Kind.WHATSAPP
    appointment = appointment_request_create(
        info_point=handoff.info_point,
        alias=alias,
        contact_channel=AppointmentRequest.Contact.WHATSAPP
        if whatsapp
        else AppointmentRequest.Contact.PHONE,
        contact=conversation.address,
        preferred_date=preferred_date,
        preferred_slot=preferred_slot,
        topic=topic,
    )
    conversation.state = {
        **conversation.state,
        "appointments": [*conversation.state.get("appointments", []), appointment.pk],
    }
    conversation.save(update_fields=["state"])
    return appointment


@transaction.atomic
def handoff_to_consultation(*, user: Actor, handoff: Handoff, consent_given: bool, **fields: Any):
    """A consultation record from a hand-off (channel WhatsApp or phone); consent first."""
    from rumbo.casework.models import Consultation
    from rumbo.casework.services import consultation_create

    _require_point(user=user, handoff=handoff)
    if not consent_given:
        raise ValidationError({"consent_given": _("Ask the person's consent first.")})
    audit_record(
        actor=user,
        action=AuditEntry.Action.UPDATE,
        target=handoff,
        info_point_id=handoff.info_point_id,
        reason="consent to a consultation record",
    )
    whatsapp = handoff.conversation.channel.kind == Channel.Kind.WHATSAPP
    return consultation_create(
        user=user,
        info_point=handoff.info_point,
        date=timezone.localdate(),
        channel=Consultation.Channel.WHATSAPP if whatsapp else Consultation.Channel.SOCIAL,
        consent_given=True,
        **fields,
    )


def handoff_alerts_send(*, now: datetime.datetime | None = None) -> int:
    """Emails the coordinators of each point with a hand-off waiting longer than
    RUMBO_CHAT_HANDOFF_ALERT_MINUTES (once per hand-off). The email names no person."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=settings.RUMBO_CHAT_HANDOFF_ALERT_MINUTES)
    waiting = Handoff.objects.filter(
        status=Handoff.Status.WAITING, alerted_at__isnull=True, created_at__lte=cutoff
    ).select_related("info_point")
    sent = 0
    for handoff in waiting:
        emails = list(
            StaffRole.objects.filter(
                info_point=handoff.info_point_id, role=StaffRole.Role.COORDINATOR
            ).values_list("user__email", flat=True)
        )
        link = settings.RUMBO_PUBLIC_URL + reverse("chat:handoff", kwargs={"pk": handoff.pk})
        if emails:
            send_mail(
                _("A chat is waiting for an answer"),
                _("A person has been waiting since %(since)s at %(point)s: %(link)s")
                % {
                    "since": handoff.created_at.strftime("%H:%M"),
                    "point": handoff.info_point.name,
                    "link": link,
                },
                None,
                [email for email in emails if email],
            )
        Handoff.objects.filter(pk=handoff.pk).update(alerted_at=now)
        sent += 1
    return sent


# Erasure and retention ----------------------------------------------------------------------


@transaction.atomic
def conversation_erase(*, conversation: Conversation, farewell: str) -> None:
    """ "Erase my data", at once: the conversation, its hand-offs and their messages, its
    short links and outgoing messages, the plan it made, and the personal fields of the
    appointments it requested. Only the farewell is sent (then deleted), and the audit log
    keeps that hand-offs were erased (record ids, nothing personal)."""
    now = timezone.now()
    for handoff in conversation.handoffs.all():
        audit_record(
            actor=None,
            action=AuditEntry.Action.ERASE,
            target=handoff,
            info_point_id=handoff.info_point_id,
            reason="erased at the person's request",
        )
    appointment_ids = conversation.state.get("appointments", [])
    for appointment in AppointmentRequest.objects.filter(pk__in=appointment_ids):
        appointment.alias = ""
        appointment.contact = ""
        appointment.personal_data_erased_at = now
        appointment.save(update_fields=["alias", "contact", "personal_data_erased_at"])
        audit_record(
            actor=None,
            action=AuditEntry.Action.ERASE,
            target=appointment,
            info_point_id=appointment.info_point_id,
            reason="erased at the person's request",
        )
    if conversation.state.get("plan"):
        Plan.objects.filter(code=conversation.state["plan"]).delete()
    channel = conversation.channel
    address = conversation.address
    conversation.delete()
    # The farewell goes through a conversation of its own, deleted once sent.
    farewell_conversation = Conversation.objects.create(
        channel=channel,
        address_hash=secrets.token_hex(32),
        address=address,
        step="erased",
        last_inbound_at=now,
    )
    outgoing_enqueue(conversation=farewell_conversation, outbounds=[Outbound(farewell)])


def erased_conversations_delete() -> int:
    """The farewell conversations whose message was sent (or failed for good)."""
    done = Conversation.objects.filter(step="erased").exclude(
        outgoing__status__in=[OutgoingMessage.Status.PENDING, OutgoingMessage.Status.SENDING]
    )
    deleted, _by_model = done.delete()
    return deleted


def chat_purge(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Retention: hand-offs idle for RUMBO_RETENTION_MONTHS lose their messages and are
    deleted; conversations idle for RUMBO_PLAN_MAX_AGE_DAYS are deleted (address included);
    message ids and sent-message statuses go after a week."""
    now = now or timezone.now()
    months = datetime.timedelta(days=round(30.44 * settings.RUMBO_RETENTION_MONTHS))
    counts = {}
    with transaction.atomic():
        stale = list(Handoff.objects.filter(last_activity_at__lt=now - months))
        for handoff in stale:
            audit_record(
                actor=None,
                action=AuditEntry.Action.PURGE,
                target=handoff,
                info_point_id=handoff.info_point_id,
            )
        counts["handoffs"] = Handoff.objects.filter(pk__in=[h.pk for h in stale]).delete()[0]
    idle = now - datetime.timedelta(days=settings.RUMBO_PLAN_MAX_AGE_DAYS)
    counts["conversations"] = (
        Conversation.objects.filter(updated_at__lt=idle)
        .exclude(handoffs__status__in=[Handoff.Status.WAITING, Handoff.Status.ANSWERED])
        .delete()[0]
    )
    counts["received"] = ReceivedMessage.objects.filter(
        received_at__lt=now - RECEIVED_KEPT
    ).delete()[0]
    counts["sent"] = OutgoingMessage.objects.filter(
        sent_at__lt=now - SENT_KEPT, status__in=["sent", "delivered", "read", "failed"]
    ).delete()[0]
    counts["farewells"] = erased_conversations_delete()
    return counts
