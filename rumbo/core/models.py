import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rumbo.core.text import fold
from rumbo.core.validators import WebURLField


class DemoMarked(models.Model):
    """Base for every record the demo loader can create, so demo data is always visible as such."""

    is_demo = models.BooleanField(
        _("demo record"),
        default=False,
        db_index=True,
        help_text=_("Created by the demo loader; not real information."),
    )

    class Meta:
        abstract = True


class Country(models.Model):
    class Role(models.TextChoices):
        ORIGIN = "origin", _("Origin country of the campaigns")
        DESTINATION = "destination", _("Common destination")

    code = models.CharField(_("ISO 3166-1 code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Place(models.Model):
    """An entry of the gazetteer: a state/department, or a municipality or city inside one."""

    class Kind(models.TextChoices):
        STATE = "state", _("State or department")
        CITY = "city", _("Municipality or city")

    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="places", verbose_name=_("country")
    )
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("state or department"),
    )
    name = models.CharField(_("name"), max_length=150)
    # Folded copy of the name (lower case, no accents) so look-ups ignore accents on every
    # database, SQLite included.
    name_folded = models.CharField(max_length=150, editable=False, db_index=True)
    code = models.CharField(_("ISO 3166-2 code"), max_length=10, blank=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    population = models.PositiveIntegerField(_("population"), default=0)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "kind", "parent", "name"], name="place_unique_name_in_parent"
            )
        ]
        indexes = [models.Index(fields=["country", "kind", "name"])]

    def __str__(self) -> str:
        if self.parent:
            return f"{self.name}, {self.parent.name}"
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)


class Organisation(DemoMarked):
    class Kind(models.TextChoices):
        INTERNATIONAL = "international", _("International organisation")
        GOVERNMENT = "government", _("Government institution")
        NGO = "ngo", _("Non-governmental organisation")
        MUNICIPALITY = "municipality", _("Municipality")
        EDUCATION = "education", _("School or university")
        FAITH = "faith", _("Faith-based organisation")
        PRIVATE = "private", _("Private sector")

    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("country"),
        help_text=_("Empty for regional or international organisations."),
    )
    is_partner = models.BooleanField(_("partner"), default=False)
    is_funder = models.BooleanField(_("funder"), default=False)
    website = WebURLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.acronym or self.name


class Job(models.Model):
    """A long background task (an import, an export, a purge) whose progress people follow."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=60)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    message = models.CharField(_("message"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("core:job", kwargs={"job_id": self.pk})

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
