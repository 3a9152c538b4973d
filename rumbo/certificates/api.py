"""Certificates for machines: a certificate's status by code, and the check of a credential,
with the same answers and the same limit against guessing as the verification page."""

from datetime import datetime

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from rumbo.certificates.openbadges import credential_verify
from rumbo.certificates.selectors import CodeMalformed, certificate_get_by_code
from rumbo.certificates.views import CREDENTIAL_LIMITS, verify_limited
from rumbo.core.uploads import UploadError, json_load, text_decode, upload_check_size

router = Router(tags=["certificates"])


class Message(Schema):
    detail: str


class CertificateOut(Schema):
    code: str
    status: str
    learner_name: str
    course_title: str
    language: str
    completed_at: datetime
    hours: int
    score: int | None
    issuer: str
    signatory: str
    revoked_at: datetime | None
    revocation_reason: str
    url: str


class CheckOut(Schema):
    valid: bool
    detail: str
    certificate: str | None


def _too_many() -> Status:
    return Status(429, {"detail": _("Too many checks from your connection in a short time.")})


# Registered first: /{code} would otherwise take "verify" as a code.
@router.post("/verify", response={200: CheckOut, 400: Message, 429: Message})
def credential_check(request: HttpRequest):
    """Checks a credential sent as the JSON body: issued here, unchanged, not revoked."""
    if verify_limited(request, increment=True):
        return _too_many()
    name = _("the request body")
    try:
        body = request.body
    except RequestDataTooBig:
        # Beyond Django's own limit, so far beyond ours: the body was not even read.
        return Status(
            400,
            {
                "detail": _("The request body is larger than %(size)s KB.")
                % {"size": CREDENTIAL_LIMITS.max_upload_bytes // 1024}
            },
        )
    try:
        upload_check_size(data=body, name=name, limits=CREDENTIAL_LIMITS)
        text = text_decode(data=body, name=name, limits=CREDENTIAL_LIMITS)
        credential = json_load(text=text, name=name, limits=CREDENTIAL_LIMITS)
    except UploadError as error:
        return Status(400, {"detail": error.message})
    check = credential_verify(credential=credential)
    return {
        "valid": check.valid,
        "detail": check.message,
        "certificate": (
            settings.RUMBO_PUBLIC_URL + check.certificate.get_absolute_url()
            if check.certificate
            else None
        ),
    }


@router.get("/{code}", response={200: CertificateOut, 400: Message, 404: Message, 429: Message})
def certificate_read(request: HttpRequest, code: str):
    """A certificate's status (`valid` or `revoked`) and what it states."""
    if verify_limited(request, increment=False):
        return _too_many()
    try:
        certificate = certificate_get_by_code(code=code)
    except CodeMalformed:
        return Status(400, {"detail": _("A certificate code has 12 letters and digits.")})
    if certificate is None:
        verify_limited(request, increment=True)
        return Status(404, {"detail": _("No certificate has this code.")})
    return {
        "code": certificate.display_code,
        "status": "revoked" if certificate.is_revoked else "valid",
        "learner_name": certificate.learner_name,
        "course_title": certificate.course_title,
        "language": certificate.language,
        "completed_at": certificate.completed_at,
        "hours": certificate.hours,
        "score": certificate.score,
        "issuer": certificate.issuer_name,
        "signatory": certificate.signatory_name,
        "revoked_at": certificate.revoked_at,
        "revocation_reason": certificate.revocation_reason,
        "url": settings.RUMBO_PUBLIC_URL + certificate.get_absolute_url(),
    }
