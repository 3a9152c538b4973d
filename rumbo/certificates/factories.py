"""Factories for certificate tests: an issuer, and a completed enrolment in a small course
(built directly, not through a course package, so a test that needs one stays fast)."""

import factory
from django.utils import timezone

from rumbo.accounts.factories import UserFactory
from rumbo.certificates.models import Issuer
from rumbo.learning.models import Attempt, Course, CourseVersion, Enrolment, Quiz


class IssuerFactory(factory.django.DjangoModelFactory[Issuer]):
    slug = factory.Sequence(lambda n: f"issuer-{n}")
    name = factory.Sequence(lambda n: f"Issuing organisation {n}")
    signatory_name = "Ana Torres"
    signatory_title = "Director"
    is_default = True

    class Meta:
        model = Issuer
        django_get_or_create = ["slug"]


class CourseFactory(factory.django.DjangoModelFactory[Course]):
    slug = factory.Sequence(lambda n: f"course-{n}")
    topic = "counter-trafficking"
    audience = "Everyone"
    hours_min = 3
    hours_max = 5

    class Meta:
        model = Course


class CourseVersionFactory(factory.django.DjangoModelFactory[CourseVersion]):
    course = factory.SubFactory(CourseFactory)
    language = "en"
    title = factory.Sequence(lambda n: f"Course number {n}")
    is_published = True

    class Meta:
        model = CourseVersion


class CompletedEnrolmentFactory(factory.django.DjangoModelFactory[Enrolment]):
    """An enrolment whose completion rule has held, with the final assessment passed at 90 %."""

    user = factory.SubFactory(UserFactory)
    version = factory.SubFactory(CourseVersionFactory)
    completed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Enrolment
        skip_postgeneration_save = True

    @factory.post_generation
    def final_attempt(obj: Enrolment, create: bool, extracted, **kwargs) -> None:  # noqa: N805
        if not create:
            return
        final = Quiz.objects.create(version=obj.version, title="Final assessment")
        Attempt.objects.create(
            enrolment=obj,
            quiz=final,
            number=1,
            seed=1,
            question_ids=[],
            submitted_at=timezone.now(),
            score=extracted if extracted is not None else 90,
            passed=True,
        )
