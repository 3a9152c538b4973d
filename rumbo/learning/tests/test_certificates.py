"""Completing a course issues its certificate, and the learner's pages link to it."""

import pytest
from django.urls import reverse

from rumbo.certificates.factories import IssuerFactory
from rumbo.certificates.models import Certificate, Issuer
from rumbo.learning import services
from rumbo.learning.models import Lesson
from rumbo.learning.tests.test_services import pass_quiz


@pytest.fixture
def completed(enrolment, version_es, django_capture_on_commit_callbacks):
    # The demo data, when a test before this one loaded it, has its own default issuer.
    Issuer.objects.filter(is_default=True).update(is_default=False)
    IssuerFactory.create()
    with django_capture_on_commit_callbacks(execute=True):
        for quiz in version_es.quizzes.filter(module__isnull=False):
            pass_quiz(enrolment, quiz)
        for lesson in Lesson.objects.filter(module__version=version_es):
            services.lesson_mark_viewed(enrolment=enrolment, lesson=lesson)
        pass_quiz(enrolment, version_es.quizzes.get(module__isnull=True))
    return enrolment


def test_completing_a_course_issues_its_certificate(completed):
    certificate = Certificate.objects.get(enrolment=completed)
    assert certificate.course_title == completed.version.title
    assert certificate.language == "es"


@pytest.mark.parametrize("page", ["course", "catalogue"])
def test_learners_pages_link_the_certificate_pdf_and_credential(client, completed, page):
    certificate = Certificate.objects.get(enrolment=completed)
    client.force_login(completed.user)
    url = (
        completed.version.get_absolute_url() if page == "course" else reverse("learning:catalogue")
    )
    html = client.get(url).content.decode()
    assert certificate.get_absolute_url() in html
    assert reverse("certificates:pdf", args=[certificate.display_code]) in html
    assert reverse("certificates:credential", args=[certificate.display_code]) in html


def test_an_unfinished_course_links_no_certificate(client, enrolment):
    client.force_login(enrolment.user)
    html = client.get(enrolment.version.get_absolute_url()).content.decode()
    assert "/verify/" not in html
