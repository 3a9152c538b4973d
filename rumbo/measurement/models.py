"""Campaign measurement that tracks no one.

Nothing here names, follows or can single out a person: every row is a daily count for a
site (a campaign, or the regional site), never a visit, a visitor or a request. What is
counted, and what is never stored, is written down in docs/security.md ("Measurement").
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rumbo.core.models import DemoMarked, Organisation
from rumbo.measurement.targets import target_validator

# The regional site (no campaign) in the `site` column of the daily counts.
REGIONAL = ""


class TrackedLink(DemoMarked):
    """A short address (/go/<code>) printed on a poster, read on the radio or posted on a
    channel. Its clicks are counted under the link, so changing the target keeps them."""

    class Kind(models.TextChoices):
        CAMPAIGN = "campaign", _("Campaign")
        CHANNEL = "channel", _("Social channel")
        POST = "post", _("Post")
        POSTER = "poster", _("Poster")
        RADIO = "radio", _("Radio spot")
        PARTNER = "partner", _("Partner")

    code = models.SlugField(
        _("code"),
        max_length=24,
        unique=True,
        help_text=_("The part after /go/; letters, digits and hyphens. It cannot change."),
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="tracked_links",
        verbose_name=_("campaign"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    label = models.CharField(_("label"), max_length=120)
    partner = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner"),
    )
    target = models.CharField(
        _("target"),
        max_length=500,
        validators=[target_validator],
        help_text=_(
            "A page of this site (/plan/...) or, for an address of one of the allowed "
            "hosts, a full https:// address."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("tracked link")
        verbose_name_plural = _("tracked links")
        ordering = ["campaign__name", "code"]

    def __str__(self) -> str:
        return f"/go/{self.code}"


class DailyCount(DemoMarked):
    """One count of one day: page views by page kind, visits by source, views by device
    class, funnel steps and tracked-link clicks, each for one site and country. Each
    dimension is counted on its own (never crossed with another), so a rare combination
    cannot describe one visitor."""

    class Metric(models.TextChoices):
        VIEW = "view", _("Page views")
        VISIT = "visit", _("Visits by source")
        DEVICE = "device", _("Page views by device")
        FUNNEL = "funnel", _("Funnel")
        CLICK = "click", _("Tracked link clicks")

    day = models.DateField(_("day"))
    # A campaign's slug, or "" for the regional site.
    site = models.CharField(_("site"), max_length=60, blank=True)
    # ISO 3166 code of the country (of the campaign, or of the record counted); "" unknown.
    country = models.CharField(_("country"), max_length=2, blank=True)
    metric = models.CharField(_("metric"), max_length=8, choices=Metric.choices)
    key = models.CharField(_("key"), max_length=120)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("daily count")
        verbose_name_plural = _("daily counts")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "site", "country", "metric", "key"], name="daily_count_unique"
            )
        ]
        indexes = [models.Index(fields=["site", "day"], name="daily_count_site_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.site or '-'} {self.metric}:{self.key} = {self.count}"


class MonthlyCount(DemoMarked):
    """The daily counts summed by month, written with them (rumbo.measurement.counters), so
    that a dashboard over years reads months, not every day."""

    month = models.DateField(_("month"))
    site = models.CharField(_("site"), max_length=60, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    metric = models.CharField(_("metric"), max_length=8, choices=DailyCount.Metric.choices)
    key = models.CharField(_("key"), max_length=120)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("monthly count")
        verbose_name_plural = _("monthly counts")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "site", "country", "metric", "key"], name="monthly_count_unique"
            )
        ]
        indexes = [models.Index(fields=["site", "month"], name="monthly_count_site_month")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.site or '-'} {self.metric}:{self.key} = {self.count}"


class SocialResult(DemoMarked):
    """Reach, impressions and engagement of one social media post on one day, imported
    from the platform's export. (platform, post_id, day) is the natural key, so importing
    the same file twice changes nothing."""

    class Platform(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        X = "x", "X (Twitter)"
        TIKTOK = "tiktok", "TikTok"
        YOUTUBE = "youtube", "YouTube"
        OTHER = "other", _("Other")

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        on_delete=models.CASCADE,
        related_name="social_results",
        verbose_name=_("campaign"),
    )
    platform = models.CharField(_("platform"), max_length=10, choices=Platform.choices)
    post_id = models.CharField(_("post identifier"), max_length=100)
    day = models.DateField(_("day"))
    reach = models.PositiveIntegerField(_("reach"), default=0)
    impressions = models.PositiveIntegerField(_("impressions"), default=0)
    engagements = models.PositiveIntegerField(_("engagements"), default=0)

    class Meta:
        verbose_name = _("social media result")
        verbose_name_plural = _("social media results")
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "post_id", "day"], name="social_result_natural_key"
            )
        ]
        indexes = [models.Index(fields=["campaign", "day"], name="social_result_campaign_day")]

    def __str__(self) -> str:
        return f"{self.get_platform_display()} {self.post_id} {self.day}"


class Indicator(DemoMarked):
    """An indicator the instance reports to its donors: a funnel step or reach, with the
    target agreed for a programme."""

    class Measure(models.TextChoices):
        REACH = "reach", _("People reached on social media")
        VISITS = "visits", _("Web visits")
        STARTED = "started", _("Questionnaires started")
        PLANS = "plans", _("Plans created")
        APPOINTMENTS = "appointments", _("Appointment requests")
        CONSULTATIONS = "consultations", _("Consultations")
        REFERRALS = "referrals", _("Referrals made")
        ENROLMENTS = "enrolments", _("E-Campus enrolments")
        COMPLETIONS = "completions", _("Course completions")

    name = models.CharField(_("name"), max_length=200)
    programme = models.CharField(
        _("programme"), max_length=200, blank=True, help_text=_("Empty: every programme.")
    )
    measure = models.CharField(_("measure"), max_length=14, choices=Measure.choices)
    target = models.PositiveIntegerField(_("target"), null=True, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["programme", "name"]

    def __str__(self) -> str:
        return self.name


class DonorReport(models.Model):
    """A donor report built in the background; its files are kept for download."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    job = models.OneToOneField(
        "core.Job", on_delete=models.CASCADE, related_name="+", verbose_name=_("job")
    )
    programme = models.CharField(_("programme"), max_length=200, blank=True)
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"))
    language = models.CharField(_("language"), max_length=8)
    pdf = models.BinaryField(_("PDF"), null=True, blank=True)
    xlsx = models.BinaryField(_("spreadsheet"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("donor report")
        verbose_name_plural = _("donor reports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.programme or '-'} {self.date_from}–{self.date_to}"
