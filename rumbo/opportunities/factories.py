"""Factories for opportunities; other apps' tests (the plan's) may use them."""

import factory

from rumbo.accounts.factories import UserFactory
from rumbo.core.factories import country
from rumbo.core.models import Organisation
from rumbo.opportunities.models import (
    Opportunity,
    OpportunityLanguage,
    OpportunityRule,
    PartnerMembership,
)


class ProviderFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"provider-{n}")
    name = factory.Sequence(lambda n: f"Instituto {n}")
    kind = Organisation.Kind.GOVERNMENT
    country = factory.LazyFunction(country)


class OpportunityFactory(factory.django.DjangoModelFactory[Opportunity]):
    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"oportunidad-{n}")
    kind = Opportunity.Kind.LEARNING
    subkind = Opportunity.Subkind.VOCATIONAL_COURSE
    title = factory.Sequence(lambda n: f"Curso {n}")
    summary = "Curso técnico gratuito."
    provider = factory.SubFactory(ProviderFactory)
    country = factory.LazyFunction(country)
    status = Opportunity.Status.PUBLISHED
    apply_url = "https://example.org/aplicar"

    @factory.post_generation
    def places(self, create, extracted, **kwargs):
        if create and extracted:
            self.places.set(extracted)


class OpportunityLanguageFactory(factory.django.DjangoModelFactory[OpportunityLanguage]):
    class Meta:
        model = OpportunityLanguage

    opportunity = factory.SubFactory(OpportunityFactory)
    code = "spa"


class OpportunityRuleFactory(factory.django.DjangoModelFactory[OpportunityRule]):
    class Meta:
        model = OpportunityRule

    opportunity = factory.SubFactory(OpportunityFactory)
    fact = "nationality"
    operator = "in"
    value = "GT"
    unmet_message = "Solo para personas guatemaltecas"


class PartnerMembershipFactory(factory.django.DjangoModelFactory[PartnerMembership]):
    class Meta:
        model = PartnerMembership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(ProviderFactory)
