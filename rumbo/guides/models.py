"""Regular-migration content: pathways, the documents they require and where to obtain them,
and articles on risks and rights. Every text field is translated per language with
django-modeltranslation (see translation.py); every record carries its sources and its
verification state: "not yet verified" until an editor checks it against the cited source
(services.fact_verify, from the admin), then the date, who and which edition of the source."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rumbo.core.models import Country, DemoMarked, Organisation, Place
from rumbo.core.validators import WebURLField


def content_stale_before(*, high_risk: bool = False) -> datetime.date:
    """Records verified before this date may be out of date (RUMBO_CONTENT_MAX_AGE_DAYS, or
    the shorter RUMBO_HIGH_RISK_MAX_AGE_DAYS for high-risk facts)."""
    days = (
        settings.RUMBO_HIGH_RISK_MAX_AGE_DAYS if high_risk else settings.RUMBO_CONTENT_MAX_AGE_DAYS
    )
    return timezone.localdate() - datetime.timedelta(days=days)


def stale_q() -> models.Q:
    """Records due for (re-)verification: never verified, or verified too long ago."""
    return (
        models.Q(last_verified__isnull=True)
        | models.Q(high_risk=False, last_verified__lt=content_stale_before())
        | models.Q(high_risk=True, last_verified__lt=content_stale_before(high_risk=True))
    )


class Source(DemoMarked):
    """An official public source a record was written from."""

    title = models.CharField(_("title"), max_length=250)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    url = WebURLField(_("address"), max_length=500, unique=True)
    # The source's own date or edition, as it gives it: what an editor verifies against.
    published_on = models.DateField(
        _("date of the source"),
        null=True,
        blank=True,
        help_text=_("The date the source itself bears (publication or last update)."),
    )
    edition = models.CharField(
        _("version or reference"),
        max_length=120,
        blank=True,
        help_text=_('E.g. "89 FR 88799" or "DOF, April 2019", when the source has one.'),
    )
    # Empty for content written without consulting the page (the demo, imports).
    accessed_on = models.DateField(_("accessed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["publisher", "title"]

    def __str__(self) -> str:
        return f"{self.publisher}: {self.title}" if self.publisher else self.title


class Verified(DemoMarked):
    """Sources and verification state, shared by every record shown to the public.

    A record is "not yet verified" (last_verified empty) until an editor checks it against
    its sources in the admin (services.fact_verify), which records the date, who, and the
    source's own date or version; nothing else sets these fields."""

    sources = models.ManyToManyField(
        Source, blank=True, related_name="%(class)s_records", verbose_name=_("sources")
    )
    last_verified = models.DateField(_("last verified"), null=True, blank=True, db_index=True)
    reviewer = models.CharField(
        _("reviewed by"),
        max_length=120,
        blank=True,
        help_text=_("Who checked this record against its sources."),
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_against = models.CharField(
        _("source date or version checked"),
        max_length=200,
        blank=True,
        help_text=_("The date or version of the source the editor checked the record against."),
    )
    high_risk = models.BooleanField(
        _("high-risk fact"),
        default=False,
        help_text=_(
            "Concerns minors, asylum or fees: re-verified more often, with its source shown "
            "next to it."
        ),
    )

    class Meta:
        abstract = True

    @property
    def is_verified(self) -> bool:
        return self.last_verified is not None

    @property
    def is_stale(self) -> bool:
        """Never verified, or verified longer ago than its interval allows."""
        if self.last_verified is None:
            return True
        return self.last_verified < content_stale_before(high_risk=self.high_risk)

    @property
    def max_age_days(self) -> int:
        if self.high_risk:
            return settings.RUMBO_HIGH_RISK_MAX_AGE_DAYS
        return settings.RUMBO_CONTENT_MAX_AGE_DAYS


class Money(models.Model):
    """A cost as free text ("Free; 40 USD for express") plus an optional figure to compare."""

    cost = models.CharField(_("cost"), max_length=250, blank=True)
    cost_amount = models.DecimalField(
        _("amount"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    cost_currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, e.g. USD, MXN.")
    )
    processing_time = models.CharField(_("typical processing time"), max_length=250, blank=True)

    class Meta:
        abstract = True


class Document(DemoMarked):
    class Kind(models.TextChoices):
        IDENTITY = "identity", _("Identity document")
        TRAVEL = "travel", _("Travel document")
        CIVIL = "civil", _("Civil registry record")
        POLICE = "police", _("Police or criminal record")
        EDUCATION = "education", _("Education record")
        WORK = "work", _("Work or tax record")
        OTHER = "other", _("Other")

    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("guides:document", kwargs={"slug": self.slug})


class DocumentIssuance(Verified, Money):
    """Where and how a document is obtained in one country."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="issuances", verbose_name=_("document")
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="document_issuances",
        verbose_name=_("country"),
    )
    local_name = models.CharField(
        _("local name"),
        max_length=150,
        blank=True,
        help_text=_("What the document is called in this country, e.g. DPI, DUI, cédula."),
    )
    institution = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="document_issuances",
        verbose_name=_("issuing institution"),
    )
    what_to_bring = models.TextField(_("what to bring"), blank=True)
    official_url = WebURLField(_("official page"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("document issuance")
        verbose_name_plural = _("document issuances")
        ordering = ["country__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "country"], name="guides_issuance_one_per_country"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document} ({self.country.code})"


class Office(models.Model):
    issuance = models.ForeignKey(
        DocumentIssuance,
        on_delete=models.CASCADE,
        related_name="offices",
        verbose_name=_("issuance"),
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        related_name="document_offices",
        limit_choices_to={"kind": Place.Kind.CITY},
        verbose_name=_("municipality or city"),
    )
    # Empty coordinates mean "somewhere in the city": the place's own coordinates are used.
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    opening_notes = models.CharField(_("opening hours and notes"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def coordinates(self) -> tuple[float, float]:
        if self.latitude is not None and self.longitude is not None:
            return self.latitude, self.longitude
        return self.place.latitude, self.place.longitude


class Pathway(Verified, Money):
    """A regular migration channel from some origin countries to one destination."""

    class Kind(models.TextChoices):
        VISITOR = "visitor", _("Visitor visa")
        TEMPORARY_WORK = "temporary_work", _("Temporary work visa or programme")
        SEASONAL_WORK = "seasonal_work", _("Seasonal work programme")
        STUDY = "study", _("Study")
        FAMILY = "family", _("Family reunification")
        ASYLUM = "asylum", _("Asylum or refugee protection")
        HUMANITARIAN = "humanitarian", _("Humanitarian visa")
        FREE_MOBILITY = "free_mobility", _("Regional free mobility")
        REGULARISATION = "regularisation", _("Regularisation in a transit country")

    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices, db_index=True)
    origin_countries = models.ManyToManyField(
        Country,
        related_name="pathways_from",
        verbose_name=_("origin countries"),
        help_text=_("Countries whose people this guide is written for."),
    )
    destination = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="pathways_to",
        verbose_name=_("destination country"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown."))
    documents = models.ManyToManyField(
        Document, blank=True, related_name="pathways", verbose_name=_("required documents")
    )

    class Meta:
        verbose_name = _("pathway")
        verbose_name_plural = _("pathways")
        ordering = ["destination__name", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guides:pathway", kwargs={"slug": self.slug})


class PathwayStep(models.Model):
    pathway = models.ForeignKey(
        Pathway, on_delete=models.CASCADE, related_name="steps", verbose_name=_("pathway")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["pathway", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class EligibilityRule(models.Model):
    """One condition of a pathway, as data; see rumbo.guides.eligibility for its meaning."""

    class Fact(models.TextChoices):
        NATIONALITY = "nationality", _("Nationality (ISO codes)")
        AGE = "age", _("Age in years")
        PURPOSE = "purpose", _("Purpose of the journey")
        JOB_OFFER = "job_offer", _("Has a job offer")
        FAMILY_IN_DESTINATION = "family_in_destination", _("Has family in the destination")
        SCHOOL_ADMISSION = "school_admission", _("Has a school admission")
        DOCUMENT_HELD = "document_held", _("Holds a document (document identifiers)")

    class Operator(models.TextChoices):
        IN = "in", _("is one of (comma-separated)")
        MIN = "min", _("at least")
        MAX = "max", _("at most")
        IS_TRUE = "is_true", _("is yes")

    pathway = models.ForeignKey(
        Pathway, on_delete=models.CASCADE, related_name="rules", verbose_name=_("pathway")
    )
    fact = models.CharField(_("fact"), max_length=25, choices=Fact.choices)
    operator = models.CharField(_("operator"), max_length=8, choices=Operator.choices)
    value = models.CharField(
        _("value"),
        max_length=200,
        blank=True,
        help_text=_('E.g. "HN,GT" for "is one of", "18" for "at least"; empty for "is yes".'),
    )
    requires_answer = models.BooleanField(
        _("requires an answer"),
        default=False,
        help_text=_(
            "When checked, a person who has not answered this question does not fit; "
            "otherwise the pathway is offered and the condition is listed to check."
        ),
    )
    unmet_message = models.CharField(
        _("message when not met"),
        max_length=250,
        help_text=_('Shown to the person, e.g. "Only from 18 years of age".'),
    )

    class Meta:
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")
        ordering = ["pathway", "pk"]

    def __str__(self) -> str:
        return f"{self.get_fact_display()} {self.get_operator_display()} {self.value}".strip()

    def clean(self) -> None:
        from rumbo.guides.eligibility import FACT_OPERATORS

        if self.operator not in FACT_OPERATORS.get(self.fact, ()):
            raise ValidationError({"operator": _("This operator cannot be used with this fact.")})
        if self.operator in (self.Operator.MIN, self.Operator.MAX):
            try:
                int(self.value)
            except ValueError:
                raise ValidationError({"value": _("Enter a whole number.")}) from None
        if self.operator == self.Operator.IN and not self.value.strip():
            raise ValidationError({"value": _("List at least one value, separated by commas.")})


class Article(Verified):
    class Kind(models.TextChoices):
        SMUGGLING = "smuggling", _("Risk: smuggling")
        TRAFFICKING = "trafficking", _("Risk: human trafficking")
        EXTORTION = "extortion", _("Risk: extortion")
        FRAUD = "fraud", _("Risk: fraud")
        REGULAR_IRREGULAR = "regular_irregular", _("Regular or irregular migration")
        RIGHTS = "rights", _("Rights")
        FALSE_OFFERS = "false_offers", _("False offers")

    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    body = models.TextField(_("body"), help_text=_("Markdown."))
    countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="guide_articles",
        verbose_name=_("countries"),
        help_text=_("Empty when the article applies everywhere."),
    )

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guides:article", kwargs={"slug": self.slug})


class SearchTerm(models.Model):
    """One folded, stemmed word of a record in one language, for search that behaves the same
    on SQLite and PostgreSQL. Rebuilt by services.search_index_update on every write."""

    class Record(models.TextChoices):
        PATHWAY = "pathway", _("Pathway")
        DOCUMENT = "document", _("Document")
        ARTICLE = "article", _("Article")

    language = models.CharField(max_length=5)
    term = models.CharField(max_length=60)
    # The term without its first letter, so a typo in the first letter still finds it.
    tail = models.CharField(max_length=60, default="")
    record = models.CharField(max_length=10, choices=Record.choices)
    record_id = models.PositiveBigIntegerField()
    # 3 for a word of the title, 2 of the summary or name, 1 of the body.
    weight = models.PositiveSmallIntegerField(default=1)

    class Meta:
        indexes = [
            models.Index(fields=["language", "term"]),
            models.Index(fields=["language", "tail"]),
            models.Index(fields=["record", "record_id"]),
        ]

    def __str__(self) -> str:
        return self.term


class LinkCheck(models.Model):
    """The last check of one official address cited by the content (rumbo.guides.links)."""

    class Outcome(models.TextChoices):
        OK = "ok", _("Works")
        MOVED = "moved", _("Moved (redirects elsewhere)")
        BROKEN = "broken", _("Broken (error answer)")
        UNREACHABLE = "unreachable", _("Unreachable (timeout or network error)")

    url = WebURLField(_("address"), max_length=500, unique=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    final_url = WebURLField(_("final address"), max_length=2000, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    checked_at = models.DateTimeField(_("checked at"), db_index=True)

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")
        ordering = ["outcome", "url"]

    def __str__(self) -> str:
        return f"{self.url} ({self.get_outcome_display()})"

    @property
    def needs_review(self) -> bool:
        return self.outcome != self.Outcome.OK
