"""Reads of the chat. Hand-offs hold personal data: only the staff of their point see them,
and every read of one is audited."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q, QuerySet, Sum

from rumbo.audit.models import AuditEntry
from rumbo.audit.services import audit_record
from rumbo.casework.permissions import NOTHING, Actor, staff_scope
from rumbo.chat.models import Channel, DailyCount, Handoff, ShortLink

INBOX_SIZE = 50


def handoff_readable_by_user_filter(user: Actor) -> Q:
    points = staff_scope(user).point_ids
    return Q(info_point_id__in=points) if points else NOTHING


def handoff_list(*, user: Actor) -> QuerySet[Handoff]:
    """The inbox: waiting first, then answered, then recently closed; no message read."""
    return (
        Handoff.objects.filter(handoff_readable_by_user_filter(user))
        .select_related("info_point", "conversation__channel")
        .order_by("status", "-last_activity_at")[:INBOX_SIZE]
    )


@transaction.atomic
def handoff_read(*, user: Actor, pk: int) -> Handoff:
    """One hand-off with its messages (decrypted when read), audited; Handoff.DoesNotExist
    for another point's hand-off, as for a missing one."""
    handoff = (
        Handoff.objects.filter(handoff_readable_by_user_filter(user))
        .select_related("info_point", "conversation__channel")
        .prefetch_related("messages__author")
        .get(pk=pk)
    )
    audit_record(
        actor=user,
        action=AuditEntry.Action.READ,
        target=handoff,
        info_point_id=handoff.info_point_id,
    )
    return handoff


def handoff_summary(*, user: Actor, pk: int) -> Handoff | None:
    """The hand-off's point and status, none of its messages: not audited, as nothing
    personal is read (the page of a refused form shows only this)."""
    return (
        Handoff.objects.filter(handoff_readable_by_user_filter(user), pk=pk)
        .select_related("info_point", "conversation__channel")
        .defer("conversation__address")
        .first()
    )


def short_link_target(*, code: str) -> str | None:
    link = ShortLink.objects.filter(code=code[:12]).first()
    return link.target if link else None


def channel_by_slug(*, slug: str) -> Channel | None:
    return Channel.objects.filter(slug=slug[:40], is_active=True).first()


def channel_for_whatsapp_number(*, channel: Channel, phone_number_id: str) -> Channel:
    """Meta sends every number of an app to one webhook: the number's own channel (with
    its campaign), when one is configured, else the channel of the address called."""
    if not phone_number_id or phone_number_id == channel.account:
        return channel
    other = Channel.objects.filter(
        kind=Channel.Kind.WHATSAPP, account=phone_number_id, is_active=True
    ).first()
    return other or channel


def chat_counts(*, since: datetime.date) -> dict[tuple[str, str], int]:
    """Aggregate counts since a day, by (channel kind, metric): for campaign measurement."""
    rows = (
        DailyCount.objects.filter(day__gte=since)
        .values("channel_kind", "metric")
        .annotate(total=Sum("count"))
    )
    return {(row["channel_kind"], row["metric"]): row["total"] for row in rows}
