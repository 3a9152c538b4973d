"""Every write of E-Campus: registration, enrolment, progress, quiz attempts and answers,
and the xAPI statements that record them."""

import random
import secrets
from datetime import timedelta
from enum import StrEnum
from typing import Any

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rumbo.accounts.models import username_normalise
from rumbo.accounts.services import recovery_codes_issue
from rumbo.audit.models import AuditEntry
from rumbo.audit.services import audit_record
from rumbo.certificates.services import certificate_issue_on_completion
from rumbo.core.exports import csv_text
from rumbo.core.numbers import parse_int
from rumbo.learning.models import (
    Answer,
    Attempt,
    Choice,
    Course,
    CourseVersion,
    Enrolment,
    LearnerProfile,
    Lesson,
    LessonView,
    Question,
    Quiz,
    Statement,
)
from rumbo.learning.selectors import (
    StaffTrainings,
    course_enrolment_rows,
    enrolment_is_complete,
    staff_training_list,
    version_problems,
)
from rumbo.learning.xapi import statements_export

VERIFICATION_SALT = "rumbo.learning.email-verification"
VERIFICATION_MAX_AGE = 7 * 24 * 3600


class LearningError(Exception):
    """A request the rules refuse; the message is shown to the learner as is.

    `kind` says which sort of refusal it is (the views choose the HTTP status from it);
    `code` "unverified" asks the page to offer a new confirmation link."""

    class Kind(StrEnum):
        INVALID = "invalid"  # the request itself is wrong (an unknown choice, a bad link)
        NOT_ALLOWED = "not_allowed"  # the learner may not do this yet (email unconfirmed)
        NOT_FOUND = "not_found"  # what the request names is not there for this learner
        CONFLICT = "conflict"  # the state forbids it now (already passed, submitted)

    def __init__(self, message: str, *, kind: Kind = Kind.INVALID, code: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.code = code


# Learners


def learner_register(*, email: str, full_name: str, password: str, language: str) -> Any:
    User = get_user_model()
    email = User.objects.normalize_email(email).lower()
    user = User(email=email, full_name=full_name.strip())
    user.set_password(password)
    try:
        user.full_clean()
    except ValidationError as error:
        email_errors = error.error_dict.get("email", [])
        if any(item.code == "unique" for item in email_errors):
            raise LearningError(
                _("An account with this email address already exists. Log in instead."),
                code="exists",
            ) from error
        if email_errors:
            raise LearningError(" ".join(email_errors[0].messages)) from error
        raise
    with transaction.atomic():
        user.save()
        LearnerProfile.objects.create(user=user, preferred_language=language)
    return user


def learner_register_username(
    *, username: str, full_name: str, password: str, language: str
) -> tuple[Any, list[str]]:
    """An account without email: the learner logs in with a username and gets printed
    recovery codes (returned here, to be shown once) to set a new password if they forget
    it. There is no address to confirm, so the account may enrol at once. A taken username
    is refused by name: the learner has to choose another (registration is rate-limited)."""
    User = get_user_model()
    user = User(username=username_normalise(username), full_name=full_name.strip())
    user.set_password(password)
    try:
        user.full_clean()
    except ValidationError as error:
        username_errors = error.error_dict.get("username", [])
        if any(item.code == "unique" for item in username_errors):
            raise LearningError(
                _("This username is taken. Choose another one."), code="exists"
            ) from error
        if username_errors:
            raise LearningError(" ".join(username_errors[0].messages)) from error
        raise
    with transaction.atomic():
        user.save()
        LearnerProfile.objects.create(user=user, preferred_language=language)
        codes = recovery_codes_issue(user=user)
    return user, codes


def learner_sign_up(
    *, email: str, full_name: str, password: str, language: str, base_url: str
) -> None:
    """Registration as the form answers it: a new account gets its confirmation link; an
    address that already has an account gets a note instead, and the caller answers both
    alike ("check your email"), so the form does not reveal who has an account."""
    try:
        user = learner_register(
            email=email, full_name=full_name, password=password, language=language
        )
    except LearningError as error:
        if error.code != "exists":
            raise
        _learner_send_already_registered(email=email, base_url=base_url)
        return
    learner_send_verification(user=user, base_url=base_url)


def _learner_send_already_registered(*, email: str, base_url: str) -> None:
    email = get_user_model().objects.normalize_email(email).lower()
    message = _(
        "Hello,\n\nSomeone tried to register on the E-Campus with this email address, which "
        "already has an account. If it was you, log in here:\n%(link)s\n\nIf it was not "
        "you, ignore this message: nothing has changed."
    ) % {"link": base_url + reverse("learning:login")}
    transaction.on_commit(
        lambda: send_mail(_("Registration on the E-Campus"), message, None, [email])
    )


def learner_verification_token(*, user: Any) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=VERIFICATION_SALT)


