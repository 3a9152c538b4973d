"""Factories for information points; other apps' tests may use them."""

from datetime import time

import factory

from rumbo.core.factories import OrganisationFactory, PlaceFactory
from rumbo.infopoints.models import (
    HoursException,
    InfoPoint,
    InfoPointLanguage,
    OpeningHours,
    Service,
)


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
