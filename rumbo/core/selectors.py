from functools import cache

from django.apps import apps
from django.db.models import QuerySet

from rumbo.core.models import Country, Place
from rumbo.core.sections import Section
from rumbo.core.text import fold


@cache
def site_section_list() -> list[Section]:
    sections = [
        section
        for config in apps.get_app_configs()
        if (section := getattr(config, "site_section", None)) is not None
    ]
    return sorted(sections, key=lambda section: section.order)


def country_list(*, role: str | None = None) -> QuerySet[Country]:
    countries = Country.objects.all()
    if role:
        countries = countries.filter(role=role)
    return countries


def place_list(*, country_code: str | None = None, kind: str | None = None) -> QuerySet[Place]:
    places = Place.objects.select_related("parent", "country")
    if country_code:
        places = places.filter(country__code=country_code)
    if kind:
        places = places.filter(kind=kind)
    return places


def place_search(*, query: str, country_code: str | None = None, limit: int = 10) -> list[Place]:
    """Places whose name starts with, then contains, `query`, ignoring accents and case.

    Larger places come first: "san pedro" finds San Pedro Sula before hamlets of that name.
    """
    folded = fold(query)
    if not folded:
        return []
    places = place_list(country_code=country_code).order_by("-population", "name")
    found = list(places.filter(name_folded__startswith=folded)[:limit])
    if len(found) < limit:
        found += places.filter(name_folded__contains=folded).exclude(
            pk__in=[place.pk for place in found]
        )[: limit - len(found)]
    return found
