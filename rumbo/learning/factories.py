"""Factories for other apps' tests: a verified learner, and an enrolment in a demo course."""

import factory
from django.utils import timezone

from rumbo.accounts.factories import UserFactory
from rumbo.learning.models import LearnerProfile


class LearnerProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    email_verified_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = LearnerProfile
