"""Certificates of completed courses, who issues them and how they look.

A certificate is a historical document: the learner's name, the course title, the issuer and
the signatory are copied onto it when it is issued, so renaming a course or changing an
organisation's signatory later does not rewrite certificates already given. Its signed Open
Badges credential is kept as issued, so the copy a learner downloads never changes.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rumbo.certificates.codes import code_display
from rumbo.core.models import DemoMarked, Organisation
from rumbo.core.validators import WebURLField
from rumbo.learning.models import Course, Enrolment

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # followed by six hexadecimal digits.")
)
SVG_MAX_BYTES = 50_000
# A logo is drawn, never run: no scripts, event handlers, outside links or embedded HTML.
_SVG_ACTIVE = re.compile(
    r"<\s*(script|foreignObject|iframe|object|embed)|\son\w+\s*=|javascript:|<!ENTITY|xlink:href\s*=\s*[\"'](?!#)",
    re.IGNORECASE,
)


def svg_validator(value: str) -> None:
    if len(value.encode()) > SVG_MAX_BYTES:
        raise ValidationError(
            _("The logo is larger than %(size)s KB."), params={"size": SVG_MAX_BYTES // 1000}
        )
    if value and "<svg" not in value:
        raise ValidationError(_("The logo must be an SVG image."))
    if _SVG_ACTIVE.search(value):
        raise ValidationError(
            _("The logo may not contain scripts, event handlers or links to other files.")
        )


class Issuer(DemoMarked):
    """An organisation that issues certificates, with its signatory and certificate design."""

    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificate_issuers",
        verbose_name=_("organisation"),
    )
    url = WebURLField(_("web site"), blank=True)
    signatory_name = models.CharField(_("signatory"), max_length=150)
    signatory_title = models.CharField(_("signatory's title"), max_length=150, blank=True)
    logo_svg = models.TextField(
        _("logo (SVG)"), blank=True, validators=[svg_validator], help_text=_("SVG markup.")
    )
    colour_primary = models.CharField(
        _("main colour"), max_length=7, default="#1f4e79", validators=[colour_validator]
    )
    colour_accent = models.CharField(
        _("accent colour"), max_length=7, default="#c9a227", validators=[colour_validator]
    )
    is_default = models.BooleanField(
        _("default issuer"),
        default=False,
        help_text=_("Issues the certificates of courses no issuer is assigned to."),
    )

    class Meta:
        verbose_name = _("certificate issuer")
        verbose_name_plural = _("certificate issuers")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="issuer_one_default",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("certificates:issuer", kwargs={"slug": self.slug})


class CourseIssuer(models.Model):
    """Which organisation issues a course's certificates (each course has at most one)."""

    course = models.OneToOneField(
        Course,
        on_delete=models.CASCADE,
        related_name="certificate_issuer",
        verbose_name=_("course"),
    )
    issuer = models.ForeignKey(
        Issuer, on_delete=models.CASCADE, related_name="courses", verbose_name=_("issuer")
    )

    class Meta:
        verbose_name = _("course issued")
        verbose_name_plural = _("courses issued")

    def __str__(self) -> str:
        return f"{self.course} · {self.issuer}"


class Certificate(DemoMarked):
    # Twelve characters without separators (codes.py); shown and linked as XXXX-XXXX-XXXX.
    code = models.CharField(_("code"), max_length=12, unique=True, editable=False)
    # One certificate per completion. Kept if the learner's account is erased: what was
    # certified stays verifiable.
    enrolment = models.OneToOneField(
        Enrolment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificate",
        verbose_name=_("enrolment"),
    )
    learner_name = models.CharField(_("learner's name"), max_length=150)
    course_title = models.CharField(_("course"), max_length=200)
    language = models.CharField(_("language"), max_length=5)
    completed_at = models.DateTimeField(_("completed"))
    hours = models.PositiveSmallIntegerField(_("hours"))
    score = models.PositiveSmallIntegerField(_("final score (%)"), null=True, blank=True)
    issuer = models.ForeignKey(
        Issuer, on_delete=models.PROTECT, related_name="certificates", verbose_name=_("issuer")
    )
    issuer_name = models.CharField(_("issuing organisation"), max_length=200)
    signatory_name = models.CharField(_("signatory"), max_length=150)
    signatory_title = models.CharField(_("signatory's title"), max_length=150, blank=True)
    issued_at = models.DateTimeField(_("issued"))
    credential = models.JSONField(_("signed credential"), default=dict, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revocation_reason = models.CharField(
        _("reason for revocation"),
        max_length=300,
        blank=True,
        help_text=_("Shown on the public verification page."),
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]

    def __str__(self) -> str:
        return self.display_code

    def get_absolute_url(self) -> str:
        return reverse("certificates:certificate", kwargs={"code": self.display_code})

    @property
    def display_code(self) -> str:
        return code_display(self.code)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
