"""Bulk import of opportunities from a spreadsheet: XLSX, CSV or a JSON list of rows (also
zipped, for a large CSV or JSON file), through the upload gate (rumbo.core.uploads).

All or nothing: every row is checked and written inside one transaction, and the first
problem anywhere leaves the database as it was, with a report naming each row and column.
The natural key is `slug`: importing the same file again changes nothing (an unchanged row
is not even saved, so `modified_after` clients see no change). Administrators' rows are
written at once; a partner's rows become proposals for moderation (services.revision_submit).
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from rumbo.core.exports import csv_text, xlsx_bytes
from rumbo.core.models import Country, Organisation, Place
from rumbo.core.numbers import parse_int
from rumbo.core.uploads import (
    Importer,
    UploadError,
    importer_register,
    json_load,
    text_decode,
    upload_check_size,
    zip_read,
)
from rumbo.opportunities.models import MAX_AGE, Opportunity, PartnerMembership
from rumbo.opportunities.services import (
    LANGUAGE_CODES,
    TRANSLATED_FIELDS,
    opportunity_upsert,
    revision_submit,
)

# The template's columns, in order; "slug", "kind", "subkind", "title" and "summary" are
# required. Places are "State/Municipality" separated by ";"; languages ISO 639-3 codes
# separated by spaces; yes/no columns take yes, no, true, false, 1, 0, sí.
COLUMNS = [
    "slug",
    "provider",
    "kind",
    "subkind",
    "title",
    "summary",
    "description",
    "country",
    "places",
    "online",
    "age_min",
    "age_max",
    "sex",
    "schooling",
    "free",
    "cost",
    "stipend",
    "starts_on",
    "ends_on",
    "application_deadline",
    "apply_url",
    "apply_phone",
    "apply_whatsapp",
    "how_to_apply",
    "languages",
    "status",
]
REQUIRED = ["slug", "kind", "subkind", "title", "summary"]
# Model field -> the column that carries it (for the report).
FIELD_COLUMNS = {"is_online": "online", "is_free": "free", "provider": "provider"}
TEXT_FIELDS = [
    "kind",
    "subkind",
    "title",
    "summary",
    "description",
    "sex",
    "schooling",
    "cost",
    "stipend",
    "apply_url",
    "apply_phone",
    "apply_whatsapp",
    "how_to_apply",
]
YES = {"yes", "true", "1", "sí", "si", "x", "oui", "نعم"}
NO = {"no", "false", "0", "", "non", "لا"}
MAX_ROWS = 5000
# How messages name the uploaded file, whatever the browser called it (so that a page and
# the importer refuse a file in the same words).
UPLOAD_NAME = "upload"
EXAMPLE = {
    "slug": "curso-soldadura-choloma-2027",
    "provider": "mi-organizacion",
    "kind": "learning",
    "subkind": "vocational_course",
    "title": "Curso de soldadura",
    "summary": "Curso técnico gratuito de tres meses.",
    "country": "HN",
    "places": "Cortés/Choloma",
    "online": "no",
    "age_min": "16",
    "age_max": "29",
    "sex": "any",
    "schooling": "primary",
    "free": "yes",
    "application_deadline": "2027-03-31",
    "apply_url": "https://example.org/soldadura",
    "languages": "spa",
    "status": "published",
}


@dataclass(frozen=True)
class Problem:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str

    def __str__(self) -> str:
        return _("row %(row)s, column “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportRefused(UploadError):
    """The file was read but some rows are wrong: `problems` names each row and column."""

    def __init__(self, problems: list[Problem], *, name: str) -> None:
        shown = "; ".join(str(problem) for problem in problems[:20])
        more = len(problems) - 20
        if more > 0:
            shown += " " + _("(and %(count)s more)") % {"count": more}
        super().__init__(_("nothing was imported: %(problems)s") % {"problems": shown}, file=name)
        self.problems = problems


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    proposed: list[str] = field(default_factory=list)


def template(*, file_format: str) -> bytes:
    rows = [COLUMNS, [EXAMPLE.get(column, "") for column in COLUMNS]]
    if file_format == "xlsx":
        return xlsx_bytes(rows, title="opportunities")
    return csv_text(rows).encode("utf-8")


# Reading the file


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _table(rows: list[list[str]], name: str) -> list[dict[str, str]]:
    if not rows or not any(rows[0]):
        raise UploadError(_("the file holds no header row"), file=name)
    header = [cell.strip().lstrip("\ufeff").lower() for cell in rows[0]]
    known = set(header) & set(COLUMNS)
    if not known:
        raise UploadError(
            _(
                "the file is not a zip archive (XLSX), a JSON list or a CSV file whose first "
                "row names the template's columns"
            ),
            file=name,
        )
    problems = [
        Problem(1, column, _("this column is not in the template"))
        for column in header
        if column and column not in COLUMNS
    ] + [
        Problem(1, column, _("this required column is missing"))
        for column in REQUIRED
        if column not in header
    ]
    if problems:
        raise ImportRefused(problems, name=name)
    if len(rows) - 1 > MAX_ROWS:
        raise UploadError(
            _("the file has more than %(count)s rows") % {"count": MAX_ROWS}, file=name
        )
    return [
        {column: (row[index] if index < len(row) else "") for index, column in enumerate(header)}
        for row in rows[1:]
    ]


def _json_rows(text: str, name: str) -> list[dict[str, str]]:
    data = json_load(text=text, name=name)
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise UploadError(_("the JSON file must be a list of objects, one per row"), file=name)
    header = sorted({str(key) for item in data for key in item}, key=_column_order)
    return _table(
        [header, *[[_cell(item.get(column)) for column in header] for item in data]], name
    )


def _column_order(column: str) -> int:
    return COLUMNS.index(column) if column in COLUMNS else len(COLUMNS)


def _csv_rows(text: str, name: str) -> list[dict[str, str]]:
    try:
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    except csv.Error as error:
        raise UploadError(str(error), file=name) from error
    return _table([[cell.strip() for cell in row] for row in rows if any(row)], name)


def _xlsx_rows(data: bytes, name: str) -> list[dict[str, str]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = [
            [_cell(value) for value in row]
            for row in sheet.iter_rows(max_row=MAX_ROWS + 2, values_only=True)
        ]
        workbook.close()
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds on a damaged file
        raise UploadError(_("the file is not a readable XLSX workbook"), file=name) from error
    return _table([row for row in rows if any(row)], name)


def rows_read(*, data: bytes, name: str) -> list[dict[str, str]]:
    """The rows of an upload as {column: text}; UploadError for a file that cannot be read."""
    upload_check_size(data=data, name=name)
    if data.startswith(b"PK"):
        members = zip_read(data=data, name=name)  # the gate: size, bombs, zip slip
        if "[Content_Types].xml" in members:
            return _xlsx_rows(data, name)
        texts = [member for member in members if member.endswith((".csv", ".json"))]
        if len(texts) != 1:
            raise UploadError(
                _("a zip archive must be an XLSX workbook or hold one CSV or JSON file"),
                file=name,
            )
        member = texts[0]
        text = text_decode(data=members[member], name=member)
        return _json_rows(text, member) if member.endswith(".json") else _csv_rows(text, member)
    text = text_decode(data=data, name=name)
    if text.lstrip("\ufeff \r\n\t").startswith(("[", "{")):
        return _json_rows(text, name)
    return _csv_rows(text, name)


# Checking and writing the rows


def _yes_no(value: str, column: str, problems: list[Problem], row: int) -> bool:
    folded = value.strip().casefold()
    if folded in YES:
        return True
    if folded not in NO:
        problems.append(Problem(row, column, _("write yes or no")))
    return False


def _age(value: str, column: str, problems: list[Problem], row: int) -> int | None:
    if not value.strip():
        return None
    number = parse_int(value, minimum=0, maximum=MAX_AGE)
    if number is None:
        problems.append(
            Problem(row, column, _("write a whole number from 0 to %(max)s") % {"max": MAX_AGE})
        )
    return number


def _date(value: str, column: str, problems: list[Problem], row: int) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        problems.append(Problem(row, column, _("write the date as YYYY-MM-DD")))
        return None


def _places(value: str, country: Country | None, problems: list[Problem], row: int) -> list:
    places = []
    for item in filter(None, (part.strip() for part in value.split(";"))):
        state, _sep, city = item.partition("/")
        place = Place.objects.filter(
            country=country, kind=Place.Kind.CITY, parent__name=state.strip(), name=city.strip()
        ).first()
        if place is None:
            problems.append(
                Problem(
                    row,
                    "places",
                    _("no municipality “%(place)s” in this country") % {"place": item[:100]},
                )
            )
        else:
            places.append(place)
    return places


def _row_values(
    row: dict[str, str],
    number: int,
    *,
    organisations: dict[str, Organisation],
    countries: dict[str, Country],
    problems: list[Problem],
) -> dict[str, Any]:
    for column in REQUIRED:
        if not row.get(column, "").strip():
            problems.append(Problem(number, column, _("this value is required")))
    provider_slug = row.get("provider", "").strip()
    provider = organisations.get(provider_slug)
    if provider is None and not provider_slug and len(organisations) == 1:
        provider = next(iter(organisations.values()))
    if provider is None:
        problems.append(Problem(number, "provider", _("no organisation you may import for")))
    code = row.get("country", "").strip().upper()
    country = countries.get(code) or (provider.country if provider and not code else None)
    if country is None:
        problems.append(Problem(number, "country", _("write a country code, such as HN")))
    values: dict[str, Any] = {name: row.get(name, "").strip() for name in TEXT_FIELDS}
    values["sex"] = values["sex"] or Opportunity.Sex.ANY
    values["schooling"] = values["schooling"] or Opportunity.Schooling.NONE
    values |= {
        "provider": provider,
        "country": country,
        "is_online": _yes_no(row.get("online", ""), "online", problems, number),
        "is_free": _yes_no(row.get("free", "") or "yes", "free", problems, number),
        "age_min": _age(row.get("age_min", ""), "age_min", problems, number),
        "age_max": _age(row.get("age_max", ""), "age_max", problems, number),
        "starts_on": _date(row.get("starts_on", ""), "starts_on", problems, number),
        "ends_on": _date(row.get("ends_on", ""), "ends_on", problems, number),
        "application_deadline": _date(
            row.get("application_deadline", ""), "application_deadline", problems, number
        ),
        "status": row.get("status", "").strip() or Opportunity.Status.PUBLISHED,
    }
    return values


def _unchanged(
    existing: Opportunity, fields: dict[str, Any], places: list, languages: list
) -> bool:
    return (
        all(getattr(existing, name) == value for name, value in fields.items())
        and {place.pk for place in existing.places.all()} == {place.pk for place in places}
        and sorted(lang.code for lang in existing.languages.all()) == sorted(languages)
    )


def _service_problems(error: ValidationError, number: int) -> list[Problem]:
    if not hasattr(error, "error_dict"):
        return [Problem(number, "slug", message) for message in error.messages]
    return [
        Problem(number, _column(name), message)
        for name, messages in error.message_dict.items()
        for message in messages
    ]


def _column(name: str) -> str:
    """The template column of a model field (`title_en` -> `title`, `is_free` -> `free`)."""
    base, _sep, language = name.rpartition("_")
    if base in TRANSLATED_FIELDS and language in LANGUAGE_CODES:
        return base
    return FIELD_COLUMNS.get(name, name)


def opportunity_import(
    *, data: bytes, name: str, user: Any = None, today: date | None = None
) -> ImportReport:
    """Imports the upload all or nothing. `user` None: an administrator's import (every
    organisation, written at once); a partner account: its organisations only, as proposals.
    Raises UploadError (ImportRefused with the row-and-column report) and writes nothing."""
    today = today or timezone.localdate()
    rows = rows_read(data=data, name=name)
    if user is None:
        organisations = {org.slug: org for org in Organisation.objects.all()}
    else:
        organisations = {
            member.organisation.slug: member.organisation
            for member in PartnerMembership.objects.filter(user=user).select_related("organisation")
        }
    countries = {country.code: country for country in Country.objects.all()}
    report = ImportReport()
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    with transaction.atomic():
        for number, row in enumerate(rows, start=2):
            slug = row.get("slug", "").strip()
            if slug in seen:
                problems.append(
                    Problem(
                        number, "slug", _("the same slug is on row %(row)s") % {"row": seen[slug]}
                    )
                )
                continue
            seen[slug] = number
            before = len(problems)
            values = _row_values(
                row, number, organisations=organisations, countries=countries, problems=problems
            )
            places = _places(row.get("places", ""), values["country"], problems, number)
            languages = row.get("languages", "").split()
            if len(problems) > before:
                continue
            existing = Opportunity.objects.filter(slug=slug).first()
            if existing is not None and existing.provider_id != values["provider"].pk:
                problems.append(
                    Problem(number, "slug", _("this slug belongs to another organisation's record"))
                )
                continue
            try:
                with transaction.atomic():
                    if user is not None:
                        _propose(user, values, existing, slug, today)
                        report.proposed.append(slug)
                    elif existing is not None and _unchanged(existing, values, places, languages):
                        report.unchanged.append(slug)
                    else:
                        opportunity_upsert(
                            slug=slug,
                            fields=values,
                            places=places,
                            languages=languages,
                            today=today,
                        )
                        (report.updated if existing else report.created).append(slug)
            except ValidationError as error:
                problems += _service_problems(error, number)
            except PermissionDenied:
                problems.append(
                    Problem(number, "provider", _("no organisation you may import for"))
                )
        if problems:
            raise ImportRefused(problems, name=name)
    return report


def _propose(
    user: Any, values: dict[str, Any], existing: Opportunity | None, slug: str, today: date
) -> None:
    editable = {key: value for key, value in values.items() if key not in ("provider", "status")}
    if existing is not None:
        editable.pop("country")
    revision_submit(
        user=user,
        organisation=values["provider"],
        opportunity=existing,
        values=editable,
        language="es",
        slug=slug,
        today=today,
    )


importer_register(
    Importer(
        name="opportunities spreadsheet",
        run=lambda data: opportunity_import(data=data, name=UPLOAD_NAME),
        parsed_member="opportunities.json",
        upload_view="opportunities:import",
        upload_field="file",
    )
)
