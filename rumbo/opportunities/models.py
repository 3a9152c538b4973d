"""Local opportunities: learning, work and entrepreneurship programmes offered where people
live, by partner organisations, as an alternative to irregular migration.

Texts are translated per field with django-modeltranslation (translation.py). Who may take
part is data: age limits and the targeted sex and schooling are columns (the public list
filters on them in the database), and any further condition is an `OpportunityRule` in the
shape of the guides' eligibility rules, evaluated by the guides' engine
(rumbo.guides.eligibility; see selectors.opportunity_unmet_conditions).
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rumbo.core.models import Country, DemoMarked, Organisation, Place
from rumbo.core.validators import WebURLField
from rumbo.guides.models import Document, EligibilityRule
from rumbo.infopoints.models import InfoPoint, validate_language_code, validate_phone_number

MAX_AGE = 120


class Opportunity(DemoMarked):
    class Kind(models.TextChoices):
        LEARNING = "learning", _("Learning")
        WORK = "work", _("Work")
        ENTREPRENEURSHIP = "entrepreneurship", _("Entrepreneurship")

    class Subkind(models.TextChoices):
        SCHOLARSHIP = "scholarship", _("Scholarship")
        VOCATIONAL_COURSE = "vocational_course", _("Vocational course")
        SCHOOL_PROGRAMME = "school_programme", _("School programme")
        JOB_OFFER = "job_offer", _("Job offer")
        EMPLOYMENT_PROGRAMME = "employment_programme", _("Employment programme")
        APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
        INTERNSHIP = "internship", _("Internship")
        SEED_CAPITAL = "seed_capital", _("Seed capital")
        TRAINING = "training", _("Business training")
        MENTORING = "mentoring", _("Mentoring")
        CREDIT = "credit", _("Credit")

    class Sex(models.TextChoices):
        ANY = "any", _("Everyone")
        WOMEN = "women", _("Women")
        MEN = "men", _("Men")

    class Schooling(models.TextChoices):
        # In increasing order: a level includes the ones before it.
        NONE = "none", _("No schooling required")
        PRIMARY = "primary", _("Primary school")
        LOWER_SECONDARY = "lower_secondary", _("Lower secondary school")
        UPPER_SECONDARY = "upper_secondary", _("Upper secondary school")
        HIGHER = "higher", _("Higher education")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    subkind = models.CharField(_("type"), max_length=20, choices=Subkind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("short description"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    provider = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="opportunities",
        verbose_name=_("provider"),
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="opportunities", verbose_name=_("country")
    )
    places = models.ManyToManyField(
        Place,
        blank=True,
        related_name="opportunities",
        verbose_name=_("places served"),
        help_text=_("Empty when the opportunity is offered throughout the country."),
    )
    is_online = models.BooleanField(_("online"), default=False)
    age_min = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(MAX_AGE)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MaxValueValidator(MAX_AGE)]
    )
    sex = models.CharField(
        _("for"), max_length=5, choices=Sex.choices, default=Sex.ANY, help_text=_("Who it targets.")
    )
    schooling = models.CharField(
        _("schooling required"), max_length=16, choices=Schooling.choices, default=Schooling.NONE
    )
    documents = models.ManyToManyField(
        Document, blank=True, related_name="opportunities", verbose_name=_("documents needed")
    )
    is_free = models.BooleanField(_("free"), default=True)
    cost = models.CharField(
        _("cost"), max_length=200, blank=True, help_text=_("What it costs when it is not free.")
    )
    stipend = models.CharField(
        _("stipend"),
        max_length=200,
        blank=True,
        help_text=_("Money or support the participant receives, e.g. a monthly grant."),
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    application_deadline = models.DateField(_("application deadline"), null=True, blank=True)
    apply_url = WebURLField(_("application page"), max_length=500, blank=True)
    apply_phone = models.CharField(
        _("phone"), max_length=20, blank=True, validators=[validate_phone_number]
    )
    apply_whatsapp = models.CharField(
        _("WhatsApp"), max_length=20, blank=True, validators=[validate_phone_number]
    )
    apply_info_point = models.ForeignKey(
        InfoPoint,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("information point that takes applications"),
    )
    how_to_apply = models.TextField(
        _("how to apply"), blank=True, help_text=_("Steps or advice beyond the ways to apply.")
    )
    status = models.CharField(
        _("status"), max_length=9, choices=Status.choices, default=Status.DRAFT
    )
    # Reset when the provider confirms the record is still current (a signed link, or the
    # partner's own page); public lists drop records not confirmed within CONFIRM_VALID_DAYS.
    confirmed_on = models.DateField(_("last confirmed"), default=timezone.localdate)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["application_deadline", "pk"]
        # The public list always filters on status and on the deadline and end date, then
        # on what the visitor chose (selectors.opportunity_search).
        indexes = [
            models.Index(
                fields=["status", "country", "kind", "application_deadline"],
                name="opportunity_public_country",
            ),
            models.Index(fields=["status", "application_deadline"], name="opportunity_deadline"),
            models.Index(fields=["status", "ends_on"], name="opportunity_ends_on"),
            models.Index(fields=["age_min", "age_max"], name="opportunity_age"),
            models.Index(fields=["is_free"], name="opportunity_free"),
            models.Index(fields=["is_online"], name="opportunity_online"),
            models.Index(fields=["updated_at"], name="opportunity_updated"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_min__isnull=True)
                | models.Q(age_max__isnull=True)
                | models.Q(age_min__lte=models.F("age_max")),
                name="opportunity_age_range_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("opportunities:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.kind and self.subkind and self.subkind not in SUBKINDS[self.kind]:
            errors["subkind"] = _("This type does not belong to the kind chosen.")
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            errors["age_max"] = _("The maximum age must not be below the minimum age.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end date must not be before the start date.")
        if self.application_deadline and self.ends_on and self.application_deadline > self.ends_on:
            errors["application_deadline"] = _(
                "The application deadline must not be after the end date."
            )
        if not self.is_free and not self.cost:
            errors["cost"] = _("Say what it costs, or mark it as free.")
        if self.status == self.Status.PUBLISHED and not self.has_way_to_apply:
            errors["apply_url"] = _(
                "Give at least one way to apply (page, phone, WhatsApp or information point) "
                "before publishing."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def has_way_to_apply(self) -> bool:
        return bool(
            self.apply_url or self.apply_phone or self.apply_whatsapp or self.apply_info_point_id
        )

    @property
    def whatsapp_url(self) -> str:
        # wa.me wants the international number without "+".
        return f"https://wa.me/{self.apply_whatsapp.removeprefix('+')}"


# Which types belong to each kind (Opportunity.clean checks it).
SUBKINDS: dict[str, frozenset[str]] = {
    Opportunity.Kind.LEARNING: frozenset(
        {
            Opportunity.Subkind.SCHOLARSHIP,
            Opportunity.Subkind.VOCATIONAL_COURSE,
            Opportunity.Subkind.SCHOOL_PROGRAMME,
        }
    ),
    Opportunity.Kind.WORK: frozenset(
        {
            Opportunity.Subkind.JOB_OFFER,
            Opportunity.Subkind.EMPLOYMENT_PROGRAMME,
            Opportunity.Subkind.APPRENTICESHIP,
            Opportunity.Subkind.INTERNSHIP,
        }
    ),
    Opportunity.Kind.ENTREPRENEURSHIP: frozenset(
        {
            Opportunity.Subkind.SEED_CAPITAL,
            Opportunity.Subkind.TRAINING,
            Opportunity.Subkind.MENTORING,
            Opportunity.Subkind.CREDIT,
        }
    ),
}


class OpportunityRule(models.Model):
    """A further condition to take part, in the shape of the guides' EligibilityRule (same
    facts, operators and meaning) and evaluated by the same engine. Age limits are not rules
    here: they are the opportunity's own columns, so the list can filter on them."""

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="rules", verbose_name=_("opportunity")
    )
    fact = models.CharField(_("fact"), max_length=25, choices=EligibilityRule.Fact.choices)
    operator = models.CharField(
        _("operator"), max_length=8, choices=EligibilityRule.Operator.choices
    )
    value = models.CharField(_("value"), max_length=200, blank=True)
    requires_answer = models.BooleanField(_("requires an answer"), default=False)
    unmet_message = models.CharField(_("message when not met"), max_length=250)

    class Meta:
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")
        ordering = ["opportunity", "pk"]

    def __str__(self) -> str:
        return f"{self.get_fact_display()} {self.get_operator_display()} {self.value}".strip()

    def as_engine_rule(self) -> EligibilityRule:
        """This rule as the guides' engine reads it (an unsaved EligibilityRule)."""
        return EligibilityRule(
            fact=self.fact,
            operator=self.operator,
            value=self.value,
            requires_answer=self.requires_answer,
        )

    def clean(self) -> None:
        # The guides' own checks: one definition of a well-formed rule.
        self.as_engine_rule().clean()
        if self.fact == EligibilityRule.Fact.AGE:
            raise ValidationError(
                {"fact": _("Give age limits in the opportunity's minimum and maximum age.")}
            )


