"""Casework: staff roles, appointment requests, consultations and referrals.

Personal data (aliases, contact details, notes) lives only in EncryptedTextField columns,
so a copy of the database alone reveals none of it. Everything else is categorical and
feeds the aggregate reports, which survive the erasure of the personal fields.
"""

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rumbo.casework.fields import EncryptedTextField
from rumbo.core.models import Country, DemoMarked, Organisation

# The consent text shown to the person; its version is stored with each consent.
CONSENT_VERSION = "2026-11"

# Bounds on what a person can type: generous for real use, far below what would bloat the
# database or a page (an alias is a name; notes are a few paragraphs).
ALIAS_MAX_LENGTH = 200
CONTACT_MAX_LENGTH = 200
NOTES_MAX_LENGTH = 10_000
# Rumbo's records start long after this; a date before it is a typing mistake.
EARLIEST_CONSULTATION_DATE = datetime.date(2000, 1, 1)
FOLLOW_UP_MAX_DAYS = 2 * 366


class StaffRole(DemoMarked):
    """One role of one staff member: per point (advisor, coordinator), per country
    (country manager) or regional (administrator, auditor)."""

    class Role(models.TextChoices):
        ADVISOR = "advisor", _("Advisor")
        COORDINATOR = "coordinator", _("Coordinator")
        COUNTRY_MANAGER = "country_manager", _("Country manager")
        ADMINISTRATOR = "administrator", _("Regional administrator")
        AUDITOR = "auditor", _("Auditor")

    POINT_ROLES = (Role.ADVISOR, Role.COORDINATOR)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_roles",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    info_point = models.ForeignKey(
        "infopoints.InfoPoint",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="staff_roles",
        verbose_name=_("information point"),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )

    class Meta:
        verbose_name = _("staff role")
        verbose_name_plural = _("staff roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "info_point", "country"], name="staff_role_unique"
            ),
            # A point role names its point, a country role its country, a regional role neither.
            models.CheckConstraint(
                condition=(
                    models.Q(
                        role__in=["advisor", "coordinator"],
                        info_point__isnull=False,
                        country__isnull=True,
                    )
                    | models.Q(
                        role="country_manager", info_point__isnull=True, country__isnull=False
                    )
                    | models.Q(
                        role__in=["administrator", "auditor"],
                        info_point__isnull=True,
                        country__isnull=True,
                    )
                ),
                name="staff_role_scope",
            ),
        ]

    def __str__(self) -> str:
        scope = self.info_point or self.country or _("region")
        return f"{self.user} · {self.get_role_display()} · {scope}"


class Topic(models.TextChoices):
    PATHWAYS = "pathways", _("Regular pathways")
    DOCUMENTS = "documents", _("Documents")
    OPPORTUNITIES = "opportunities", _("Local opportunities")
    RISKS = "risks", _("Risks of irregular migration")


class PersonalData(DemoMarked):
    """What every record with personal data shares: activity dates that drive retention."""

    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    personal_data_erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    # The encrypted fields, erased together by retention or on the person's request.
    PERSONAL_FIELDS: tuple[str, ...] = ()

    class Meta:
        abstract = True


class AppointmentRequest(PersonalData):
    """A request made on a point's public page, without an account."""

    class Contact(models.TextChoices):
        PHONE = "phone", _("Phone call")
        WHATSAPP = "whatsapp", _("WhatsApp")

    class Slot(models.TextChoices):
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")
        EVENING = "evening", _("Evening")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        SEEN = "seen", _("Seen")
        NO_SHOW = "no_show", _("Did not come")
        CANCELLED = "cancelled", _("Cancelled")

    info_point = models.ForeignKey(
        "infopoints.InfoPoint",
        on_delete=models.CASCADE,
        related_name="appointment_requests",
        verbose_name=_("information point"),
    )
    reference = models.CharField(_("reference code"), max_length=12, unique=True)
    alias = EncryptedTextField(_("name or alias"), max_length=ALIAS_MAX_LENGTH)
    contact_channel = models.CharField(_("contact by"), max_length=10, choices=Contact.choices)
    contact = EncryptedTextField(_("phone number"), max_length=CONTACT_MAX_LENGTH)
    preferred_date = models.DateField(_("preferred day"))
    preferred_slot = models.CharField(_("preferred time"), max_length=10, choices=Slot.choices)
    topic = models.CharField(_("topic"), max_length=15, choices=Topic.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )

    PERSONAL_FIELDS = ("alias", "contact")

    class Meta:
        verbose_name = _("appointment request")
        verbose_name_plural = _("appointment requests")
        ordering = ["preferred_date", "preferred_slot", "created_at"]
        indexes = [
            models.Index(fields=["info_point", "preferred_date"]),
            models.Index(fields=["last_activity_at"]),
        ]

    def __str__(self) -> str:
        return self.reference