def learner_send_verification(*, user: Any, base_url: str) -> None:
    link = base_url + reverse(
        "learning:verify", kwargs={"token": learner_verification_token(user=user)}
    )
    message = _(
        "Hello %(name)s,\n\nConfirm your email address for the E-Campus by opening this link:\n"
        "%(link)s\n\nIf you did not register, ignore this message."
    ) % {"name": user.full_name, "link": link}
    transaction.on_commit(
        lambda: send_mail(_("Confirm your email address"), message, None, [user.email])
    )


def learner_verify_email(*, token: str) -> Any:
    try:
        data = signing.loads(token, salt=VERIFICATION_SALT, max_age=VERIFICATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise LearningError(
            _("This link has expired. Log in to get a new one."), code="unverified"
        ) from error
    except signing.BadSignature as error:
        raise LearningError(_("This link is not valid.")) from error
    User = get_user_model()
    user = User.objects.filter(pk=data.get("user"), email=data.get("email")).first()
    if user is None:
        raise LearningError(_("This link is not valid."))
    profile, _created = LearnerProfile.objects.get_or_create(user=user)
    if profile.email_verified_at is None:
        profile.email_verified_at = timezone.now()
        profile.save(update_fields=["email_verified_at"])
    return user


def learner_is_verified(*, user: Any) -> bool:
    """The learner may enrol: their email address is confirmed, or they have none (an
    account with a username and recovery codes has nothing to confirm)."""
    if not user.email:
        return True
    profile = LearnerProfile.objects.filter(user=user).first()
    return bool(profile and profile.email_verified_at)


# Exports of learners' records (personal data: each is audited with the read)

ENROLMENTS_HEADER = [
    "email", "full_name", "language", "enrolled_at", "lessons_viewed", "lessons_total",
    "quizzes_passed", "completed_at", "username",
]  # fmt: skip


@transaction.atomic
def course_enrolments_read(*, actor: Any, course: Course) -> list[dict[str, Any]]:
    """The enrolments of a course's report page, with learners' names and emails."""
    rows = course_enrolment_rows(course=course)
    audit_record(actor=actor, action=AuditEntry.Action.READ, target=course, reason="course report")
    return rows


@transaction.atomic
def course_enrolments_csv(*, actor: Any, course: Course) -> str:
    """A course's enrolments as CSV, header first: learners' names and emails."""
    rows: list[list[Any]] = [list(ENROLMENTS_HEADER)]
    for row in course_enrolment_rows(course=course):
        enrolment = row["enrolment"]
        rows.append(
            [
                enrolment.user.email or "",
                enrolment.user.full_name,
                row["language"],
                enrolment.enrolled_at.isoformat(),
                row["lessons_viewed"],
                row["lessons_total"],
                row["quizzes_passed"],
                row["completed_at"].isoformat() if row["completed_at"] else "",
                enrolment.user.username or "",
            ]
        )
    audit_record(
        actor=actor, action=AuditEntry.Action.EXPORT, target=course, reason="enrolments CSV"
    )
    return csv_text(rows)


@transaction.atomic
def course_statements_export(*, actor: Any, course: Course, base_url: str) -> list[dict[str, Any]]:
    """A course's xAPI statements for an outside learning record store (learners are
    named by a hash of their email, still personal data)."""
    statements = statements_export(course=course, base_url=base_url)
    audit_record(
        actor=actor, action=AuditEntry.Action.EXPORT, target=course, reason="xAPI statements"
    )
    return statements


@transaction.atomic
def staff_trainings_read(*, actor: Any) -> list[StaffTrainings]:
    """The trainings page of a staff member: other people's completions are personal data,
    so each colleague listed is audited as read (their own record is not)."""
    rows = staff_training_list(actor=actor)
    for row in rows:
        if row.user.pk == actor.pk:
            continue
        audit_record(
            actor=actor,
            action=AuditEntry.Action.READ,
            target=row.user,
            info_point_id=row.roles[0].info_point_id if row.roles else None,
            reason="staff trainings",
        )
    return rows


# xAPI records


def _record(
    *,
    user: Any,
    course_id: int,
    verb: str,
    path: str,
    activity_type: str,
    name: str,
    language: str,
    result: dict | None = None,
) -> None:
    Statement.objects.create(
        user=user,
        course_id=course_id,
        verb=verb,
        activity_path=path,
        activity_type=activity_type,
        activity_name=name[:300],
        language=language,
        result=result,
    )


def quiz_path(*, quiz: Quiz, version: CourseVersion | None = None) -> str:
    version = version or quiz.version
    kwargs = {"slug": version.course.slug, "language": version.language}
    if quiz.module is None:
        return reverse("learning:final", kwargs=kwargs)
    return reverse("learning:quiz", kwargs=kwargs | {"module": quiz.module.position})


# Enrolment and progress


def enrolment_start(*, user: Any, version: CourseVersion) -> Enrolment:
    if not learner_is_verified(user=user):
        raise LearningError(
            _("Confirm your email address first: open the link we sent you."),
            kind=LearningError.Kind.NOT_ALLOWED,
            code="unverified",
        )
    with transaction.atomic():
        enrolment, created = Enrolment.objects.get_or_create(user=user, version=version)
        if created:
            _record(
                user=user,
                course_id=version.course_id,
                verb=Statement.Verb.LAUNCHED,
                path=version.get_absolute_url(),
                activity_type="course",
                name=version.title,
                language=version.language,
            )
    return enrolment


def lesson_mark_viewed(*, enrolment: Enrolment, lesson: Lesson) -> None:
    with transaction.atomic():
        _view, created = LessonView.objects.get_or_create(enrolment=enrolment, lesson=lesson)
        Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson)
        enrolment.last_lesson = lesson
        if created:
            version = enrolment.version
            _record(
                user=enrolment.user,
                course_id=version.course_id,
                verb=Statement.Verb.PROGRESSED,
                path=lesson.get_absolute_url(),
                activity_type="lesson",
                name=lesson.title,
                language=version.language,
            )
            enrolment_update_completion(enrolment=enrolment)


