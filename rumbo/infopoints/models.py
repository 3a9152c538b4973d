"""Information points (Migration Information Centres): where they are, when they open, what
they offer and in which languages.

Every object exported to HSDS carries a stored UUID so that its HSDS id survives an export and
re-import unchanged (see `hsds.py`).
"""

import math
import re
import uuid
import zoneinfo
from datetime import date
from typing import Any

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rumbo.core.models import DemoMarked, Organisation, Place
from rumbo.core.validators import WebURLField

# Points are indexed by latitude band (LATITUDE_BANDS_PER_DEGREE bands per degree) and
# longitude, so a bounding box becomes a few index range scans on every database (see
# selectors.info_point_list_nearest).
LATITUDE_BANDS_PER_DEGREE = 10
# The namespace of the HSDS ids derived from stable keys (see hsds.py).
HSDS_NAMESPACE = uuid.UUID("3b0d7c1e-55f4-4d8e-a5b2-6c8e1f9d2a47")


def latitude_band(latitude: float) -> int:
    return math.floor(latitude * LATITUDE_BANDS_PER_DEGREE)


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("%(value)s is not an IANA time zone (for example America/Guatemala)."),
            params={"value": value},
            code="invalid_time_zone",
        ) from None


def validate_language_code(value: str) -> None:
    if len(value) != 3 or pycountry.languages.get(alpha_3=value) is None:
        raise ValidationError(
            _("%(value)s is not an ISO 639-3 language code (for example spa, quc, cab, miq)."),
            params={"value": value},
            code="invalid_language",
        )


PHONE_PATTERN = re.compile(r"^\+[1-9][0-9]{6,14}$")


def validate_phone_number(value: str) -> None:
    if not PHONE_PATTERN.match(value):
        raise ValidationError(
            _("Write the number in international form, e.g. +50222223333 (no spaces)."),
            code="invalid_phone",
        )


class Service(models.Model):
    """A kind of help an information point offers: the service taxonomy.

    `code` is stable and appears in URLs, filters and HSDS taxonomy terms: never rename it.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class InfoPoint(DemoMarked):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Open as usual")
        TEMPORARILY_CLOSED = "temporarily_closed", _("Temporarily closed")
        CLOSED = "closed", _("Closed for good")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="info_points",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    address = models.CharField(
        _("street address"), max_length=250, help_text=_("Street, number and neighbourhood.")
    )
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        related_name="info_points",
        verbose_name=_("municipality"),
        help_text=_("The municipality or city of the gazetteer the point is in."),
    )
    latitude = models.FloatField(
        _("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    latitude_band = models.IntegerField(editable=False, default=0)
    time_zone = models.CharField(
        _("time zone"),
        max_length=60,
        default="America/Mexico_City",
        validators=[validate_time_zone],
        help_text=_("IANA name, e.g. America/Guatemala. Opening hours are in this time zone."),
    )
    email = models.EmailField(_("email"), blank=True)
    website = WebURLField(_("website"), blank=True)
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, sign language, toilets, ... as a short text."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    last_confirmed = models.DateField(
        _("last confirmed"),
        null=True,
        blank=True,
        help_text=_("When the organisation last confirmed that these details are right."),
    )
    services = models.ManyToManyField(
        Service,
        related_name="info_points",
        blank=True,
        verbose_name=_("services"),
        through="InfoPointService",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("information point")
        verbose_name_plural = _("information points")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["latitude_band", "longitude"], name="infopoint_band_lon"),
            models.Index(fields=["last_confirmed"], name="infopoint_last_confirmed"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # Derived from latitude so the spatial index can never disagree with the coordinates.
        self.latitude_band = latitude_band(self.latitude)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("infopoints:detail", kwargs={"slug": self.slug})

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def geo_uri(self) -> str:
        """Opens the phone's own map application (RFC 5870); nothing is loaded by us."""
        return f"geo:{self.latitude:.6f},{self.longitude:.6f}"

    def directions_url(self, *, origin: tuple[float, float] | None = None) -> str:
        """OpenStreetMap's directions page, from `origin` when known; a plain link."""
        start = f"{origin[0]:.5f}%2C{origin[1]:.5f}" if origin else ""
        return (
            "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route="
            f"{start}%3B{self.latitude:.5f}%2C{self.longitude:.5f}"
        )


def service_at_location_uuid(*, point_uuid: uuid.UUID | str, service_code: str) -> uuid.UUID:
    """The HSDS id of a service at a location: derived, so it is stable across exports."""
    return uuid.uuid5(HSDS_NAMESPACE, f"service_at_location:{point_uuid}:{service_code}")


class InfoPointServiceQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args: Any, **kwargs: Any):  # type: ignore[override]
        """Fills the HSDS id of new links: `point.services.add()` and `.set()` create them
        through here, without calling save()."""
        objs = list(objs)
        missing = [link for link in objs if link.hsds_id is None]
        if missing:
            points = dict(
                InfoPoint.objects.filter(
                    pk__in={link.infopoint_id for link in missing}
                ).values_list("pk", "uuid")
            )
            codes = dict(
                Service.objects.filter(pk__in={link.service_id for link in missing}).values_list(
                    "pk", "code"
                )
            )
            for link in missing:
                link.hsds_id = service_at_location_uuid(
                    point_uuid=points[link.infopoint_id], service_code=codes[link.service_id]
                )
        return super().bulk_create(objs, *args, **kwargs)


class InfoPointService(models.Model):
    """A point offering a service: an HSDS service_at_location. Its HSDS id is stored so that
    the API finds one link, and filters them, in the database."""

    infopoint = models.ForeignKey(InfoPoint, on_delete=models.CASCADE)
    service = models.ForeignKey(Service, on_delete=models.CASCADE)
    hsds_id = models.UUIDField(_("HSDS id"), unique=True, editable=False)

    objects = InfoPointServiceQuerySet.as_manager()

    class Meta:
        # The table the implicit many-to-many relation had: the rows stay where they were.
        db_table = "infopoints_infopoint_services"
        unique_together = [("infopoint", "service")]
        verbose_name = _("service at a point")
        verbose_name_plural = _("services at points")

    def __str__(self) -> str:
        return f"{self.infopoint_id}/{self.service_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.hsds_id is None:
            self.hsds_id = service_at_location_uuid(
                point_uuid=self.infopoint.uuid, service_code=self.service.code
            )
        super().save(*args, **kwargs)


class Phone(models.Model):
    class Kind(models.TextChoices):
        # The values are HSDS 3.0 phone types.
        VOICE = "voice", _("Landline")
        CELL = "cell", _("Mobile")
        TEXT = "text", _("Text messages only")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    info_point = models.ForeignKey(
        InfoPoint, on_delete=models.CASCADE, related_name="phones", verbose_name=_("point")
    )
    number = models.CharField(_("number"), max_length=20, validators=[validate_phone_number])
    extension = models.CharField(_("extension"), max_length=10, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.VOICE)
    whatsapp = models.BooleanField(_("WhatsApp"), default=False)
    description = models.CharField(_("description"), max_length=150, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("phone")
        verbose_name_plural = _("phones")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.number

    @property
    def tel_uri(self) -> str:
        return f"tel:{self.number}" + (f";ext={self.extension}" if self.extension else "")

    @property
    def whatsapp_url(self) -> str:
        # wa.me wants the international number without "+"; only shown when whatsapp is set.
        return f"https://wa.me/{self.number.removeprefix('+')}"


class Weekday(models.IntegerChoices):
    # Python's date.weekday() numbering.
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(models.Model):
    """One opening interval on a weekday, in the point's time zone; a day may have several."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    info_point = models.ForeignKey(
        InfoPoint, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("point")
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self) -> None:
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})


class HoursException(models.Model):
    """Dates when the weekly hours do not apply: a holiday, a temporary closure, or special
    hours (when `opens` and `closes` are set, the point opens only then on those dates)."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Holiday")
        CLOSURE = "closure", _("Temporary closure")
        SPECIAL = "special", _("Special hours")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    info_point = models.ForeignKey(
        InfoPoint, on_delete=models.CASCADE, related_name="exceptions", verbose_name=_("point")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.HOLIDAY)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until (inclusive)"))
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    description = models.CharField(_("description"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("exception to the opening hours")
        verbose_name_plural = _("exceptions to the opening hours")
        ordering = ["starts_on"]
        indexes = [models.Index(fields=["info_point", "ends_on"], name="infopoint_exception_end")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_on}–{self.ends_on}"

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end date must not be before the start date.")
        if (self.opens is None) != (self.closes is None):
            errors["closes"] = _("Give both the opening and the closing time, or neither.")
        elif self.opens is not None and self.closes is not None and self.closes <= self.opens:
            errors["closes"] = _("Closing time must be after opening time.")
        if self.kind == self.Kind.SPECIAL and self.opens is None:
            errors["opens"] = _("Special hours need an opening and a closing time.")
        if self.kind != self.Kind.SPECIAL and self.opens is not None:
            errors["kind"] = _("Only special hours have times; holidays and closures close.")
        if errors:
            raise ValidationError(errors)

    def covers(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


class InfoPointLanguage(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    info_point = models.ForeignKey(
        InfoPoint, on_delete=models.CASCADE, related_name="languages", verbose_name=_("point")
    )
    code = models.CharField(
        _("ISO 639-3 code"), max_length=3, validators=[validate_language_code], db_index=True
    )

    class Meta:
        verbose_name = _("language spoken")
        verbose_name_plural = _("languages spoken")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["info_point", "code"], name="infopoint_language_once")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        language = pycountry.languages.get(alpha_3=self.code)
        return language.name if language else self.code


class OverdueInfoPoint(InfoPoint):
    """The admin's queue of points whose details have not been confirmed recently."""

    class Meta:
        proxy = True
        verbose_name = _("point awaiting confirmation")
        verbose_name_plural = _("points awaiting confirmation")
