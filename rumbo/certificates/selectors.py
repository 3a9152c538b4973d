"""Every read of certificates: by code for the public verification page, by enrolment or
learner for their own pages."""

from typing import Any

from django.db.models import QuerySet

from rumbo.certificates.codes import code_normalise
from rumbo.certificates.models import Certificate, Issuer
from rumbo.learning.models import Enrolment


class CodeMalformed(ValueError):
    """Text that cannot be a certificate code (checked before any database read)."""


def certificate_get_by_code(*, code: str) -> Certificate | None:
    """The certificate a typed code names, or None. Raises CodeMalformed for text that
    cannot be a code, so a typing mistake is told apart from an unknown code."""
    normalised = code_normalise(code)
    if normalised is None:
        raise CodeMalformed(code)
    return Certificate.objects.filter(code=normalised).first()


def certificate_for_enrolment(*, enrolment: Enrolment) -> Certificate | None:
    return Certificate.objects.filter(enrolment=enrolment).first()


def certificate_list_for(*, user: Any) -> QuerySet[Certificate]:
    """The learner's own certificates, newest first."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    return Certificate.objects.filter(enrolment__user=user).order_by("-issued_at")


def certificate_get_own(*, user: Any, code: str) -> Certificate | None:
    """The certificate, if the code names one of the user's own."""
    normalised = code_normalise(code)
    if normalised is None:
        return None
    return certificate_list_for(user=user).filter(code=normalised).first()


def issuer_get(*, slug: str) -> Issuer | None:
    return Issuer.objects.filter(slug=slug).first()