class Consultation(PersonalData):
    """One consultation given at a point. Only alias, contact and notes are personal; the
    categorical fields feed the reports and stay after erasure."""

    class Channel(models.TextChoices):
        WALK_IN = "walk_in", _("Walk-in")
        PHONE = "phone", _("Phone")
        WHATSAPP = "whatsapp", _("WhatsApp")
        SOCIAL = "social", _("Social media")

    class AgeBand(models.TextChoices):
        UNDER_15 = "0-14", _("Under 15")
        AGE_15_17 = "15-17", _("15 to 17")
        AGE_18_24 = "18-24", _("18 to 24")
        AGE_25_34 = "25-34", _("25 to 34")
        AGE_35_PLUS = "35+", _("35 or over")
        UNKNOWN = "unknown", _("Not stated")

    class Sex(models.TextChoices):
        FEMALE = "female", _("Woman")
        MALE = "male", _("Man")
        OTHER = "other", _("Another identity")
        UNKNOWN = "unknown", _("Not stated")

    class Situation(models.TextChoices):
        RESIDENT = "resident", _("Resident considering migration")
        TRANSIT = "transit", _("In transit")
        RETURNEE = "returnee", _("Returnee")
        REGULAR = "regular", _("Migrant with regular status")
        IRREGULAR = "irregular", _("Migrant without regular status")
        PROTECTION = "protection", _("Asylum seeker or refugee")
        UNKNOWN = "unknown", _("Not stated")

    class Source(models.TextChoices):
        CAMPAIGN = "campaign", _("A campaign")
        TRACKED_LINK = "link", _("A link or poster (QR code)")
        SOCIAL = "social", _("Social network")
        FRIEND = "friend", _("Friend or family")
        RADIO = "radio", _("Radio")
        TV = "tv", _("Television")
        INSTITUTION = "institution", _("Another institution")
        OTHER = "other", _("Other")

    class Outcome(models.TextChoices):
        INFORMED = "informed", _("Information given")
        REFERRED = "referred", _("Referred")
        FOLLOW_UP = "follow_up", _("Follow-up needed")
        NOT_SERVED = "not_served", _("Could not be helped")

    info_point = models.ForeignKey(
        "infopoints.InfoPoint",
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("information point"),
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("advisor"),
    )
    appointment = models.ForeignKey(
        AppointmentRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name=_("appointment request"),
    )
    date = models.DateField(_("date"))
    # First day of the date's month, kept so monthly reports group on one indexed column.
    month = models.DateField(_("month"), editable=False)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    topic_pathways = models.BooleanField(Topic.PATHWAYS.label, default=False)
    topic_documents = models.BooleanField(Topic.DOCUMENTS.label, default=False)
    topic_opportunities = models.BooleanField(Topic.OPPORTUNITIES.label, default=False)
    topic_risks = models.BooleanField(Topic.RISKS.label, default=False)
    age_band = models.CharField(_("age"), max_length=8, choices=AgeBand.choices)
    sex = models.CharField(_("sex or gender"), max_length=8, choices=Sex.choices)
    nationality = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nationality"),
    )
    situation = models.CharField(_("migration situation"), max_length=12, choices=Situation.choices)
    source = models.CharField(_("heard of us through"), max_length=12, choices=Source.choices)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("campaign"),
    )
    # The tracked link or QR code (poster, radio spot, partner...) the person named, if any;
    # the measurement funnel counts the consultation for that link's campaign.
    tracked_code = models.ForeignKey(
        "measurement.TrackedLink",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tracked link or QR code"),
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    follow_up_on = models.DateField(_("follow-up date"), null=True, blank=True)
    consent_given = models.BooleanField(_("consent given"), default=False)
    consent_version = models.CharField(_("consent text version"), max_length=20, blank=True)
    alias = EncryptedTextField(_("name or alias"), blank=True, max_length=ALIAS_MAX_LENGTH)
    contact = EncryptedTextField(_("contact details"), blank=True, max_length=CONTACT_MAX_LENGTH)
    notes = EncryptedTextField(_("notes"), blank=True, max_length=NOTES_MAX_LENGTH)

    PERSONAL_FIELDS = ("alias", "contact", "notes")
    TOPIC_FIELDS = {
        Topic.PATHWAYS: "topic_pathways",
        Topic.DOCUMENTS: "topic_documents",
        Topic.OPPORTUNITIES: "topic_opportunities",
        Topic.RISKS: "topic_risks",
    }

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["info_point", "-date"], name="consultation_point_date"),
            models.Index(fields=["month", "info_point"], name="consultation_month_point"),
            models.Index(fields=["last_activity_at"], name="consultation_activity"),
        ]

    def __str__(self) -> str:
        return f"{self.date} #{self.pk}"

    def clean(self) -> None:
        # Here rather than in the form, so the service's full_clean() refuses them too.
        errors: dict[str, Any] = {}
        today = timezone.localdate()
        if self.date is not None and not EARLIEST_CONSULTATION_DATE <= self.date <= today:
            errors["date"] = _(
                "The date of the consultation must be between %(earliest)s and today."
            ) % {"earliest": EARLIEST_CONSULTATION_DATE.isoformat()}
        if self.follow_up_on is not None and self.date is not None:
            latest = self.date + datetime.timedelta(days=FOLLOW_UP_MAX_DAYS)
            if not self.date <= self.follow_up_on <= latest:
                errors["follow_up_on"] = _(
                    "The follow-up date must be between the date of the consultation and "
                    "two years after it."
                )
        if errors:
            raise ValidationError(errors)

    def topic_list(self) -> list:
        return [topic.label for topic, field in self.TOPIC_FIELDS.items() if getattr(self, field)]


