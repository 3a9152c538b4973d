"""Every write of certificates: issuing one for a completed course, and revoking it."""

import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from rumbo.audit.models import AuditEntry
from rumbo.audit.services import audit_record
from rumbo.certificates.codes import code_generate
from rumbo.certificates.models import Certificate, Issuer
from rumbo.certificates.openbadges import credential_build, credential_sign
from rumbo.learning.models import Attempt, Course, Enrolment
from rumbo.learning.selectors import version_final_assessment

logger = logging.getLogger(__name__)
REVOCATION_REASON_MAX = Certificate._meta.get_field("revocation_reason").max_length or 300


class CertificateError(Exception):
    """An act the rules refuse; `message` is translated and shown as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CertificateNotEarned(CertificateError):
    pass


def issuer_for_course(*, course: Course) -> Issuer:
    """The issuer assigned to the course, else the default issuer."""
    issuer = (
        Issuer.objects.filter(courses__course=course).first()
        or Issuer.objects.filter(is_default=True).first()
    )
    if issuer is None:
        raise CertificateError(_("No organisation is set up to issue certificates."))
    return issuer


def _code_unused() -> str:
    # 30^12 codes: a collision is practically impossible, but cheap to rule out.
    while Certificate.objects.filter(code=(code := code_generate())).exists():
        pass
    return code


def _final_score(enrolment: Enrolment) -> int | None:
    final = version_final_assessment(version=enrolment.version)
    if final is None:
        return None
    return Attempt.objects.filter(enrolment=enrolment, quiz=final, passed=True).aggregate(
        best=Max("score")
    )["best"]


@transaction.atomic
def certificate_issue(*, enrolment: Enrolment) -> Certificate:
    """The enrolment's certificate, issued the first time it is asked for once the course is
    completed; later calls return the same certificate (one per completion).

    The learner's name, the course title, the issuer and its signatory are copied onto the
    certificate, and its Open Badges credential is signed now and kept as issued."""
    # Locking the enrolment serialises two requests completing the course at the same moment.
    enrolment = (
        Enrolment.objects.select_for_update()
        .select_related("user", "version__course")
        .get(pk=enrolment.pk)
    )
    existing = Certificate.objects.filter(enrolment=enrolment).first()
    if existing is not None:
        return existing
    if enrolment.completed_at is None:
        raise CertificateNotEarned(_("The course is not completed yet."))
    name = enrolment.user.full_name.strip()
    if not name:
        raise CertificateError(_("Enter your name as it should appear on the certificate."))
    version = enrolment.version
    issuer = issuer_for_course(course=version.course)
    certificate = Certificate(
        code=_code_unused(),
        enrolment=enrolment,
        learner_name=name,
        course_title=version.title,
        language=version.language,
        completed_at=enrolment.completed_at,
        hours=version.course.hours_max,
        score=_final_score(enrolment),
        issuer=issuer,
        issuer_name=issuer.name,
        signatory_name=issuer.signatory_name,
        signatory_title=issuer.signatory_title,
        issued_at=timezone.now(),
        is_demo=enrolment.is_demo,
    )
    certificate.full_clean()
    certificate.credential = credential_sign(
        credential=credential_build(
            certificate=certificate,
            email=enrolment.user.email,
            username=enrolment.user.username or "",
            achievement_url=settings.RUMBO_PUBLIC_URL + version.get_absolute_url(),
        ),
        issuer=issuer,
    )
    certificate.save()
    audit_record(actor=None, action=AuditEntry.Action.CREATE, target=certificate)
    return certificate


def certificate_issue_on_completion(*, enrolment: Enrolment) -> None:
    """The hook learning calls when a course's completion rule first holds: the certificate
    is issued once the completion is committed. A refusal (no issuer set up, no name for
    certificates) is logged, not raised: completing the course must not fail because of it,
    and the learner's pages may call `certificate_issue` again later."""

    def issue() -> None:
        try:
            certificate_issue(enrolment=enrolment)
        except CertificateError as error:
            # The enrolment's id and the kind of refusal only: no name, no address.
            logger.warning(
                "certificate not issued",
                extra={"enrolment": enrolment.pk, "refusal": type(error).__name__},
            )

    transaction.on_commit(issue)


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, actor: Any, reason: str) -> Certificate:
    """Revokes a certificate with the reason shown on its verification page. A certificate
    already revoked keeps its first date and reason."""
    reason = reason.strip()
    if not reason:
        raise CertificateError(_("Give the reason for revoking the certificate."))
    if len(reason) > REVOCATION_REASON_MAX:
        raise CertificateError(
            _("The reason is longer than %(count)s characters.") % {"count": REVOCATION_REASON_MAX}
        )
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise CertificateError(_("The certificate is already revoked."))
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = reason
    certificate.save(update_fields=["revoked_at", "revocation_reason"])
    audit_record(actor=actor, action=AuditEntry.Action.REVOKE, target=certificate, reason=reason)
    return certificate
