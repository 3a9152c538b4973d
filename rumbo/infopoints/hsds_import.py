"""Import of an HSDS 3.0 export into information points: all or nothing.

Every object is first validated against the official schemas, then converted; any error
(schema, unknown municipality, bad language code, invalid phone, ...) is reported with the
object and field it concerns, and nothing is written.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, time

import pycountry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from rumbo.core.geo import haversine_km
from rumbo.core.models import Country, Organisation, Place
from rumbo.core.numbers import ascii_digits
from rumbo.core.text import fold
from rumbo.core.uploads import Importer, UploadError, importer_register
from rumbo.infopoints import hsds
from rumbo.infopoints.hsds_files import DOCUMENT_OBJECTS, HSDS_LIMITS, read_document
from rumbo.infopoints.hsds_validation import hsds_errors
from rumbo.infopoints.models import (
    HoursException,
    InfoPoint,
    InfoPointLanguage,
    OpeningHours,
    Phone,
    Service,
)

# Time zone of points whose export does not say, by country.
COUNTRY_TIME_ZONES = {
    "MX": "America/Mexico_City",
    "GT": "America/Guatemala",
    "HN": "America/Tegucigalpa",
    "SV": "America/El_Salvador",
    "NI": "America/Managua",
}
# A point whose address names no municipality of the gazetteer is placed in the nearest one
# within this distance.
NEAREST_PLACE_KM = 30
LANG = hsds.EXPORT_LANGUAGE


@dataclass
class ImportReport:
    errors: list[str] = field(default_factory=list)
    organisations: int = 0
    points: int = 0
    services: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


class HsdsImportRefused(UploadError):
    """An upload whose objects the import refused: `report` lists every error."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("\n".join(report.errors))
        self.report = report


def hsds_import_upload(*, data: bytes) -> ImportReport:
    """Reads an uploaded HSDS zip within the upload limits and imports it, all or nothing.
    Raises UploadError for a file that cannot be read and HsdsImportRefused (an UploadError)
    listing the errors of objects that cannot be imported."""
    report = hsds_import(document=read_document(data))
    if not report.ok:
        raise HsdsImportRefused(report)
    return report


class _Invalid(Exception):
    """Raised inside the transaction to roll it back once errors were collected."""


def hsds_import(*, document: dict) -> ImportReport:
    report = ImportReport()
    for key, name in DOCUMENT_OBJECTS.items():
        for index, obj in enumerate(document.get(key, [])):
            report.errors += hsds_errors(object_name=name, instance=obj, path=f"{key}[{index}]")
    if report.errors:
        return report
    try:
        with transaction.atomic():
            _Importer(document, report).run()
            if report.errors:
                raise _Invalid
    except _Invalid:
        pass
    return report