class OpportunityLanguage(models.Model):
    opportunity = models.ForeignKey(
        Opportunity,
        on_delete=models.CASCADE,
        related_name="languages",
        verbose_name=_("opportunity"),
    )
    code = models.CharField(_("ISO 639-3 code"), max_length=3, validators=[validate_language_code])

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "code"], name="opportunity_language_once"
            )
        ]
        # The list's language filter looks up (code, opportunity).
        indexes = [models.Index(fields=["code", "opportunity"], name="opportunity_language_code")]

    def __str__(self) -> str:
        return self.code


# A record not confirmed by its provider for this many days leaves the public lists.
CONFIRM_VALID_DAYS = 180


class PartnerMembership(models.Model):
    """A partner account: a user who keeps the records of one organisation. Holding one is a
    power (rumbo.accounts.permissions), so the account logs in with a second factor."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="partner_memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="partner_memberships",
        verbose_name=_("organisation"),
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("partner account")
        verbose_name_plural = _("partner accounts")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="partner_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation}"


class OpportunityRevision(models.Model):
    """A partner's proposed creation of, or change to, an opportunity. The live record stays
    as it is until a moderator approves; `data` holds only the fields the partner may edit,
    as JSON values (dates in ISO form), translated texts under their language's column name
    (`title_en`)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    opportunity = models.ForeignKey(
        Opportunity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("opportunity"),
        help_text=_("Empty for a proposed new opportunity."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="opportunity_revisions",
        verbose_name=_("organisation"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    data = models.JSONField(_("proposed values"))
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(_("reason for rejection"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="revision_queue")]

    def __str__(self) -> str:
        return str(self.data.get("slug") or self.opportunity or self.pk)


class Correction(models.Model):
    """A visitor's report that something on a public opportunity is wrong. Anonymous: no
    personal data is asked for, and none is stored (not even the address it came from)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")
        DISMISSED = "dismissed", _("Dismissed")

    opportunity = models.ForeignKey(
        Opportunity,
        on_delete=models.CASCADE,
        related_name="corrections",
        verbose_name=_("opportunity"),
    )
    what_is_wrong = models.TextField(_("what is wrong"), max_length=2000)
    correct_value = models.CharField(_("the correct information"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=9, choices=Status.choices, default=Status.OPEN
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("suggested correction")
        verbose_name_plural = _("suggested corrections")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="correction_queue")]

    def __str__(self) -> str:
        return self.what_is_wrong[:60]
