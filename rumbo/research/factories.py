import factory

from rumbo.accounts.factories import UserFactory
from rumbo.research.models import Indicator, ProjectMembership, SurveyProject, Wave


class SurveyProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyProject

    slug = factory.Sequence(lambda n: f"survey-{n}")
    name = factory.Sequence(lambda n: f"Survey {n}")
    country_field = "country"


class WaveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wave

    project = factory.SubFactory(SurveyProjectFactory)
    name = factory.Sequence(lambda n: f"Wave {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectMembership

    project = factory.SubFactory(SurveyProjectFactory)
    user = factory.SubFactory(UserFactory)
    role = ProjectMembership.Role.RESEARCHER


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    project = factory.SubFactory(SurveyProjectFactory)
    slug = factory.Sequence(lambda n: f"indicator-{n}")
    name = factory.Sequence(lambda n: f"Indicator {n}")
    question = "q"
    counted_values = factory.LazyFunction(lambda: ["yes"])