def enrolment_update_completion(*, enrolment: Enrolment) -> bool:
    """Records the completion the first time the completion rule holds."""
    if enrolment.completed_at or not enrolment_is_complete(enrolment=enrolment):
        return bool(enrolment.completed_at)
    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["completed_at"])
    certificate_issue_on_completion(enrolment=enrolment)
    version = enrolment.version
    _record(
        user=enrolment.user,
        course_id=version.course_id,
        verb=Statement.Verb.COMPLETED,
        path=version.get_absolute_url(),
        activity_type="course",
        name=version.title,
        language=version.language,
        result={"completion": True},
    )
    return True


# Quizzes


def attempt_start(*, enrolment: Enrolment, quiz: Quiz) -> Attempt:
    """Returns the open attempt, or draws a new one if the limits allow it."""
    if quiz.version_id != enrolment.version_id:
        raise LearningError(
            _("This quiz belongs to another course."), kind=LearningError.Kind.NOT_FOUND
        )
    with transaction.atomic():
        # Locking the enrolment serialises two clicks on "start" from the same learner.
        Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        attempts = list(Attempt.objects.filter(enrolment=enrolment, quiz=quiz).order_by("number"))
        open_attempt = next((a for a in attempts if a.submitted_at is None), None)
        if open_attempt:
            return open_attempt
        if any(a.passed for a in attempts):
            raise LearningError(
                _("You have already passed this quiz."), kind=LearningError.Kind.CONFLICT
            )
        if len(attempts) >= quiz.attempt_limit:
            raise LearningError(
                _("You have used all %(limit)s attempts at this quiz.")
                % {"limit": quiz.attempt_limit},
                kind=LearningError.Kind.CONFLICT,
            )
        last_submitted = attempts[-1].submitted_at if attempts else None
        if last_submitted and quiz.wait_minutes:
            allowed_at = last_submitted + timedelta(minutes=quiz.wait_minutes)
            if timezone.now() < allowed_at:
                raise LearningError(
                    _("You can try again from %(time)s.")
                    % {"time": date_format(timezone.localtime(allowed_at), "DATETIME_FORMAT")},
                    kind=LearningError.Kind.CONFLICT,
                )
        question_ids = list(quiz.questions.order_by("position").values_list("id", flat=True))
        seed = secrets.randbits(48)
        draw = random.Random(seed)  # noqa: S311 - a fair shuffle, not a secret
        if quiz.draw_count and quiz.draw_count < len(question_ids):
            question_ids = draw.sample(question_ids, quiz.draw_count)
        else:
            draw.shuffle(question_ids)
        return Attempt.objects.create(
            enrolment=enrolment,
            quiz=quiz,
            number=len(attempts) + 1,
            seed=seed,
            question_ids=question_ids,
        )


