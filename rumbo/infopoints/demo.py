"""Demo information points: 40 points in the five countries, at real municipalities of the
gazetteer, run by invented organisations. Every record is marked demo."""

import uuid
from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone

from rumbo.core.models import Country, Organisation, Place
from rumbo.core.services import organisation_upsert
from rumbo.infopoints.models import (
    HoursException,
    InfoPoint,
    InfoPointLanguage,
    OpeningHours,
    Phone,
    Service,
)
from rumbo.infopoints.taxonomy import service_taxonomy_load

K = Organisation.Kind

ORGANISATIONS = [
    # slug, kind, country, name
    ("demo-casa-frontera-sur", K.FAITH, "MX", "Casa del Migrante de la Frontera Sur"),
    ("demo-orientacion-mx", K.NGO, "MX", "Centro de Orientación para Personas Migrantes"),
    ("demo-juventud-sin-fronteras", K.NGO, "GT", "Juventud sin Fronteras"),
    ("demo-oficinas-juventud-gt", K.MUNICIPALITY, "GT", "Oficinas Municipales de la Juventud"),
    ("demo-retornados-hn", K.GOVERNMENT, "HN", "Centro de Atención al Migrante Retornado"),
    ("demo-garifuna-hn", K.NGO, "HN", "Asociación Garífuna de Orientación Comunitaria"),
    ("demo-ventanilla-sv", K.MUNICIPALITY, "SV", "Ventanillas Municipales de Migración"),
    ("demo-red-comunitaria-ni", K.NGO, "NI", "Red Comunitaria de Orientación Migratoria"),
    ("demo-universidad-caribe", K.EDUCATION, "NI", "Universidad Comunitaria del Caribe"),
]

ZONES = {
    "MX": "America/Mexico_City",
    "GT": "America/Guatemala",
    "HN": "America/Tegucigalpa",
    "SV": "America/El_Salvador",
    "NI": "America/Managua",
}

ALL = "regular-migration-information document-guidance local-opportunities"
# Hours in a short notation: "mon-fri 08:00-16:00; sat 09:00-12:00"; "daily 00:00-23:59".
OFFICE = "mon-fri 08:00-16:00"
SPLIT = "mon-fri 09:00-13:00,14:00-18:00; sat 09:00-12:00"
ALWAYS = "daily 00:00-23:59"

