from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Who did what to which record holding personal data, when, and why for exports.

    Entries name records by type and id, never by content, so the log itself carries no
    personal data. They are written by services in the same transaction as the act.
    """

    class Action(models.TextChoices):
        READ = "read", _("Read")
        CREATE = "create", _("Created")
        UPDATE = "update", _("Changed")
        EXPORT = "export", _("Exported")
        ERASE = "erase", _("Erased")
        PURGE = "purge", _("Erased by retention")
        REKEY = "rekey", _("Re-encrypted")
        LOGIN = "login", _("Logged in")
        TOTP_ENROL = "totp_enrol", _("Second factor enrolled")
        TOTP_RESET = "totp_reset", _("Second factor replaced")
        REVOKE = "revoke", _("Revoked")

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
        help_text=_("Empty for the system (scheduled tasks, commands)."),
    )
    action = models.CharField(_("what"), max_length=10, choices=Action.choices)
    target_type = models.CharField(_("record type"), max_length=60)
    target_id = models.CharField(_("record"), max_length=40, blank=True)
    info_point_id = models.BigIntegerField(_("information point"), null=True, blank=True)
    reason = models.CharField(_("why"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_type} {self.target_id}"
