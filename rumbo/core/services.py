import gettext

import pycountry
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from rumbo.core import gazetteer
from rumbo.core.models import Country, Job, Organisation, Place
from rumbo.core.text import fold

# The countries people in the five origin countries most often migrate to.
DESTINATION_COUNTRIES = ("US", "CA", "ES", "CR", "PA", "BZ", "IT")


def _country_name_translations(alpha_2: str) -> dict[str, str]:
    english = pycountry.countries.lookup(alpha_2)
    name = getattr(english, "common_name", None) or english.name
    names = {}
    for code, _label in settings.LANGUAGES:
        catalogue = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[code], fallback=True
        )
        names[f"name_{code}"] = catalogue.gettext(english.name)
    names["name_en"] = name
    return names


@transaction.atomic
def country_load_all() -> int:
    """Creates or updates the origin and destination countries, names from pycountry."""
    roles = dict.fromkeys(gazetteer.ORIGIN_COUNTRIES, Country.Role.ORIGIN) | dict.fromkeys(
        DESTINATION_COUNTRIES, Country.Role.DESTINATION
    )
    for code, role in roles.items():
        names = _country_name_translations(code)
        Country.objects.update_or_create(
            code=code, defaults={"role": role, "name": names["name_es"], **names}
        )
    return len(roles)


@transaction.atomic
def gazetteer_load() -> int:
    """Loads states/departments and cities of the origin countries; safe to run again.

    Where GeoNames lists two places of one name in the same state, the larger is kept.
    """
    countries = {c.code: c for c in Country.objects.filter(code__in=gazetteer.ORIGIN_COUNTRIES)}
    cities = sorted(gazetteer.iter_cities(), key=lambda city: -city.population)
    states: dict[str, Place] = {}
    for city in cities:
        if city.state.code not in states:
            states[city.state.code] = Place.objects.update_or_create(
                country=countries[city.country],
                kind=Place.Kind.STATE,
                parent=None,
                name=city.state.name,
                # A state sits where its largest city does; good enough to centre a map.
                defaults={
                    "code": city.state.code,
                    "latitude": city.latitude,
                    "longitude": city.longitude,
                },
            )[0]
    existing = set(Place.objects.filter(kind=Place.Kind.CITY).values_list("parent_id", "name"))
    new_places = {}
    for city in cities:
        state = states[city.state.code]
        key = (state.pk, city.name)
        if key in existing or key in new_places:
            continue
        place = Place(
            country=countries[city.country],
            kind=Place.Kind.CITY,
            parent=state,
            name=city.name,
            latitude=city.latitude,
            longitude=city.longitude,
            population=city.population,
        )
        place.name_folded = fold(city.name)
        new_places[key] = place
    Place.objects.bulk_create(new_places.values(), batch_size=2000)
    return len(states) + len(existing) + len(new_places)


def organisation_upsert(*, slug: str, is_demo: bool = False, **fields) -> Organisation:
    organisation, _created = Organisation.objects.update_or_create(
        slug=slug, defaults={"is_demo": is_demo, **fields}
    )
    return organisation


def job_create(*, kind: str, total: int = 0, created_by=None) -> Job:
    return Job.objects.create(kind=kind, total=total, created_by=created_by)


def job_progress(*, job: Job, done: int, total: int | None = None, message: str = "") -> None:
    """Records progress from inside a task; a plain UPDATE, so it is cheap to call often."""
    fields = {"done": done, "status": Job.Status.RUNNING, "message": message[:500]}
    if total is not None:
        fields["total"] = total
    Job.objects.filter(pk=job.pk).update(**fields, updated_at=timezone.now())


def job_finish(*, job: Job, failed: bool = False, message: str = "") -> None:
    status = Job.Status.FAILED if failed else Job.Status.DONE
    Job.objects.filter(pk=job.pk).update(
        status=status, message=message[:500], updated_at=timezone.now()
    )