def _parse_ids(values: list[str]) -> list[int]:
    ids = [parse_int(value) for value in values]
    if None in ids:
        raise LearningError(_("This answer is not one of the options."))
    return sorted({choice_id for choice_id in ids if choice_id is not None})


def _grade(*, question: Question, choices: list[Choice], data: Any) -> tuple[Any, bool]:
    """Checks a raw answer against the question's options; returns (response, is_correct)."""
    by_id = {choice.pk: choice for choice in choices}
    if question.kind == Question.Kind.MATCHING:
        if not isinstance(data, dict):
            raise LearningError(_("This answer is not one of the options."))
        pairs: dict[str, int] = {}
        for key, value in data.items():
            item = parse_int(key)
            target = parse_int(value)
            if item not in by_id or target not in by_id:
                raise LearningError(_("This answer is not one of the options."))
            pairs[str(item)] = target
        if not pairs:
            raise LearningError(_("Choose an answer."))
        correct = len(pairs) == len(choices) and all(
            int(item) == target for item, target in pairs.items()
        )
        return pairs, correct
    if not isinstance(data, list):
        raise LearningError(_("This answer is not one of the options."))
    ids = _parse_ids(data)
    if not ids:
        raise LearningError(_("Choose an answer."))
    if any(choice_id not in by_id for choice_id in ids):
        raise LearningError(_("This answer is not one of the options."))
    if question.kind != Question.Kind.MULTIPLE and len(ids) != 1:
        raise LearningError(_("Choose only one answer."))
    expected = sorted(choice.pk for choice in choices if choice.is_correct)
    return ids, ids == expected


