import pytest
from django.conf import settings
from django.utils import translation

from rumbo.learning.demo import short_package_files, trafficking_package_files, zipped
from rumbo.learning.demo_content import SHORT_COURSES
from rumbo.learning.factories import LearnerProfileFactory
from rumbo.learning.models import Course, CourseVersion, Enrolment, Facilitator
from rumbo.learning.package import package_import


@pytest.fixture
def course(db) -> Course:
    return package_import(data=zipped(trafficking_package_files()))


@pytest.fixture
def short_course(db) -> Course:
    return package_import(data=zipped(short_package_files(SHORT_COURSES[0])))


@pytest.fixture
def learner(db):
    return LearnerProfileFactory().user


@pytest.fixture
def version_es(course) -> CourseVersion:
    return course.versions.get(language="es")


@pytest.fixture
def enrolment(learner, version_es) -> Enrolment:
    return Enrolment.objects.create(user=learner, version=version_es)


def correct_data(question):
    """The right answer to a question, in the shape answer_save() takes."""
    choices = list(question.choices.all())
    if question.kind == "matching":
        return {str(choice.pk): str(choice.pk) for choice in choices}
    return [str(choice.pk) for choice in choices if choice.is_correct]


def wrong_data(question):
    choices = list(question.choices.all())
    if question.kind == "matching":
        return {str(choices[0].pk): str(choices[1].pk)}
    return [str(next(choice.pk for choice in choices if not choice.is_correct))]


@pytest.fixture(autouse=True)
def _without_demo_courses(request):
    """Other apps' tests load the demo data once per session, and it holds the very courses
    these tests import from packages: each test here starts from an empty catalogue (the
    deletion is rolled back with the test)."""
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
        Enrolment.objects.all().delete()
        Course.objects.all().delete()
        Facilitator.objects.all().delete()


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English; pages of a course version still follow its language."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def client(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def admin_client(admin_client):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return admin_client
