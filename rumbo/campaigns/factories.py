"""Factories for campaign sites; other apps' tests (measurement, research) may use them."""

import factory

from rumbo.accounts.factories import UserFactory
from rumbo.campaigns.models import (
    Campaign,
    CampaignRole,
    LandingBlock,
    NewsItem,
    PressContact,
)
from rumbo.core.factories import country


class CampaignFactory(factory.django.DjangoModelFactory[Campaign]):
    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"campana-{n}")
    name = factory.Sequence(lambda n: f"Campaña {n}")
    country = factory.LazyFunction(lambda: country("HN"))
    slogan = "Tu plan, tu futuro"
    colour_primary = "#1a5e9c"
    colour_accent = "#b8410e"


class CampaignRoleFactory(factory.django.DjangoModelFactory[CampaignRole]):
    class Meta:
        model = CampaignRole

    user = factory.SubFactory(UserFactory)
    campaign = factory.SubFactory(CampaignFactory)
    role = CampaignRole.Role.MANAGER


class LandingBlockFactory(factory.django.DjangoModelFactory[LandingBlock]):
    class Meta:
        model = LandingBlock

    campaign = factory.SubFactory(CampaignFactory)
    kind = LandingBlock.Kind.PROBLEM
    title = factory.Sequence(lambda n: f"Bloque {n}")
    body = "Texto del bloque."


class PressContactFactory(factory.django.DjangoModelFactory[PressContact]):
    class Meta:
        model = PressContact

    campaign = factory.SubFactory(CampaignFactory)
    name = "Ana Prensa"
    office = "Oficina de prensa"
    phone = "+504 2200 0000"
    email = "prensa@example.org"


class NewsItemFactory(factory.django.DjangoModelFactory[NewsItem]):
    class Meta:
        model = NewsItem

    campaign = factory.SubFactory(CampaignFactory)
    slug = factory.Sequence(lambda n: f"noticia-{n}")
    title = factory.Sequence(lambda n: f"Noticia {n}")
    body = "Texto de la noticia."
    published_at = factory.Faker("date_time_this_year", tzinfo=__import__("datetime").UTC)
