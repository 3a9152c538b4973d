"""Demo certificates: an issuer, a learner who completed the English version of the
counter-trafficking course through the real learning services, so the certificate is earned
the way a learner earns one, and a trained advisor (casework's demo staff) whose training her
point's coordinator sees on the staff trainings page."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from rumbo.certificates.models import Issuer
from rumbo.certificates.services import certificate_issue
from rumbo.learning.models import CourseVersion, Enrolment, LearnerProfile, Lesson, Question
from rumbo.learning.services import (
    answer_save,
    attempt_start,
    attempt_submit,
    enrolment_start,
    lesson_mark_viewed,
)

GRADUATE_EMAIL = "graduate@rumbo.example"
GRADUATE_PASSWORD = "rumbo-demo-graduate"  # noqa: S105 - printed on purpose; demo only
COURSE_SLUG = "countering-human-trafficking"
# Casework's demo advisor at Tapachula (rumbo.casework.demo), trained in Spanish.
TRAINED_ADVISOR_EMAIL = "asesora.tapachula@example.org"


def _right_answer(question: Question):
    choices = list(question.choices.all())
    if question.kind == Question.Kind.MATCHING:
        return {str(choice.pk): str(choice.pk) for choice in choices}
    return [str(choice.pk) for choice in choices if choice.is_correct]


def _complete(enrolment: Enrolment) -> None:
    version = enrolment.version
    for lesson in Lesson.objects.filter(module__version=version).order_by(
        "module__position", "position"
    ):
        lesson_mark_viewed(enrolment=enrolment, lesson=lesson)
    for quiz in version.quizzes.order_by("module__position"):
        if enrolment.attempts.filter(quiz=quiz, passed=True).exists():
            continue
        attempt = attempt_start(enrolment=enrolment, quiz=quiz)
        for question in Question.objects.filter(pk__in=attempt.question_ids).prefetch_related(
            "choices"
        ):
            answer_save(attempt=attempt, question_id=question.pk, data=_right_answer(question))
        attempt_submit(attempt=attempt)


def load() -> list[str]:
    issuer, _created = Issuer.objects.get_or_create(
        slug="rumbo-e-campus",
        defaults={
            "name": "Rumbo E-Campus (demo)",
            "signatory_name": "Marta Quiroga",
            "signatory_title": "Academic coordinator",
            "is_default": not Issuer.objects.filter(is_default=True).exists(),
            "is_demo": True,
        },
    )
    version = CourseVersion.objects.filter(course__slug=COURSE_SLUG, language="en").first()
    if version is None:
        return []
    User = get_user_model()
    graduate = User.objects.filter(email=GRADUATE_EMAIL).first()
    if graduate is None:
        graduate = User.objects.create_user(
            email=GRADUATE_EMAIL, password=GRADUATE_PASSWORD, full_name="Amal Haddad"
        )
    LearnerProfile.objects.update_or_create(
        user=graduate, defaults={"email_verified_at": timezone.now(), "preferred_language": "en"}
    )
    certificate = _completed_with_certificate(user=graduate, version=version)
    lines = []
    advisor = User.objects.filter(email=TRAINED_ADVISOR_EMAIL).first()
    spanish = CourseVersion.objects.filter(course__slug=COURSE_SLUG, language="es").first()
    if advisor is not None and spanish is not None:
        LearnerProfile.objects.update_or_create(
            user=advisor,
            defaults={"email_verified_at": timezone.now(), "preferred_language": "es"},
        )
        _completed_with_certificate(user=advisor, version=spanish)
        lines.append(
            "Staff trainings (the Tapachula coordinator sees the advisor's certificate): "
            "http://127.0.0.1:8000/campus/trainings/"
        )
    return [
        f"Certificate issuer: {issuer.name}",
        f"Learner with a certificate: http://127.0.0.1:8000/campus/login/  email {GRADUATE_EMAIL}"
        f"  password {GRADUATE_PASSWORD}",
        f"Certificate verification: http://127.0.0.1:8000{certificate.get_absolute_url()}"
        f"  (code {certificate.display_code})",
        *lines,
    ]


def _completed_with_certificate(*, user, version: CourseVersion):
    enrolment = enrolment_start(user=user, version=version)
    if not enrolment.is_demo:
        Enrolment.objects.filter(pk=enrolment.pk).update(is_demo=True)
        enrolment.is_demo = True
    _complete(enrolment)
    enrolment.refresh_from_db()
    return certificate_issue(enrolment=enrolment)
