"""The HSDS export as files: the JSON objects and the HSDS CSV tables, zipped."""

import io
import json
import zipfile
from pathlib import Path

from django.utils.translation import gettext as _

from rumbo.core.exports import csv_dicts_text
from rumbo.core.uploads import UploadError, UploadLimits, json_load, text_decode, zip_read
from rumbo.infopoints.hsds import HSDS_VERSION, export_document
from rumbo.infopoints.hsds_validation import SCHEMA_DIR

# Which object each top-level list of the export holds.
DOCUMENT_OBJECTS = {
    "organizations": "organization",
    "services": "service",
    "taxonomies": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
}

# HSDS objects nest about eight levels deep (service, service_at_locations, location,
# schedules, attributes, taxonomy_term); 64 leaves room for extensions, not for a bomb.
HSDS_LIMITS = UploadLimits()

README = f"""Information points exported by Rumbo as HSDS {HSDS_VERSION}
(Human Services Data Specification: an Open Referral resource, https://openreferral.org/).

json/<list>.json   HSDS objects: organizations (with their locations), services (fully
                   nested), taxonomies, taxonomy_terms
csv/<table>.csv    the same data as HSDS tables, one row per object, linked by *_id columns

The HSDS schemas are licensed CC BY-SA 4.0 by Open Referral. Rumbo-specific fields travel as
attributes whose terms belong to the taxonomy "rumbo-fields" (see taxonomy_terms).
"""


def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))


def _ref_name(prop: dict) -> str | None:
    ref = prop.get("$ref") or (prop.get("items") or {}).get("$ref")
    return ref.removesuffix(".json") if ref else None


def csv_tables(document: dict) -> dict[str, tuple[list[str], list[dict]]]:
    """Flattens the nested objects into HSDS tables: the scalar fields of each object, one row
    per id (an object nested in several places, like a location, appears once)."""
    tables: dict[str, dict[str, dict]] = {}
    columns: dict[str, list[str]] = {}

    def walk(obj: dict, name: str) -> None:
        schema = _schema(name)
        if name not in columns:
            columns[name] = [
                field
                for field, prop in schema["properties"].items()
                if prop.get("type") != "array" and "$ref" not in prop
            ]
        tables.setdefault(name, {})[obj["id"]] = {
            field: obj[field] for field in columns[name] if field in obj
        }
        for field, prop in schema["properties"].items():
            child = _ref_name(prop)
            if child is None or field not in obj:
                continue
            for item in obj[field] if isinstance(obj[field], list) else [obj[field]]:
                walk(item, child)

    for key, name in DOCUMENT_OBJECTS.items():
        for obj in document[key]:
            walk(obj, name)
    return {name: (columns[name], list(rows.values())) for name, rows in tables.items()}


def export_zip(document: dict | None = None) -> bytes:
    document = document if document is not None else export_document()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README)
        for key in DOCUMENT_OBJECTS:
            archive.writestr(
                f"json/{key}.json", json.dumps(document[key], ensure_ascii=False, indent=1)
            )
        for name, (fields, rows) in sorted(csv_tables(document).items()):
            archive.writestr(
                f"csv/{name}.csv", csv_dicts_text(rows, fieldnames=fields, lineterminator="\n")
            )
    return buffer.getvalue()


def read_document(path_or_bytes: Path | bytes) -> dict:
    """The JSON lists of an export zip, read within the limits every upload shares. Raises
    UploadError naming the file at fault."""
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    files = zip_read(data=data, name=_("HSDS export"), limits=HSDS_LIMITS)
    document: dict[str, list] = {}
    for key in DOCUMENT_OBJECTS:
        member = f"json/{key}.json"
        if member not in files:
            if key in {"organizations", "services"}:
                raise UploadError(_("the file is missing from the archive"), file=member)
            document[key] = []
            continue
        text = text_decode(data=files[member], name=member, limits=HSDS_LIMITS)
        document[key] = json_load(text=text, name=member, limits=HSDS_LIMITS)
        if not isinstance(document[key], list):
            raise UploadError(_("the file must hold a JSON list of objects"), file=member)
    return document
