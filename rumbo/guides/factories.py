"""Factories for the guides' records; country and place factories reuse existing rows."""

import datetime

import factory
from django.utils import timezone

from rumbo.core.factories import OrganisationFactory, PlaceFactory, country
from rumbo.core.models import Organisation
from rumbo.guides.models import (
    Article,
    Document,
    DocumentIssuance,
    EligibilityRule,
    Office,
    Pathway,
    Source,
)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    title = factory.Sequence(lambda n: f"Official page {n}")
    publisher = "Ministry"
    url = factory.Sequence(lambda n: f"https://example.gob/{n}")
    accessed_on = factory.LazyFunction(timezone.localdate)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    slug = factory.Sequence(lambda n: f"document-{n}")
    kind = Document.Kind.IDENTITY
    name = factory.Sequence(lambda n: f"Document {n}")


class DocumentIssuanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentIssuance

    document = factory.SubFactory(DocumentFactory)
    country = factory.LazyFunction(lambda: country("HN"))
    institution = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.GOVERNMENT)
    last_verified = factory.LazyFunction(timezone.localdate)
    verified_against = "page as it stood that day"


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    issuance = factory.SubFactory(DocumentIssuanceFactory)
    name = factory.Sequence(lambda n: f"Office {n}")
    # Honduras, where the guides' tests place their offices.
    place = factory.SubFactory(
        PlaceFactory,
        country=factory.LazyFunction(lambda: country("HN")),
        parent=None,
        latitude=15.5,
        longitude=-88.0,
    )


class PathwayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pathway
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"pathway-{n}")
    kind = Pathway.Kind.TEMPORARY_WORK
    destination = factory.LazyFunction(lambda: country("MX"))
    title = factory.Sequence(lambda n: f"Pathway {n}")
    summary = "A regular way."
    last_verified = factory.LazyFunction(timezone.localdate)
    verified_against = "page as it stood that day"

    @factory.post_generation
    def origins(self, create, extracted, **kwargs):
        if create:
            self.origin_countries.set(  # type: ignore[attr-defined]
                [country(code) for code in (extracted or ["HN"])]
            )


class EligibilityRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EligibilityRule

    pathway = factory.SubFactory(PathwayFactory)
    fact = EligibilityRule.Fact.AGE
    operator = EligibilityRule.Operator.MIN
    value = "18"
    unmet_message = "Only from 18 years of age"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    slug = factory.Sequence(lambda n: f"article-{n}")
    kind = Article.Kind.RIGHTS
    title = factory.Sequence(lambda n: f"Article {n}")
    summary = "Know your rights."
    body = "Some **text**."
    last_verified = factory.LazyFunction(timezone.localdate)
    verified_against = "page as it stood that day"


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)
