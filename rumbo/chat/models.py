"""Chat channels: the channels configured in the admin, the conversations on them, hand-offs
to information-point staff, and the few rows that make delivery reliable.

What is kept, and for how long (docs/security.md, "Chat"): a conversation holds the
person's address on the channel (encrypted, found by a keyed hash), their language and the
current step only, never what they wrote; a hand-off keeps its messages encrypted until it
is closed and the retention period passes. Outgoing messages are kept (encrypted) only
until the provider accepted them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rumbo.casework.fields import EncryptedTextField
from rumbo.chat.texts import DEFAULTS
from rumbo.core.models import DemoMarked


class Channel(DemoMarked):
    """One number or bot. Credentials come from the environment, named by `credentials`."""

    class Kind(models.TextChoices):
        WHATSAPP = "whatsapp", _("WhatsApp Business (Cloud API)")
        TELEGRAM = "telegram", _("Telegram bot")
        SMS = "sms", _("SMS (Twilio)")
        SIMULATOR = "simulator", _("Simulator (staff only)")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    slug = models.SlugField(
        _("identifier"),
        max_length=40,
        unique=True,
        help_text=_("Part of the webhook address: /chat/hooks/<identifier>/."),
    )
    name = models.CharField(_("name"), max_length=100)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chat_channels",
        verbose_name=_("campaign"),
    )
    account = models.CharField(
        _("account"),
        max_length=64,
        blank=True,
        help_text=_("WhatsApp: the phone number id; SMS: the Twilio account SID; Telegram: empty."),
    )
    sender = models.CharField(
        _("sender"),
        max_length=40,
        blank=True,
        help_text=_("SMS: the number messages are sent from (E.164, e.g. +50499990000)."),
    )
    credentials = models.CharField(
        _("credentials name"),
        max_length=40,
        blank=True,
        help_text=_(
            "Secrets are read from RUMBO_CHAT_SECRET_<name>_TOKEN and the like "
            "(see docs/channels.md)."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("chat channel")
        verbose_name_plural = _("chat channels")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def secret(self, item: str) -> str:
        """One of this channel's secrets from the environment ("" when not configured)."""
        if not self.credentials:
            return ""
        return settings.RUMBO_CHAT_SECRETS.get(f"{self.credentials.upper()}_{item}", "")


class Conversation(models.Model):
    """One person on one channel. `step` and `state` hold only what the current step needs."""

    channel = models.ForeignKey(
        Channel, on_delete=models.CASCADE, related_name="conversations", verbose_name=_("channel")
    )
    address_hash = models.CharField(_("address look-up hash"), max_length=64)
    address = EncryptedTextField(_("address on the channel"), max_length=200)
    language = models.CharField(_("language"), max_length=8, default="es")
    step = models.CharField(_("step"), max_length=30, default="start")
    state = models.JSONField(_("state of the step"), default=dict, blank=True)
    # The provider's time of the last message handled, to recognise late deliveries.
    last_inbound_at = models.DateTimeField(_("last message received"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "address_hash"], name="chat_conversation_unique_address"
            )
        ]

    def __str__(self) -> str:
        return f"{self.channel} #{self.pk}"


class Handoff(models.Model):
    """A conversation put in the inbox of an information point's staff."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for an answer")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.CASCADE,
        related_name="handoffs",
        verbose_name=_("conversation"),
    )
    info_point = models.ForeignKey(
        "infopoints.InfoPoint",
        on_delete=models.CASCADE,
        related_name="chat_handoffs",
        verbose_name=_("information point"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    reason = models.CharField(_("reason"), max_length=20, default="asked")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    answered_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    alerted_at = models.DateTimeField(_("coordinator alerted"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("hand-off")
        verbose_name_plural = _("hand-offs")
        ordering = ["-last_activity_at", "-pk"]
        indexes = [
            models.Index(fields=["info_point", "status"], name="chat_handoff_point_status"),
            models.Index(fields=["status", "created_at"], name="chat_handoff_status_created"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk}"


class HandoffMessage(models.Model):
    class Direction(models.TextChoices):
        IN = "in", _("From the person")
        OUT = "out", _("From staff")

    handoff = models.ForeignKey(
        Handoff, on_delete=models.CASCADE, related_name="messages", verbose_name=_("hand-off")
    )
    direction = models.CharField(_("direction"), max_length=3, choices=Direction.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = EncryptedTextField(_("message"), max_length=4096)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("hand-off message")
        verbose_name_plural = _("hand-off messages")
        ordering = ["sent_at", "pk"]

    def __str__(self) -> str:
        return f"{self.handoff} {self.direction}"


class ReceivedMessage(models.Model):
    """A provider's message id seen once (as a keyed hash): a redelivery is handled once."""

    channel = models.ForeignKey(
        Channel, on_delete=models.CASCADE, related_name="+", verbose_name=_("channel")
    )
    provider_id_hash = models.CharField(_("message id hash"), max_length=64)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("received message")
        verbose_name_plural = _("received messages")
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "provider_id_hash"], name="chat_received_unique_id"
            )
        ]

    def __str__(self) -> str:
        return self.provider_id_hash[:8]


class OutgoingMessage(models.Model):
    """A message waiting to be sent, kept until the provider accepted it; then its payload is
    emptied and only the provider's id and status stay, for the delivery callbacks."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Accepted by the provider")
        DELIVERED = "delivered", _("Delivered")
        READ = "read", _("Read")
        FAILED = "failed", _("Failed")

    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.CASCADE,
        related_name="outgoing",
        verbose_name=_("conversation"),
    )
    payload = EncryptedTextField(_("payload"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    provider_id = models.CharField(_("provider message id"), max_length=128, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["provider_id"], name="chat_outgoing_provider_id")]

    def __str__(self) -> str:
        return f"{self.conversation_id}:{self.pk}"


class ShortLink(models.Model):
    """A short address for a link sent by SMS (Rumbo's own, under /chat/l/)."""

    code = models.CharField(_("code"), max_length=12, unique=True)
    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.CASCADE,
        related_name="short_links",
        verbose_name=_("conversation"),
    )
    target = EncryptedTextField(_("target"), max_length=500)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("short link")
        verbose_name_plural = _("short links")

    def __str__(self) -> str:
        return self.code


class ChatText(models.Model):
    """A text the chat sends, edited as content; an empty language falls back to the default
    shipped in rumbo/chat/texts.py."""

    key = models.SlugField(
        _("key"), max_length=40, unique=True, choices=[(key, key) for key in DEFAULTS]
    )
    text = models.TextField(_("text"), max_length=1000, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("chat text")
        verbose_name_plural = _("chat texts")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class DailyCount(models.Model):
    """Aggregate counts only: conversations started, plans made and hand-offs, per day,
    channel kind and campaign. Nothing here points to a person."""

    class Metric(models.TextChoices):
        CONVERSATIONS = "conversations", _("Conversations started")
        PLANS = "plans", _("Plans made")
        HANDOFFS = "handoffs", _("Hand-offs")

    day = models.DateField(_("day"))
    channel_kind = models.CharField(_("channel"), max_length=10, choices=Channel.Kind.choices)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("campaign"),
    )
    metric = models.CharField(_("metric"), max_length=15, choices=Metric.choices)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("daily chat count")
        verbose_name_plural = _("daily chat counts")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "channel_kind", "campaign", "metric"],
                name="chat_daily_count_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.metric} {self.count}"