# slug, name, organisation, (country, state, municipality), (north, east) offset in
# thousandths of a degree from the municipality's centre, address, phones ("+wa" marks
# WhatsApp), hours, services, languages, days since confirmed (None: never)
# fmt: off
POINTS: list[tuple] = [
    ("tapachula-centro", "Centro de Información Tapachula Centro", "iom",
     ("MX", "Chiapas", "Tapachula"), (1, 2), "4a Avenida Norte 12, Centro",
     ["+529626251100", "+529621234567+wa"], SPLIT, ALL + " legal-advice", "spa eng hat", 20),
    ("tapachula-casa-migrante", "Casa del Migrante Tapachula", "demo-casa-frontera-sur",
     ("MX", "Chiapas", "Tapachula"), (-6, -9), "Calzada de los Migrantes 300",
     ["+529626269900+wa"], ALWAYS, ALL + " psychosocial-support protection-referral",
     "spa quc mam", 10),
    ("tapachula-juventud", "Punto Joven Tapachula", "demo-orientacion-mx",
     ("MX", "Chiapas", "Tapachula"), (12, 15), "Boulevard Díaz Ordaz 45, colonia 5 de Febrero",
     ["+529621112233+wa"], "mon-fri 09:00-14:00,15:00-18:00", ALL, "spa", 30),
    ("ciudad-hidalgo", "Módulo de Orientación Ciudad Hidalgo", "demo-orientacion-mx",
     ("MX", "Chiapas", "Ciudad Hidalgo"), (2, 3), "Calle Central Oriente 8",
     ["+529626980011"], OFFICE, "regular-migration-information document-guidance",
     "spa mam", 45),
    ("cacahoatan", "Punto de Información Cacahoatán", "demo-orientacion-mx",
     ("MX", "Chiapas", "Cacahoatán"), (1, -1), "Avenida Central Norte 3",
     ["+529626250040"], "tue-sat 09:00-15:00", "regular-migration-information", "spa", 60),
    ("huixtla", "Centro de Información Huixtla", "demo-casa-frontera-sur",
     ("MX", "Chiapas", "Huixtla"), (0, 2), "2a Calle Poniente 14",
     ["+529646420200+wa"], "mon-fri 09:00-17:00", ALL + " psychosocial-support", "spa quc", 15),
    ("tecun-uman", "Centro de Información Tecún Umán", "demo-juventud-sin-fronteras",
     ("GT", "San Marcos", "Ciudad Tecún Umán"), (1, 1), "6a Avenida 3-20, zona 1",
     ["+50277760101+wa"], "daily 07:00-19:00", ALL + " protection-referral", "spa quc mam", 25),
    ("quetzaltenango", "Oficina de la Juventud Quetzaltenango", "demo-oficinas-juventud-gt",
     ("GT", "Quetzaltenango", "Quetzaltenango"), (0, 1), "14 Avenida 5-22, zona 1",
     ["+50277612222"], "mon-fri 08:00-16:30; sat 08:00-12:00", ALL + " labour-mobility",
     "spa quc mam", 35),
    ("totonicapan", "Oficina de la Juventud Totonicapán", "demo-oficinas-juventud-gt",
     ("GT", "Totonicapán", "Totonicapán"), (1, 0), "7a Avenida 4-10, zona 1",
     ["+50277663333+wa"], OFFICE, ALL, "quc spa", 40),
    ("santa-cruz-del-quiche", "Centro de Información Santa Cruz del Quiché",
     "demo-juventud-sin-fronteras", ("GT", "Quiché", "Santa Cruz del Quiché"), (0, -1),
     "3a Calle 2-45, zona 1", ["+50277551010+wa"], SPLIT,
     ALL + " psychosocial-support", "quc spa", 12),
    ("chichicastenango", "Punto de Información Chichicastenango", "demo-oficinas-juventud-gt",
     ("GT", "Quiché", "Chichicastenango"), (1, 1), "5a Avenida 6-30, zona 1",
     ["+50277561111"], "thu-sun 08:00-14:00", "regular-migration-information", "quc spa", 50),
    ("huehuetenango", "Centro de Información Huehuetenango", "demo-juventud-sin-fronteras",
     ("GT", "Huehuetenango", "Huehuetenango"), (0, 1), "2a Calle 5-40, zona 1",
     ["+50277644444+wa"], OFFICE, ALL + " return-reintegration", "spa mam", 33),
    ("guatemala-zona-1", "Centro de Información Ciudad de Guatemala", "iom",
     ("GT", "Guatemala", "Guatemala City"), (2, 1), "6a Avenida 8-00, zona 1",
     ["+50222201100", "+50255550101+wa"], SPLIT, ALL + " legal-advice labour-mobility",
     "spa eng", 5),
    ("guatemala-retornados", "Punto de Atención a Personas Retornadas La Aurora", "iom",
     ("GT", "Guatemala", "Guatemala City"), (-45, -15), "Avenida Hincapié, zona 13",
     ["+50222202200"], "daily 06:00-22:00", "return-reintegration psychosocial-support "
     "document-guidance", "spa eng quc", 18),
    ("mixco", "Oficina de la Juventud Mixco", "demo-oficinas-juventud-gt",
     ("GT", "Guatemala", "Mixco"), (0, 2), "Calzada Roosevelt 21-10, zona 1",
     ["+50224300300"], OFFICE, ALL, "spa", 70),
    ("coban", "Centro de Información Cobán", "demo-juventud-sin-fronteras",
     ("GT", "Alta Verapaz", "Cobán"), (1, 0), "1a Calle 3-10, zona 1",
     ["+50277905050+wa"], OFFICE, ALL, "spa kek", 28),
    ("puerto-barrios", "Punto de Información Puerto Barrios", "demo-juventud-sin-fronteras",
     ("GT", "Izabal", "Puerto Barrios"), (0, 1), "8a Calle y 6a Avenida",
     ["+50279480101"], OFFICE, ALL, "spa cab eng", 41),
    ("san-pedro-sula-centro", "Centro de Información San Pedro Sula", "iom",
     ("HN", "Cortés", "San Pedro Sula"), (1, 1), "3a Avenida, 5a Calle SO, barrio El Centro",
     ["+50425501100", "+50499990101+wa"], SPLIT, ALL + " legal-advice", "spa eng", 8),
    ("san-pedro-sula-retornados", "Centro de Atención al Migrante Retornado San Pedro Sula",
     "demo-retornados-hn", ("HN", "Cortés", "San Pedro Sula"), (-40, -30),
     "Aeropuerto Ramón Villeda Morales", ["+50425502200"], "daily 06:00-20:00",
     "return-reintegration psychosocial-support document-guidance", "spa", 14),
    ("choloma", "Punto Joven Choloma", "demo-retornados-hn",
     ("HN", "Cortés", "Choloma"), (0, 1), "Barrio Las Flores, calle principal",
     ["+50426693030+wa"], "mon-fri 08:00-15:00", ALL, "spa", 95),
    ("tegucigalpa-centro", "Centro de Información Tegucigalpa", "iom",
     ("HN", "Francisco Morazán", "Tegucigalpa"), (1, 1), "Avenida Cervantes, barrio El Centro",
     ["+50422201100+wa"], SPLIT, ALL + " legal-advice labour-mobility", "spa eng", 6),
    ("tegucigalpa-retornados", "Centro de Atención al Migrante Retornado Tegucigalpa",
     "demo-retornados-hn", ("HN", "Francisco Morazán", "Tegucigalpa"), (-10, 12),
     "Colonia Kennedy, bulevar principal", ["+50422202200"], OFFICE,
     "return-reintegration psychosocial-support", "spa", 130),
    ("la-ceiba", "Centro Garífuna de Orientación La Ceiba", "demo-garifuna-hn",
     ("HN", "Atlántida", "La Ceiba"), (1, -1), "Barrio La Isla, avenida 14 de Julio",
     ["+50424401010+wa"], SPLIT, ALL + " psychosocial-support", "cab spa eng", 22),
    ("tela", "Punto de Información Tela", "demo-garifuna-hn",
     ("HN", "Atlántida", "Tela"), (0, 1), "Barrio El Centro, 9a calle",
     ["+50424482020"], "mon-fri 08:00-12:00,13:00-16:00", ALL, "cab spa", 55),
    ("puerto-lempira", "Punto de Información Puerto Lempira", "demo-retornados-hn",
     ("HN", "Gracias a Dios", "Puerto Lempira"), (0, 1), "Barrio El Centro, frente al muelle",
     ["+50424330303"], "mon-fri 08:00-14:00", "regular-migration-information "
     "document-guidance", "miq spa", 80),
    ("san-salvador-centro", "Ventanilla de Migración San Salvador", "demo-ventanilla-sv",
     ("SV", "San Salvador", "San Salvador"), (1, 1), "Alameda Juan Pablo II 250",
     ["+50322201100+wa"], SPLIT, ALL + " legal-advice labour-mobility", "spa eng", 9),
    ("san-salvador-retornados", "Centro de Atención a Personas Retornadas", "dgme-sv",
     ("SV", "San Salvador", "San Salvador"), (-8, 10), "Colonia Escalón, 79 Avenida Norte",
     ["+50322202200"], "daily 07:00-19:00", "return-reintegration psychosocial-support "
     "document-guidance", "spa", 16),
    ("soyapango", "Ventanilla de Migración Soyapango", "demo-ventanilla-sv",
     ("SV", "San Salvador", "Soyapango"), (0, 1), "Avenida Rosario Sur, barrio El Progreso",
     ["+50322773030"], OFFICE, ALL, "spa", 38),
    ("san-miguel", "Ventanilla de Migración San Miguel", "demo-ventanilla-sv",
     ("SV", "San Miguel", "San Miguel"), (1, 0), "4a Calle Oriente 7",
     ["+50326604040+wa"], SPLIT, ALL + " return-reintegration", "spa", 27),
    ("santa-ana", "Ventanilla de Migración Santa Ana", "demo-ventanilla-sv",
     ("SV", "Santa Ana", "Santa Ana"), (0, 1), "Avenida Independencia Sur 21",
     ["+50324405050"], OFFICE, ALL, "spa", None),
    ("managua-centro", "Centro de Información Managua", "iom",
     ("NI", "Managua", "Managua"), (1, 1), "Rotonda El Güegüense, 2 cuadras al sur",
     ["+50522201100+wa"], SPLIT, ALL + " legal-advice", "spa eng", 11),
    ("managua-comunitario", "Punto Comunitario Managua Oriental", "demo-red-comunitaria-ni",
     ("NI", "Managua", "Managua"), (-12, 25), "Mercado Oriental, módulo 5",
     ["+50522202200+wa"], "mon-sat 07:00-15:00", ALL + " psychosocial-support", "spa", 29),
    ("leon", "Punto Comunitario León", "demo-red-comunitaria-ni",
     ("NI", "León", "León"), (0, 1), "Costado norte de la Catedral",
     ["+50523113030"], OFFICE, ALL, "spa", 44),
    ("esteli", "Punto Comunitario Estelí", "demo-red-comunitaria-ni",
     ("NI", "Estelí", "Estelí"), (1, 0), "Avenida Central, del parque 1 cuadra al norte",
     ["+50527134040+wa"], OFFICE, ALL + " labour-mobility", "spa", 52),
    ("bluefields", "Centro de Orientación Bluefields", "demo-universidad-caribe",
     ("NI", "Costa Caribe Sur", "Bluefields"), (0, 1), "Barrio Central, frente al muelle",
     ["+50525721010+wa"], SPLIT, ALL + " psychosocial-support", "spa miq eng", 19),
    ("puerto-cabezas", "Centro de Orientación Bilwi", "demo-universidad-caribe",
     ("NI", "Costa Caribe Norte", "Puerto Cabezas"), (1, 0), "Barrio Revolución, calle central",
     ["+50527922020"], "mon-fri 08:00-15:00", ALL, "miq spa eng", 100),
    ("tijuana", "Centro de Información Tijuana", "iom",
     ("MX", "Baja California", "Tijuana"), (1, 1), "Avenida Constitución 1010, Zona Centro",
     ["+526646851100+wa"], SPLIT, ALL + " legal-advice", "spa eng hat", 13),
    ("ciudad-juarez", "Centro de Información Ciudad Juárez", "demo-orientacion-mx",
     ("MX", "Chihuahua", "Ciudad Juárez"), (0, 1), "Avenida Juárez 150, Centro",
     ["+526566152200"], OFFICE, ALL + " protection-referral", "spa eng", 36),
    ("villahermosa", "Punto de Información Villahermosa", "demo-orientacion-mx",
     ("MX", "Tabasco", "Villahermosa"), (1, 0), "Avenida 27 de Febrero 300",
     ["+529933123030"], OFFICE, ALL, "spa", 47),
    ("tenosique", "Casa del Migrante Tenosique", "demo-casa-frontera-sur",
     ("MX", "Tabasco", "Tenosique"), (0, -2), "Calle 28, colonia Guayacán",
     ["+529343420404+wa"], ALWAYS, ALL + " protection-referral psychosocial-support",
     "spa quc", 31),
]
# fmt: on

