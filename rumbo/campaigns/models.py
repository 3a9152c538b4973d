from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rumbo.core.models import Country, DemoMarked, Organisation
from rumbo.core.validators import WebURLField

hex_colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # and six hexadecimal digits, like #1a5e9c.")
)
# Words the regional pages use under /campaigns/, so no campaign may take them as its slug.
RESERVED_SLUGS = {"news", "feed", "press", "programmes", "manage", "c"}


def validate_campaign_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This identifier is reserved for the regional pages."))


class Programme(DemoMarked):
    """The programme several campaigns belong to (a donor, a period, countries)."""

    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    donor = models.CharField(_("donor"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    countries = models.ManyToManyField(Country, blank=True, verbose_name=_("countries"))

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("campaigns:programme", kwargs={"slug": self.slug})


class Campaign(DemoMarked):
    """A national information campaign with its own themed site at /c/<slug>/ and, when
    configured, on its own domain (rumbo.campaigns.middleware)."""

    slug = models.SlugField(
        _("identifier"), max_length=60, unique=True, validators=[validate_campaign_slug]
    )
    name = models.CharField(_("name"), max_length=120)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="campaigns", verbose_name=_("country")
    )
    summary = models.TextField(_("summary"), blank=True)
    programme = models.CharField(
        _("programme"),
        max_length=200,
        blank=True,
        help_text=_("The programme the campaign is implemented within, if any."),
    )
    regional_programme = models.ForeignKey(
        Programme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="campaigns",
        verbose_name=_("programme page"),
    )
    implementers = models.ManyToManyField(
        Organisation,
        related_name="implemented_campaigns",
        blank=True,
        verbose_name=_("implemented by"),
    )
    funders = models.ManyToManyField(
        Organisation, related_name="funded_campaigns", blank=True, verbose_name=_("funded by")
    )
    launched_on = models.DateField(_("launch date"), null=True, blank=True)
    hashtag = models.CharField(_("hashtag"), max_length=60, blank=True)
    # The theme.
    slogan = models.CharField(_("slogan"), max_length=160, blank=True)
    domain = models.CharField(
        _("own domain"),
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "A host name such as migrarinformados.example, without https:// or a path. "
            "It must also be listed in the ALLOWED_HOSTS setting."
        ),
    )
    logo_svg = models.TextField(
        _("logo (SVG)"),
        blank=True,
        help_text=_("SVG source; scripts, event handlers and external references are refused."),
    )
    colour_primary = models.CharField(
        _("main colour"), max_length=7, default="#1a5e9c", validators=[hex_colour_validator]
    )
    colour_accent = models.CharField(
        _("accent colour"), max_length=7, default="#b8410e", validators=[hex_colour_validator]
    )

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["country__name", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """The campaign's own site (its theme applies to every page reached from it)."""
        return f"/c/{self.slug}/"


class CampaignRole(models.Model):
    """A campaign power: a manager or editor of one campaign, or a regional communications
    officer (no campaign: all of them)."""

    class Role(models.TextChoices):
        MANAGER = "manager", _("Campaign manager")
        EDITOR = "editor", _("Campaign editor")
        OFFICER = "officer", _("Regional communications officer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="campaign_roles",
        verbose_name=_("user"),
    )
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name=_("campaign"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)

    class Meta:
        verbose_name = _("campaign role")
        verbose_name_plural = _("campaign roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "campaign", "role"], name="campaign_role_once"),
            models.CheckConstraint(
                condition=models.Q(role="officer", campaign__isnull=True)
                | (~models.Q(role="officer") & models.Q(campaign__isnull=False)),
                name="campaign_role_scope",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.campaign or '*'}"


class Partnership(DemoMarked):
    class Role(models.TextChoices):
        IMPLEMENTER = "implementer", _("Implementer")
        FUNDER = "funder", _("Funder")
        ACADEMIC = "academic", _("Academic partner")
        PRIVATE = "private", _("Private sector")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        GOVERNMENT = "government", _("Government")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="partnerships", verbose_name=_("campaign")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=15, choices=Role.choices)
    logo_svg = models.TextField(_("logo (SVG)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "organisation", "role"], name="partnership_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class SocialChannel(DemoMarked):
    class Platform(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        X = "x", "X (Twitter)"
        TIKTOK = "tiktok", "TikTok"
        YOUTUBE = "youtube", "YouTube"
        WHATSAPP = "whatsapp", _("WhatsApp channel")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="channels", verbose_name=_("campaign")
    )
    platform = models.CharField(_("platform"), max_length=10, choices=Platform.choices)
    url = WebURLField(_("address"))
    handle = models.CharField(_("account name"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("social channel")
        verbose_name_plural = _("social channels")
        ordering = ["platform"]

    def __str__(self) -> str:
        return f"{self.get_platform_display()} {self.handle}"


class LandingBlock(DemoMarked):
    """One block of a campaign's landing page as the team edits it (the working draft).
    Visitors see the last published `LandingRevision`, never these rows directly."""

    class Kind(models.TextChoices):
        PROBLEM = "problem", _("The problem")
        REGULAR = "regular", _("The regular alternative")
        LOCAL = "local", _("The local alternative")
        HELP = "help", _("Where to get help")
        AUDIENCE = "audience", _("Audience")
        CALL = "call", _("Call to action")
        TEXT = "text", _("Free text")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="blocks", verbose_name=_("campaign")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"), blank=True)

    class Meta:
        verbose_name = _("landing page block")
        verbose_name_plural = _("landing page blocks")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class LandingRevision(models.Model):
    """A snapshot of a campaign's landing blocks in every language, made by each change:
    who made it and when, and whether (and by whom) it was published."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("campaign")
    )
    content = models.JSONField(_("content"))
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("saved by"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        verbose_name = _("landing page version")
        verbose_name_plural = _("landing page versions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["campaign", "published_at"], name="revision_published")]

    def __str__(self) -> str:
        return f"{self.campaign} · {self.created_at:%Y-%m-%d %H:%M}"


class Material(DemoMarked):
    class Kind(models.TextChoices):
        VIDEO = "video", _("Video")
        AUDIO = "audio", _("Audio spot")
        POSTER = "poster", _("Poster")
        CARD = "card", _("Social card")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="materials", verbose_name=_("campaign")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    file = models.FileField(_("file"), upload_to="campaigns/materials/", blank=True)
    content_type = models.CharField(_("file type"), max_length=100, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    link = WebURLField(_("or a link to where it is hosted"), blank=True)
    transcript = models.TextField(_("transcript"), blank=True)
    captions = models.TextField(
        _("captions (WebVTT)"), blank=True, help_text=_("Required for videos and audio spots.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class PressContact(DemoMarked):
    """A press officer named in releases: professional contact details published on purpose."""

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="press_contacts",
        verbose_name=_("campaign"),
    )
    name = models.CharField(_("name"), max_length=120)
    office = models.CharField(_("office"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.office})"


class NewsItem(DemoMarked):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        RELEASE = "release", _("Press release")

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="news",
        verbose_name=_("campaign"),
        help_text=_("Empty for regional news."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NEWS)
    slug = models.SlugField(_("identifier"), max_length=80)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"))
    contacts = models.ManyToManyField(
        PressContact, blank=True, related_name="news", verbose_name=_("press contacts")
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-published_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["campaign", "slug"], name="news_slug_once")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.campaign is None:
            return reverse("campaigns:regional_news_item", kwargs={"slug": self.slug})
        return reverse(
            "campaigns:news_item",
            kwargs={"campaign": self.campaign.slug, "slug": self.slug},
        )
