from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from rumbo.accounts.factories import UserFactory
from rumbo.accounts.models import User
from rumbo.learning import services
from rumbo.learning.demo import trafficking_package_files, zipped
from rumbo.learning.models import Attempt, Enrolment, LearnerProfile, Lesson, Question, Statement
from rumbo.learning.package import package_import
from rumbo.learning.selectors import (
    enrolment_is_complete,
    quiz_item_analysis,
    version_outline,
    version_problems,
)
from rumbo.learning.services import LearningError
from rumbo.learning.tests.conftest import correct_data, wrong_data

pytestmark = pytest.mark.django_db


def pass_quiz(enrolment, quiz):
    attempt = services.attempt_start(enrolment=enrolment, quiz=quiz)
    for question in Question.objects.filter(pk__in=attempt.question_ids):
        services.answer_save(attempt=attempt, question_id=question.pk, data=correct_data(question))
    return services.attempt_submit(attempt=attempt)


def test_registration_creates_unverified_learner_and_emails_link(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        user = services.learner_register(
            email="Ana@Example.org",
            full_name=" Ana Pérez ",
            password="long enough pass 1",
            language="es",
        )
        services.learner_send_verification(user=user, base_url="http://testserver")
    assert user.email == "ana@example.org"
    assert user.full_name == "Ana Pérez"
    assert LearnerProfile.objects.get(user=user).email_verified_at is None
    assert "http://testserver/campus/verify/" in mail.outbox[0].body


def test_registering_an_existing_email_is_refused(learner):
    with pytest.raises(LearningError, match="already exists"):
        services.learner_register(
            email=learner.email.upper(), full_name="X", password="long enough pass 1", language="es"
        )


def test_verification_token_marks_email_verified():
    user = User.objects.create_user(email="new@example.org")
    services.learner_verify_email(token=services.learner_verification_token(user=user))
    assert LearnerProfile.objects.get(user=user).email_verified_at is not None


def test_tampered_verification_token_is_refused():
    user = UserFactory()
    token = services.learner_verification_token(user=user)
    with pytest.raises(LearningError, match="not valid"):
        services.learner_verify_email(token=token[:-2] + "xx")


def test_unverified_learner_cannot_enrol(version_es):
    with pytest.raises(LearningError, match="Confirm your email"):
        services.enrolment_start(user=UserFactory(), version=version_es)


def test_enrolment_records_launched_statement(learner, version_es):
    services.enrolment_start(user=learner, version=version_es)
    assert Statement.objects.filter(user=learner, verb="launched").count() == 1


def test_final_assessment_draws_five_of_eight_and_keeps_the_draw(enrolment, version_es):
    final = version_es.quizzes.get(module__isnull=True)
    attempt = services.attempt_start(enrolment=enrolment, quiz=final)
    assert final.questions.count() == 8
    assert len(attempt.question_ids) == 5
    assert (
        services.attempt_start(enrolment=enrolment, quiz=final).question_ids == attempt.question_ids
    )


def test_answer_to_question_outside_attempt_is_refused(enrolment, version_es):
    quiz = version_es.modules.get(position=1).quiz
    attempt = services.attempt_start(enrolment=enrolment, quiz=quiz)
    other = Question.objects.exclude(pk__in=attempt.question_ids).first()
    with pytest.raises(LearningError, match="not part of your attempt"):
        services.answer_save(attempt=attempt, question_id=other.pk, data=correct_data(other))


def test_choice_of_another_question_is_refused(enrolment, version_es):
    quiz = version_es.modules.get(position=1).quiz
    attempt = services.attempt_start(enrolment=enrolment, quiz=quiz)
    question = Question.objects.get(pk=attempt.question_ids[0])
    foreign = Question.objects.exclude(pk=question.pk).first().choices.first()
    with pytest.raises(LearningError, match="not one of the options"):
        services.answer_save(attempt=attempt, question_id=question.pk, data=[str(foreign.pk)])


@pytest.mark.parametrize(
    "data", [["abc"], {"x": "y"}, [], "1", ["²"], ["9" * 5000], [None], [["1"]]]
)
def test_malformed_answer_is_refused(enrolment, version_es, data):
    quiz = version_es.modules.get(position=1).quiz
    attempt = services.attempt_start(enrolment=enrolment, quiz=quiz)
    single = Question.objects.get(pk__in=attempt.question_ids, kind="single")
    with pytest.raises(LearningError):
        services.answer_save(attempt=attempt, question_id=single.pk, data=data)


def test_two_answers_to_single_choice_are_refused(enrolment, version_es):
    quiz = version_es.modules.get(position=1).quiz
    attempt = services.attempt_start(enrolment=enrolment, quiz=quiz)
    single = Question.objects.get(pk__in=attempt.question_ids, kind="single")
    ids = [str(choice.pk) for choice in single.choices.all()[:2]]
    with pytest.raises(LearningError, match="only one"):
        services.answer_save(attempt=attempt, question_id=single.pk, data=ids)


def test_saving_again_replaces_the_answer(enrolment, version_es):
    quiz = version_es.modules.get(position=1).quiz
    attempt = services.attempt_start(enrolment=enrolment, quiz=quiz)
    question = Question.objects.get(pk__in=attempt.question_ids, kind="single")
    services.answer_save(attempt=attempt, question_id=question.pk, data=wrong_data(question))
    services.answer_save(attempt=attempt, question_id=question.pk, data=correct_data(question))
    assert attempt.answers.count() == 1
    assert attempt.answers.get().is_correct


def test_matching_answer_is_graded(enrolment, version_es):
    quiz = version_es.modules.get(position=1).quiz
    attempt = services.attempt_start(enrolment=enrolment, quiz=quiz)
    matching = Question.objects.get(pk__in=attempt.question_ids, kind="matching")
    assert services.answer_save(
        attempt=attempt, question_id=matching.pk, data=correct_data(matching)
    ).is_correct
    assert not services.answer_save(
        attempt=attempt, question_id=matching.pk, data=wrong_data(matching)
    ).is_correct


def test_answer_after_submission_is_refused(enrolment, version_es):
    quiz = version_es.modules.get(position=1).quiz
    attempt = pass_quiz(enrolment, quiz)
    question = Question.objects.get(pk=attempt.question_ids[0])
    with pytest.raises(LearningError, match="already been submitted"):
        services.answer_save(attempt=attempt, question_id=question.pk, data=correct_data(question))


def test_attempt_beyond_the_limit_is_refused(enrolment, version_es):
    quiz = version_es.modules.get(position=1).quiz
    for _number in range(quiz.attempt_limit):
        services.attempt_submit(attempt=services.attempt_start(enrolment=enrolment, quiz=quiz))
    with pytest.raises(LearningError, match="used all 3 attempts"):
        services.attempt_start(enrolment=enrolment, quiz=quiz)


def test_attempt_before_the_waiting_time_is_refused(enrolment, version_es):
    final = version_es.quizzes.get(module__isnull=True)
    services.attempt_submit(attempt=services.attempt_start(enrolment=enrolment, quiz=final))
    with pytest.raises(LearningError, match="try again from"):
        services.attempt_start(enrolment=enrolment, quiz=final)
    Attempt.objects.update(submitted_at=timezone.now() - timedelta(minutes=final.wait_minutes + 1))
    assert services.attempt_start(enrolment=enrolment, quiz=final).number == 2


def test_passed_quiz_cannot_be_retaken(enrolment, version_es):
    quiz = version_es.modules.get(position=1).quiz
    assert pass_quiz(enrolment, quiz).passed
    with pytest.raises(LearningError, match="already passed"):
        services.attempt_start(enrolment=enrolment, quiz=quiz)


def test_completion_needs_lessons_quizzes_and_final(enrolment, version_es):
    for quiz in version_es.quizzes.filter(module__isnull=False):
        pass_quiz(enrolment, quiz)
    for lesson in Lesson.objects.filter(module__version=version_es):
        services.lesson_mark_viewed(enrolment=enrolment, lesson=lesson)
    assert not enrolment_is_complete(enrolment=enrolment)
    pass_quiz(enrolment, version_es.quizzes.get(module__isnull=True))
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert enrolment_is_complete(enrolment=enrolment)
    verbs = set(Statement.objects.filter(user=enrolment.user).values_list("verb", flat=True))
    assert verbs == {"progressed", "answered", "passed", "completed"}


def test_failing_the_final_records_failed_and_no_completion(enrolment, version_es):
    final = version_es.quizzes.get(module__isnull=True)
    attempt = services.attempt_submit(
        attempt=services.attempt_start(enrolment=enrolment, quiz=final)
    )
    assert attempt.passed is False
    assert attempt.score == 0
    assert Statement.objects.filter(verb="failed").exists()
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None


def test_partial_version_never_completes(learner):
    # The demo course with its Arabic version cut down to module 1 (published as partial).
    files = {
        name: data
        for name, data in trafficking_package_files().items()
        if not name.startswith("ar/") or name.startswith(("ar/version", "ar/modules/1/"))
    }
    course = package_import(data=zipped(files))
    arabic = course.versions.get(language="ar")
    assert arabic.modules.count() == 1
    enrolment = Enrolment.objects.create(user=learner, version=arabic)
    pass_quiz(enrolment, arabic.modules.get(position=1).quiz)
    for lesson in Lesson.objects.filter(module__version=arabic):
        services.lesson_mark_viewed(enrolment=enrolment, lesson=lesson)
    assert version_outline(version=arabic, enrolment=enrolment).modules[0].percent == 100
    assert not enrolment_is_complete(enrolment=enrolment)


def test_version_with_a_module_without_quiz_cannot_be_published(version_es):
    version_es.modules.get(position=3).quiz.delete()
    version_es.is_published = False
    version_es.save()
    assert version_problems(version=version_es) == ["Module 3 has no quiz."]
    with pytest.raises(LearningError, match="Module 3 has no quiz"):
        services.version_publish(version=version_es)


def test_item_analysis_gives_facility_and_discrimination(version_es):
    quiz = version_es.modules.get(position=1).quiz
    questions = list(quiz.questions.order_by("position"))
    # Four learners: the strongest answer everything right, the weakest nothing.
    for right_count in (4, 3, 1, 0):
        user = User.objects.create_user(email=f"l{right_count}@example.org")
        LearnerProfile.objects.create(user=user)
        enrolment = Enrolment.objects.create(user=user, version=version_es)
        attempt = services.attempt_start(enrolment=enrolment, quiz=quiz)
        for index, question in enumerate(questions):
            data = correct_data(question) if index < right_count else wrong_data(question)
            services.answer_save(attempt=attempt, question_id=question.pk, data=data)
        services.attempt_submit(attempt=attempt)
    rows = {row["question"].position: row for row in quiz_item_analysis(quiz=quiz)}
    assert rows[1]["facility"] == 0.75
    assert rows[4]["facility"] == 0.25
    assert rows[1]["discrimination"] > 0.5


def test_an_overlong_email_is_refused_for_its_length_not_as_existing(db):
    with pytest.raises(LearningError, match="at most 254 characters") as refused:
        services.learner_register(
            email="a" * 288 + "@example.org",
            full_name="X",
            password="long enough pass 1",
            language="es",
        )
    assert refused.value.code != "exists"