# Demo rows get UUIDs derived from their slugs, so their HSDS ids survive a reload.
DEMO_NAMESPACE = uuid.UUID("6f1f5a8e-2f4c-4a57-9b1e-8d2c7f0e4b11")


def demo_uuid(*parts: object) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, ":".join(str(part) for part in parts))


DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def parse_hours(spec: str) -> list[tuple[int, time, time]]:
    """ "mon-fri 09:00-13:00,14:00-18:00; sat 09:00-12:00" to (weekday, opens, closes)."""
    rows = []
    for part in spec.split(";"):
        days, intervals = part.split()
        if days == "daily":
            weekdays = range(7)
        else:
            first, _sep, last = days.partition("-")
            weekdays = range(DAYS[first], DAYS[last or first] + 1)
        for interval in intervals.split(","):
            opens, closes = (time.fromisoformat(value) for value in interval.split("-"))
            rows += [(day, opens, closes) for day in weekdays]
    return rows


@transaction.atomic
def load() -> list[str]:
    service_taxonomy_load()
    services = {service.code: service for service in Service.objects.all()}
    countries = {country.code: country for country in Country.objects.all()}
    for slug, kind, country, name in ORGANISATIONS:
        organisation_upsert(
            slug=slug,
            is_demo=True,
            kind=kind,
            country=countries[country],
            name=name,
            name_es=name,
        )
    organisations = {org.slug: org for org in Organisation.objects.all()}
    today = timezone.localdate()
    for index, row in enumerate(POINTS):
        (
            slug,
            name,
            org,
            (country, state, city),
            (north, east),
            address,
            phones,
            hours_spec,
            service_codes,
            languages,
            confirmed_days,
        ) = row
        place = Place.objects.get(
            country__code=country, kind=Place.Kind.CITY, parent__name=state, name=city
        )
        point, _created = InfoPoint.objects.update_or_create(
            slug=slug,
            defaults={
                "is_demo": True,
                "uuid": demo_uuid(slug),
                "name": name,
                "organisation": organisations[org],
                "address": address,
                "place": place,
                "latitude": round(place.latitude + north / 1000, 6),
                "longitude": round(place.longitude + east / 1000, 6),
                "time_zone": ZONES[country],
                "email": f"{slug}@example.org",
                "status": InfoPoint.Status.ACTIVE,
                "last_confirmed": (
                    today - timedelta(days=confirmed_days) if confirmed_days is not None else None
                ),
                "description_es": "Orientación gratuita y confidencial sobre migración regular, "
                "documentos y oportunidades en tu comunidad.",
                "description_en": "Free and confidential guidance on regular migration, "
                "documents and opportunities in your community.",
                "accessibility_es": "Entrada a nivel de la calle; baño accesible."
                if index % 3 == 0
                else "Un escalón en la entrada; el personal atiende en la acera si se pide.",
                "accessibility_en": "Step-free entrance; accessible toilet."
                if index % 3 == 0
                else "One step at the entrance; staff will meet you outside on request.",
            },
        )
        point.services.set([services[code] for code in service_codes.split()])
        point.phones.all().delete()
        for order, number in enumerate(phones):
            whatsapp = number.endswith("+wa")
            Phone.objects.create(
                uuid=demo_uuid(slug, "phone", order),
                info_point=point,
                number=number.removesuffix("+wa"),
                kind=Phone.Kind.CELL if whatsapp else Phone.Kind.VOICE,
                whatsapp=whatsapp,
                order=order,
            )
        point.opening_hours.all().delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(
                uuid=demo_uuid(slug, "hours", day, opens),
                info_point=point,
                weekday=day,
                opens=opens,
                closes=closes,
            )
            for day, opens, closes in parse_hours(hours_spec)
        )
        point.languages.all().delete()
        InfoPointLanguage.objects.bulk_create(
            InfoPointLanguage(uuid=demo_uuid(slug, "language", code), info_point=point, code=code)
            for code in languages.split()
        )
        point.exceptions.all().delete()
        if hours_spec != ALWAYS:
            # Christmas and New Year close every office.
            for month, day, length in ((12, 24, 2), (12, 31, 2)):
                starts = today.replace(month=month, day=day)
                HoursException.objects.create(
                    uuid=demo_uuid(slug, "exception", month, day),
                    info_point=point,
                    kind=HoursException.Kind.HOLIDAY,
                    starts_on=starts,
                    ends_on=starts + timedelta(days=length - 1),
                    description_es="Vacaciones de fin de año",
                    description_en="End-of-year holidays",
                )
    # One point moves in a few weeks: a temporary closure announced ahead.
    moving = InfoPoint.objects.get(slug="villahermosa")
    HoursException.objects.create(
        uuid=demo_uuid("villahermosa", "exception", "moving"),
        info_point=moving,
        kind=HoursException.Kind.CLOSURE,
        starts_on=today + timedelta(days=30),
        ends_on=today + timedelta(days=44),
        description_es="Cerrado por mudanza a una nueva oficina",
        description_en="Closed while moving to a new office",
    )
    return [f"{len(POINTS)} information points"]
