"""Factories for information points; other apps' tests may use them."""

from datetime import time

import factory

from rumbo.core.models import Country, Organisation, Place
from rumbo.infopoints.models import (
    HoursException,
    InfoPoint,
    InfoPointLanguage,
    OpeningHours,
    Service,
)


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


class PlaceFactory(factory.django.DjangoModelFactory[Place]):
    class Meta:
        model = Place

    country = factory.LazyFunction(country)
    parent = factory.LazyFunction(state)
    kind = Place.Kind.CITY
    name = factory.Sequence(lambda n: f"Municipio {n}")
    latitude = 14.9
    longitude = -91.5


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"point-org-{n}")
    name = factory.Sequence(lambda n: f"Organización {n}")
    kind = Organisation.Kind.NGO


class ServiceFactory(factory.django.DjangoModelFactory[Service]):
    class Meta:
        model = Service
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"service-{n}")
    name = factory.Sequence(lambda n: f"Servicio {n}")


class InfoPointFactory(factory.django.DjangoModelFactory[InfoPoint]):
    class Meta:
        model = InfoPoint

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Punto de información {n}")
    slug = factory.Sequence(lambda n: f"punto-{n}")
    address = "Calle principal 1"
    place = factory.SubFactory(PlaceFactory)
    latitude = factory.SelfAttribute("place.latitude")
    longitude = factory.SelfAttribute("place.longitude")
    time_zone = "America/Guatemala"


class OpeningHoursFactory(factory.django.DjangoModelFactory[OpeningHours]):
    class Meta:
        model = OpeningHours

    info_point = factory.SubFactory(InfoPointFactory)
    weekday = 0
    opens = time(9)
    closes = time(17)


class HoursExceptionFactory(factory.django.DjangoModelFactory[HoursException]):
    class Meta:
        model = HoursException

    info_point = factory.SubFactory(InfoPointFactory)
    kind = HoursException.Kind.HOLIDAY


class InfoPointLanguageFactory(factory.django.DjangoModelFactory[InfoPointLanguage]):
    class Meta:
        model = InfoPointLanguage

    info_point = factory.SubFactory(InfoPointFactory)
    code = "spa"


def weekly_hours(point: InfoPoint, *, days=range(7), opens=time(9), closes=time(17)) -> None:
    for day in days:
        OpeningHoursFactory.create(info_point=point, weekday=day, opens=opens, closes=closes)
