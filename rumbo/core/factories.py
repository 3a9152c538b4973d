"""Factories for core's records (countries, places, organisations), shared by every app's
factories and tests. Countries and states are reused when they exist: many apps' records
point at the same few."""

import factory

from rumbo.core.models import Country, Organisation, Place


def country(code: str = "GT") -> Country:
    return Country.objects.get_or_create(
        code=code, defaults={"name": code, "role": Country.Role.ORIGIN}
    )[0]


def state(name: str = "Estado", code: str = "GT") -> Place:
    return Place.objects.get_or_create(
        country=country(code),
        kind=Place.Kind.STATE,
        parent=None,
        name=name,
        defaults={"latitude": 15.0, "longitude": -91.0},
    )[0]


class CountryFactory(factory.django.DjangoModelFactory[Country]):
    class Meta:
        model = Country
        django_get_or_create = ["code"]

    code = factory.Iterator(["MX", "GT", "HN", "SV", "NI"])
    name = factory.LazyAttribute(lambda country: f"Country {country.code}")
    role = Country.Role.ORIGIN


class PlaceFactory(factory.django.DjangoModelFactory[Place]):
    """A municipality, in a state of its country (Guatemala unless told)."""

    class Meta:
        model = Place

    country = factory.LazyFunction(country)
    parent = factory.LazyAttribute(lambda place: state(code=place.country.code))
    kind = Place.Kind.CITY
    name = factory.Sequence(lambda n: f"Municipio {n}")
    latitude = 14.9
    longitude = -91.5


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"organisation-{n}")
    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.NGO
