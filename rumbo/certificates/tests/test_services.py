import pytest
from django.utils import timezone

from rumbo.audit.models import AuditEntry
from rumbo.certificates.codes import ALPHABET
from rumbo.certificates.factories import CompletedEnrolmentFactory, IssuerFactory
from rumbo.certificates.models import Certificate, CourseIssuer
from rumbo.certificates.services import (
    CertificateError,
    CertificateNotEarned,
    certificate_issue,
    certificate_revoke,
)


def test_issue_copies_what_the_certificate_states(enrolment, issuer):
    certificate = certificate_issue(enrolment=enrolment)
    assert certificate.learner_name == "Amal Haddad"
    assert certificate.course_title == enrolment.version.title
    assert certificate.language == "en"
    assert certificate.completed_at == enrolment.completed_at
    assert certificate.hours == 5
    assert certificate.score == 90
    assert certificate.issuer == issuer
    assert certificate.issuer_name == "Test Organisation"
    assert certificate.signatory_name == "Ana Torres"
    assert len(certificate.code) == 12
    assert set(certificate.code) <= set(ALPHABET)


def test_issue_is_idempotent_one_certificate_per_completion(enrolment):
    first = certificate_issue(enrolment=enrolment)
    second = certificate_issue(enrolment=enrolment)
    assert first == second
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
    assert second.credential == first.credential


def test_issue_is_audited(enrolment):
    certificate = certificate_issue(enrolment=enrolment)
    assert AuditEntry.objects.filter(
        action="create", target_type="certificates.certificate", target_id=str(certificate.pk)
    ).exists()


def test_course_not_completed_gets_no_certificate(enrolment):
    enrolment.completed_at = None
    enrolment.save()
    with pytest.raises(CertificateNotEarned):
        certificate_issue(enrolment=enrolment)
    assert not Certificate.objects.filter(enrolment=enrolment).exists()


def test_learner_without_a_name_gets_no_certificate(enrolment):
    enrolment.user.full_name = "  "
    enrolment.user.save()
    audited = AuditEntry.objects.filter(target_type="certificates.certificate").count()
    with pytest.raises(CertificateError):
        certificate_issue(enrolment=enrolment)
    assert not Certificate.objects.filter(enrolment=enrolment).exists()
    assert AuditEntry.objects.filter(target_type="certificates.certificate").count() == audited


def test_course_issuer_takes_precedence_over_the_default(enrolment, issuer):
    other = IssuerFactory.create(slug="partner", name="Partner NGO", is_default=False)
    CourseIssuer.objects.create(course=enrolment.version.course, issuer=other)
    assert certificate_issue(enrolment=enrolment).issuer_name == "Partner NGO"


def test_renaming_the_issuer_later_keeps_the_certificate_as_issued(certificate, issuer):
    issuer.name = "Renamed"
    issuer.save()
    certificate.refresh_from_db()
    assert certificate.issuer_name == "Test Organisation"


def test_revoke_records_date_reason_and_audit(certificate, admin_user):
    certificate_revoke(certificate=certificate, actor=admin_user, reason=" Issued in error ")
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert certificate.revocation_reason == "Issued in error"
    entry = AuditEntry.objects.get(action="revoke", target_id=str(certificate.pk))
    assert entry.actor == admin_user
    assert entry.reason == "Issued in error"


@pytest.mark.parametrize("reason", ["", "   ", "x" * 301])
def test_revoke_without_a_valid_reason_writes_nothing(certificate, admin_user, reason):
    with pytest.raises(CertificateError):
        certificate_revoke(certificate=certificate, actor=admin_user, reason=reason)
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    assert not AuditEntry.objects.filter(action="revoke").exists()


def test_revoked_certificate_keeps_its_first_revocation(certificate, admin_user):
    certificate_revoke(certificate=certificate, actor=admin_user, reason="First")
    with pytest.raises(CertificateError):
        certificate_revoke(certificate=certificate, actor=admin_user, reason="Second")
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "First"


def test_certificate_survives_the_learners_account(certificate):
    certificate.enrolment.user.delete()
    certificate.refresh_from_db()
    assert certificate.enrolment is None
    assert certificate.learner_name == "Amal Haddad"


def test_no_issuer_configured_is_a_clear_error(db):
    from rumbo.certificates.models import Issuer

    # The demo data, when loaded, has issuers that its certificates protect: none is default.
    Issuer.objects.update(is_default=False)
    enrolment = CompletedEnrolmentFactory.create(completed_at=timezone.now())
    with pytest.raises(CertificateError, match="No organisation"):
        certificate_issue(enrolment=enrolment)


def test_completion_hook_issues_the_certificate_once_committed(
    enrolment, django_capture_on_commit_callbacks
):
    from rumbo.certificates.services import certificate_issue_on_completion

    with django_capture_on_commit_callbacks(execute=True):
        certificate_issue_on_completion(enrolment=enrolment)
        assert not Certificate.objects.filter(enrolment=enrolment).exists()
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_completion_hook_never_fails_the_completion(enrolment, django_capture_on_commit_callbacks):
    from rumbo.certificates.services import certificate_issue_on_completion

    enrolment.user.full_name = ""
    enrolment.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        certificate_issue_on_completion(enrolment=enrolment)
    assert not Certificate.objects.filter(enrolment=enrolment).exists()