def _commit_without_waiting_for_disk() -> None:
    """Lets PostgreSQL acknowledge this transaction before its WAL reaches the disk.

    An answer is saved dozens of times per attempt and waiting for the disk flush dominated
    its latency under load (bench/bench_learning_answer.py). The trade-off: if the database
    server itself crashes, answers from its last fraction of a second (at most three
    wal_writer_delay periods) may be lost, never corrupted; the learner re-answers them.
    Submitting an attempt, which decides pass or fail, still waits for the disk.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def answer_save(*, attempt: Attempt, question_id: int, data: Any) -> Answer:
    """Saves (or replaces) one answer of an open attempt, as soon as the learner gives it.

    `data` is a list of choice ids, or for matching a {item id: matched id} mapping; a
    callable receiving the question kind may stand for either (the view parses the form that
    way without a query for the kind). This is the hot path of a quiz: five queries, one of
    them an upsert, so 200 learners answering at once stay fast.
    """
    if attempt.submitted_at is not None:
        raise LearningError(
            _("This attempt has already been submitted."), kind=LearningError.Kind.CONFLICT
        )
    if question_id not in attempt.question_ids:
        raise LearningError(_("This question is not part of your attempt."))
    choices = list(
        Choice.objects.filter(question_id=question_id)
        .select_related("question")
        .order_by("position")
    )
    if not choices:
        raise LearningError(_("This question is not part of your attempt."))
    question = choices[0].question
    if callable(data):
        data = data(question.kind)
    response, correct = _grade(question=question, choices=choices, data=data)
    version = attempt.enrolment.version
    answer = Answer(attempt=attempt, question=question, response=response, is_correct=correct)
    statement = Statement(
        user=attempt.enrolment.user,
        course_id=version.course_id,
        verb=Statement.Verb.ANSWERED,
        activity_path=f"{quiz_path(quiz=attempt.quiz, version=version)}#q{question.position}",
        activity_type="question",
        activity_name=question.text[:300],
        language=version.language,
        result={"success": correct, "response": response},
    )
    with transaction.atomic():
        _commit_without_waiting_for_disk()
        # One INSERT ... ON CONFLICT DO UPDATE: saving the same answer twice (a retry after a
        # dropped connection) replaces it, without a read and without a race.
        Answer.objects.bulk_create(
            [answer],
            update_conflicts=True,
            unique_fields=["attempt", "question"],
            update_fields=["response", "is_correct", "answered_at"],
        )
        statement.save(force_insert=True)
    return answer


def attempt_submit(*, attempt: Attempt) -> Attempt:
    with transaction.atomic():
        # of=("self",): only the attempt row is locked (the module join is an outer join).
        attempt = (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("quiz__module", "enrolment__version")
            .get(pk=attempt.pk)
        )
        if attempt.submitted_at is not None:
            raise LearningError(
                _("This attempt has already been submitted."), kind=LearningError.Kind.CONFLICT
            )
        total = len(attempt.question_ids)
        right = attempt.answers.filter(
            is_correct=True, question_id__in=attempt.question_ids
        ).count()
        attempt.score = round(100 * right / total) if total else 0
        attempt.passed = attempt.score >= attempt.quiz.pass_mark
        attempt.submitted_at = timezone.now()
        attempt.save(update_fields=["score", "passed", "submitted_at"])
        version = attempt.enrolment.version
        _record(
            user=attempt.enrolment.user,
            course_id=version.course_id,
            verb=Statement.Verb.PASSED if attempt.passed else Statement.Verb.FAILED,
            path=quiz_path(quiz=attempt.quiz),
            activity_type="assessment",
            name=attempt.quiz.title,
            language=version.language,
            result={
                "score": {"scaled": attempt.score / 100, "raw": right, "min": 0, "max": total},
                "success": attempt.passed,
                "completion": True,
            },
        )
        if attempt.passed:
            enrolment_update_completion(enrolment=attempt.enrolment)
    return attempt


# Publishing


def version_publish(*, version: CourseVersion) -> CourseVersion:
    problems = version_problems(version=version)
    if problems:
        raise LearningError(" ".join(problems))
    version.is_published = True
    version.save(update_fields=["is_published"])
    return version


def course_delete_content(*, course: Course) -> None:
    """Removes a course that nobody is enrolled in (used when a package replaces it)."""
    if Enrolment.objects.filter(version__course=course).exists():
        raise LearningError(_("Learners are enrolled in this course; it cannot be replaced."))
    course.delete()