class _Importer:
    def __init__(self, document: dict, report: ImportReport) -> None:
        self.document = document
        self.report = report
        self.services_by_term: dict[str, Service] = {}
        self.points_by_id: dict[str, InfoPoint] = {}
        self.taken_slugs: set[str] = set()

    def error(self, path: str, message: object) -> None:
        self.report.errors.append(f"{path}: {message}")

    def run(self) -> None:
        self.import_terms()
        for index, org in enumerate(self.document["organizations"]):
            organisation = self.import_organisation(org, path=f"organizations[{index}]")
            for number, loc in enumerate(org.get("locations", [])):
                self.import_location(
                    loc, organisation, path=f"organizations[{index}].locations[{number}]"
                )
        for index, data in enumerate(self.document["services"]):
            self.import_service(data, path=f"services[{index}]")

    # Taxonomy -----------------------------------------------------------------------------

    def import_terms(self) -> None:
        services_taxonomy = hsds.taxonomy_id(hsds.SERVICES_TAXONOMY)
        terms = list(self.document.get("taxonomy_terms", []))
        # Terms nested in service attributes count too (an export may omit the term list).
        for data in self.document["services"]:
            terms += [
                a["taxonomy_term"] for a in data.get("attributes", []) if "taxonomy_term" in a
            ]
        for index, term in enumerate(terms):
            in_taxonomy = term.get("taxonomy_id") == services_taxonomy or (
                term.get("taxonomy") == hsds.SERVICES_TAXONOMY
            )
            if not in_taxonomy or term["id"] in self.services_by_term:
                continue
            code = term.get("code") or slugify(term["name"])[:60]
            service = (
                Service.objects.filter(uuid=term["id"]).first()
                or Service.objects.filter(code=code).first()
                or Service(uuid=term["id"], code=code)
            )
            if service.pk is None:
                service.order = index * 10
                setattr(service, f"name_{LANG}", term["name"])
                setattr(service, f"description_{LANG}", term.get("description", ""))
                self.save(service, path=f"taxonomy_terms[{index}]")
            self.services_by_term[term["id"]] = service

    # Organisations --------------------------------------------------------------------------

    def import_organisation(self, org: dict, *, path: str) -> Organisation:
        slug = next(
            (
                ident["identifier"]
                for ident in org.get("organization_identifiers", [])
                if ident.get("identifier_scheme") == "rumbo"
                and ident.get("identifier_type") == "slug"
            ),
            slugify(org["name"])[:60],
        )
        existing = Organisation.objects.filter(slug=slug).first()
        if existing:
            # Organisations belong to core and are shared by every app: never overwritten.
            return existing
        kinds = {choice.value for choice in Organisation.Kind}
        organisation = Organisation(
            slug=slug,
            name=org["name"],
            kind=org["legal_status"] if org.get("legal_status") in kinds else "ngo",
            acronym=org.get("alternate_name", "")[:30],
            website=org.get("website", ""),
            description=org.get("description", ""),
            country=Country.objects.filter(code=self.country_of(org)).first(),
            is_demo=any(_attribute(loc, "demo") == "true" for loc in org.get("locations", [])),
        )
        setattr(organisation, f"name_{LANG}", org["name"])
        setattr(organisation, f"acronym_{LANG}", organisation.acronym)
        setattr(organisation, f"description_{LANG}", org.get("description", ""))
        self.save(organisation, path=path)
        self.report.organisations += 1
        return organisation

    def country_of(self, org: dict) -> str:
        countries = {
            address["country"].upper()
            for loc in org.get("locations", [])
            for address in loc.get("addresses", [])
        }
        # An organisation working in one country belongs to it; otherwise it is regional.
        return countries.pop() if len(countries) == 1 else ""

    # Locations ------------------------------------------------------------------------------

    def import_location(self, loc: dict, organisation: Organisation, *, path: str) -> None:
        if loc.get("latitude") is None or loc.get("longitude") is None:
            self.error(path, "an information point needs latitude and longitude")
            return
        address, address_path = self.physical_address(loc, path=path)
        if address is None:
            return
        place = self.find_place(address, loc, path=address_path)
        if place is None:
            return
        point = InfoPoint.objects.filter(uuid=loc["id"]).first() or InfoPoint(uuid=loc["id"])
        point.slug = self.slug_for(loc, point)
        point.organisation = organisation
        point.name = loc.get("name") or address.get("address_1", "")
        setattr(point, f"description_{LANG}", loc.get("description", ""))
        point.address = address.get("address_1", "")
        point.postal_code = address.get("postal_code", "")
        point.place = place
        point.latitude = loc["latitude"]
        point.longitude = loc["longitude"]
        point.time_zone = _attribute(loc, "time-zone") or COUNTRY_TIME_ZONES.get(
            place.country.code, "UTC"
        )
        point.status = _attribute(loc, "status") or InfoPoint.Status.ACTIVE
        point.is_demo = _attribute(loc, "demo") == "true"
        point.website = loc.get("url", "")
        point.email = next(
            (contact["email"] for contact in loc.get("contacts", []) if contact.get("email")), ""
        )
        setattr(
            point,
            f"accessibility_{LANG}",
            "\n".join(a.get("description", "") for a in loc.get("accessibility", [])),
        )
        confirmed = _attribute(loc, "last-confirmed")
        try:
            point.last_confirmed = date.fromisoformat(confirmed) if confirmed else None
        except ValueError:
            self.error(f"{path}.attributes", f"last-confirmed {confirmed!r} is not a date")
            return
        if not self.save(point, path=path):
            return
        self.points_by_id[loc["id"]] = point
        self.report.points += 1
        point.phones.all().delete()
        point.opening_hours.all().delete()
        point.exceptions.all().delete()
        point.languages.all().delete()
        point.services.clear()
        for index, data in enumerate(loc.get("phones", [])):
            self.import_phone(data, point, path=f"{path}.phones[{index}]")
        for index, data in enumerate(loc.get("schedules", [])):
            self.import_schedule(data, point, path=f"{path}.schedules[{index}]")
        for index, data in enumerate(loc.get("languages", [])):
            self.import_language(data, point, path=f"{path}.languages[{index}]")

    def physical_address(self, loc: dict, *, path: str) -> tuple[dict | None, str]:
        for index, address in enumerate(loc.get("addresses", [])):
            if address["address_type"] == "physical":
                return address, f"{path}.addresses[{index}]"
        self.error(path, "an information point needs a physical address")
        return None, path

    def find_place(self, address: dict, loc: dict, *, path: str) -> Place | None:
        cities = Place.objects.filter(
            kind=Place.Kind.CITY,
            country__code=address["country"].upper(),
            name_folded=fold(address["city"]),
        ).select_related("country", "parent")
        if address.get("state_province"):
            in_state = [
                c
                for c in cities
                if c.parent and fold(c.parent.name) == fold(address["state_province"])
            ]
            cities = in_state or list(cities)  # type: ignore[assignment]
        found = list(cities)
        if len(found) == 1:
            return found[0]
        nearby = Place.objects.filter(
            kind=Place.Kind.CITY,
            latitude__range=(loc["latitude"] - 0.3, loc["latitude"] + 0.3),
            longitude__range=(loc["longitude"] - 0.3, loc["longitude"] + 0.3),
        ).select_related("country")
        ranked = sorted(
            (haversine_km(loc["latitude"], loc["longitude"], p.latitude, p.longitude), p.pk, p)
            for p in (found or nearby)
        )
        if ranked and ranked[0][0] <= NEAREST_PLACE_KM:
            return ranked[0][2]
        self.error(
            f"{path}.city",
            f"{address['city']!r} ({address['country']}) is not a municipality of the gazetteer, "
            f"and none lies within {NEAREST_PLACE_KM} km of the coordinates",
        )
        return None

    def slug_for(self, loc: dict, point: InfoPoint) -> str:
        if loc.get("external_identifier_type") == "rumbo-slug" and loc.get("external_identifier"):
            base = slugify(loc["external_identifier"])[:80]
        else:
            base = point.slug or slugify(loc.get("name", ""))[:70] or "point"
        slug, number = base, 2
        while slug in self.taken_slugs or (
            InfoPoint.objects.filter(slug=slug).exclude(uuid=point.uuid).exists()
        ):
            slug, number = f"{base[:70]}-{number}", number + 1
        self.taken_slugs.add(slug)
        return slug

    def import_phone(self, data: dict, point: InfoPoint, *, path: str) -> None:
        kinds = {choice.value for choice in Phone.Kind}
        phone = Phone(
            uuid=data["id"],
            info_point=point,
            number=("+" if data["number"].strip().startswith("+") else "")
            + ascii_digits(data["number"]),
            extension=str(data.get("extension", ""))[:10].removesuffix(".0"),
            kind=data["type"] if data.get("type") in kinds else Phone.Kind.VOICE,
            whatsapp=_attribute(data, "whatsapp") == "true",
            order=point.phones.count(),
        )
        setattr(phone, f"description_{LANG}", data.get("description", ""))
        self.save(phone, path=path)

    def import_schedule(self, data: dict, point: InfoPoint, *, path: str) -> None:
        try:
            opens = _parse_time(data.get("opens_at"))
            closes = _parse_time(data.get("closes_at"))
        except ValueError:
            self.error(path, "opens_at and closes_at must be times (HH:MM)")
            return
        kind = _attribute(data, "hours-exception")
        if kind or data.get("valid_from") or data.get("valid_to"):
            try:
                starts = date.fromisoformat(data.get("valid_from") or data.get("valid_to") or "")
                ends = date.fromisoformat(data.get("valid_to") or data.get("valid_from") or "")
            except ValueError:
                self.error(path, "valid_from and valid_to must be dates (YYYY-MM-DD)")
                return
            exception = HoursException(
                uuid=data["id"],
                info_point=point,
                kind=kind
                or (HoursException.Kind.SPECIAL if opens else HoursException.Kind.CLOSURE),
                starts_on=starts,
                ends_on=ends,
                opens=opens,
                closes=closes,
            )
            setattr(exception, f"description_{LANG}", data.get("description", ""))
            self.save(exception, path=path)
            return
        if data.get("freq") != "WEEKLY" or not data.get("byday") or not opens or not closes:
            self.error(path, "weekly hours need freq WEEKLY, byday, opens_at and closes_at")
            return
        for number, day in enumerate(data["byday"].split(",")):
            day = day.strip().upper()
            if day not in hsds.WEEKDAYS:
                self.error(f"{path}.byday", f"{day!r} is not a weekday (MO, TU, ... SU)")
                return
            row_id = data["id"] if number == 0 else uuid.uuid5(uuid.UUID(data["id"]), day)
            self.save(
                OpeningHours(
                    uuid=row_id,
                    info_point=point,
                    weekday=hsds.WEEKDAYS.index(day),
                    opens=opens,
                    closes=closes,
                ),
                path=path,
            )

    def import_language(self, data: dict, point: InfoPoint, *, path: str) -> None:
        raw = (data.get("code") or "").strip().lower()
        language = pycountry.languages.get(alpha_3=raw) or (
            pycountry.languages.get(alpha_2=raw) if len(raw) == 2 else None
        )
        if language is None and data.get("name"):
            try:
                language = pycountry.languages.lookup(data["name"])
            except LookupError:
                language = None
        if language is None:
            self.error(f"{path}.code", f"{raw or data.get('name')!r} is not an ISO 639 language")
            return
        if point.languages.filter(code=language.alpha_3).exists():
            return
        self.save(
            InfoPointLanguage(uuid=data["id"], info_point=point, code=language.alpha_3), path=path
        )

    # Services -------------------------------------------------------------------------------

    def import_service(self, data: dict, *, path: str) -> None:
        service = next(
            (
                self.services_by_term[a["taxonomy_term_id"]]
                for a in data.get("attributes", [])
                if a.get("taxonomy_term_id") in self.services_by_term
            ),
            None,
        )
        if service is None:
            code = slugify(data["name"])[:60]
            service = Service.objects.filter(code=code).first() or Service(code=code)
            if service.pk is None:
                setattr(service, f"name_{LANG}", data["name"])
                setattr(service, f"description_{LANG}", data.get("description", ""))
                if not self.save(service, path=path):
                    return
        self.report.services += 1
        for index, link in enumerate(data.get("service_at_locations", [])):
            location_id = link.get("location_id") or link.get("location", {}).get("id")
            point = self.points_by_id.get(location_id)
            if point is None:
                point = InfoPoint.objects.filter(uuid=location_id).first() if location_id else None
            if point is None:
                self.error(
                    f"{path}.service_at_locations[{index}].location_id",
                    f"no location with id {location_id!r} in this export or the database",
                )
                continue
            point.services.add(service)

    # Saving ---------------------------------------------------------------------------------

    def save(self, obj, *, path: str) -> bool:
        try:
            obj.full_clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.error(path if name == "__all__" else f"{path}.{name}", message)
            return False
        try:
            # A savepoint, so that a clash the checks above cannot see (the same id twice in
            # one file) is reported and the import goes on collecting errors.
            with transaction.atomic():
                obj.save()
        except IntegrityError as error:
            self.error(path, f"conflicts with another record ({error})")
            return False
        return True


def _attribute(obj: dict, code: str) -> str | None:
    term = hsds.field_term_id(code)
    return next(
        (a.get("value") for a in obj.get("attributes", []) if a.get("taxonomy_term_id") == term),
        None,
    )


def _parse_time(value: str | None) -> time | None:
    """ "09:00", "09:00:00", "09:00-06:00" or "09:00Z": the local time is what counts."""
    return time.fromisoformat(value[:5]) if value else None


importer_register(
    Importer(
        name="HSDS export",
        run=lambda data: hsds_import_upload(data=data),
        parsed_member="json/organizations.json",
        upload_view="admin:infopoints_hsds_import",
        upload_field="file",
        limits=HSDS_LIMITS,
    )
)