class Referral(PersonalData):
    """A consultation referred on to another point or a partner organisation. The receiving
    side updates the status; it sees the person's alias and contact only when the person
    consented to them travelling with the referral."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Accepted")
        ATTENDED = "attended", _("Attended")
        CLOSED = "closed", _("Closed")
        NO_SHOW = "no_show", _("Did not come")

    consultation = models.ForeignKey(
        Consultation,
        on_delete=models.CASCADE,
        related_name="referrals",
        verbose_name=_("consultation"),
    )
    from_point = models.ForeignKey(
        "infopoints.InfoPoint",
        on_delete=models.PROTECT,
        related_name="referrals_sent",
        verbose_name=_("from"),
    )
    to_point = models.ForeignKey(
        "infopoints.InfoPoint",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_received",
        verbose_name=_("to information point"),
    )
    to_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("to partner organisation"),
    )
    month = models.DateField(_("month"), editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SENT
    )
    shares_personal_data = models.BooleanField(_("personal data shared"), default=False)
    # Copies made at sending time, only with consent, so the receiving side never reads
    # the sending point's consultation itself.
    shared_alias = EncryptedTextField(_("name or alias"), blank=True, max_length=ALIAS_MAX_LENGTH)
    shared_contact = EncryptedTextField(
        _("contact details"), blank=True, max_length=CONTACT_MAX_LENGTH
    )
    reason = EncryptedTextField(
        _("reason for the referral"), blank=True, max_length=NOTES_MAX_LENGTH
    )
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    PERSONAL_FIELDS = ("shared_alias", "shared_contact", "reason")

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["from_point", "-created_at"], name="referral_from"),
            models.Index(fields=["to_point", "-created_at"], name="referral_to"),
            models.Index(fields=["month", "from_point"], name="referral_month_point"),
            models.Index(fields=["last_activity_at"], name="referral_activity"),
        ]
        constraints = [
            # One destination: who follows the referral up must be unambiguous.
            models.CheckConstraint(
                condition=models.Q(to_point__isnull=False, to_organisation__isnull=True)
                | models.Q(to_point__isnull=True, to_organisation__isnull=False),
                name="referral_one_destination",
                violation_error_message=_(
                    "A referral goes to one information point or one partner organisation: choose one."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} #{self.pk}"
