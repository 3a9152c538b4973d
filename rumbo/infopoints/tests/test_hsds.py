import copy
import csv
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import models
from django.utils import translation

from rumbo.core.models import Organisation
from rumbo.core.uploads import UploadError
from rumbo.infopoints.hsds import export_document
from rumbo.infopoints.hsds_files import DOCUMENT_OBJECTS, export_zip, read_document
from rumbo.infopoints.hsds_import import hsds_import
from rumbo.infopoints.hsds_validation import SCHEMA_DIR, hsds_errors
from rumbo.infopoints.models import InfoPoint, Phone, Service

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]
AT = datetime(2026, 12, 1, 17, tzinfo=UTC)


@pytest.fixture
def document() -> dict:
    return export_document(at=AT)


def empty_the_directory() -> None:
    # Other apps' demo records (casework, opportunities) point at information points and
    # organisations and protect them.
    for model in (InfoPoint, Organisation):
        for relation in model._meta.related_objects:
            if relation.on_delete is models.PROTECT:
                relation.related_model._base_manager.all().delete()
    InfoPoint.objects.all().delete()
    Service.objects.all().delete()
    Organisation.objects.filter(slug__startswith="demo-").delete()


def test_every_exported_object_validates_strictly_against_the_official_schemas(document):
    counts = {}
    for key, name in DOCUMENT_OBJECTS.items():
        counts[key] = len(document[key])
        for index, obj in enumerate(document[key]):
            assert hsds_errors(object_name=name, instance=obj, path=f"{key}[{index}]") == []
    assert counts["organizations"] >= 5
    assert sum(len(org["locations"]) for org in document["organizations"]) >= 30


def test_strict_validation_refuses_unknown_fields_and_bad_ids(document):
    location = copy.deepcopy(document["organizations"][0]["locations"][0])
    location["opening_hours"] = "9-5"
    location["phones"][0]["id"] = "not-a-uuid"
    errors = hsds_errors(object_name="location", instance=location)
    assert any("opening_hours" in error for error in errors)
    assert any(error.startswith("phones[0].id") for error in errors)


def test_vendored_schemas_carry_their_licence_and_source():
    assert "Attribution-ShareAlike 4.0" in (SCHEMA_DIR / "LICENSE").read_text()
    source = (SCHEMA_DIR / "SOURCE.txt").read_text()
    assert "279fd2eb3552c349bf698c07c00cc25f5fc8249b" in source


def test_vendored_schemas_are_the_official_files(standards_dir):
    for path in SCHEMA_DIR.glob("*.json"):
        official = standards_dir / "hsds" / "schema" / path.name
        assert path.read_bytes() == official.read_bytes(), path.name


def test_official_example_service_validates(standards_dir):
    example = json.loads((standards_dir / "hsds" / "examples" / "service_full.json").read_text())
    assert hsds_errors(object_name="service", instance=example) == []


def test_ids_are_stable_between_exports(document):
    again = export_document(at=AT)
    assert again == document


def test_kiche_garifuna_and_miskito_travel_as_iso_639_3_codes(document):
    codes = {
        language["code"]
        for org in document["organizations"]
        for location in org["locations"]
        for language in location["languages"]
    }
    assert {"quc", "cab", "miq"} <= codes


def test_weekly_hours_become_weekly_schedules(document):
    point = InfoPoint.objects.get(slug="quetzaltenango")
    location = next(
        loc
        for org in document["organizations"]
        for loc in org["locations"]
        if loc["id"] == str(point.uuid)
    )
    saturday = [s for s in location["schedules"] if s.get("byday") == "SA"]
    assert saturday == [
        {
            "id": saturday[0]["id"],
            "location_id": str(point.uuid),
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": "SA",
            "opens_at": "08:00",
            "closes_at": "12:00",
            "timezone": -6,
        }
    ]


def test_zip_holds_json_and_csv_tables(document):
    archive = zipfile.ZipFile(io.BytesIO(export_zip(document)))
    names = set(archive.namelist())
    assert {"json/organizations.json", "json/services.json", "README.txt"} <= names
    for table in [
        "organization",
        "location",
        "service",
        "service_at_location",
        "schedule",
        "phone",
        "address",
        "language",
        "taxonomy_term",
    ]:
        assert f"csv/{table}.csv" in names
    rows = list(csv.DictReader(io.StringIO(archive.read("csv/location.csv").decode())))
    assert len(rows) == InfoPoint.objects.count()
    assert {"id", "organization_id", "latitude", "longitude"} <= set(rows[0])
    phones = list(csv.DictReader(io.StringIO(archive.read("csv/phone.csv").decode())))
    assert all(phone["location_id"] for phone in phones)


def test_export_import_into_an_empty_directory_export_gives_the_same_data(document):
    data = export_zip(document)
    empty_the_directory()
    assert InfoPoint.objects.count() == 0
    report = hsds_import(document=read_document(data))
    assert report.errors == []
    assert export_document(at=AT) == document


def test_invalid_import_reports_each_object_and_field_and_writes_nothing(document):
    bad = copy.deepcopy(document)
    first = bad["organizations"][0]["locations"][0]
    first["phones"][0]["number"] = "call us"
    first["languages"][0] = first["languages"][0] | {"code": "xxq", "name": "Klingonish"}
    bad["organizations"][1]["locations"][0]["addresses"][0]["city"] = "Atlantis"
    bad["organizations"][1]["locations"][0]["latitude"] = 0.0
    empty_the_directory()
    report = hsds_import(document=bad)
    assert any(
        e.startswith("organizations[0].locations[0].phones[0].number:") for e in report.errors
    )
    assert any(
        e.startswith("organizations[0].locations[0].languages[0].code:") for e in report.errors
    )
    assert any(
        e.startswith("organizations[1].locations[0].addresses[0].city:") for e in report.errors
    )
    assert InfoPoint.objects.count() == 0
    assert Service.objects.count() == 0


def test_schema_errors_stop_the_import_before_anything_is_written(document):
    bad = copy.deepcopy(document)
    bad["services"][0]["status"] = "maybe"
    before = InfoPoint.objects.count()
    report = hsds_import(document=bad)
    assert report.errors == [
        "services[0].status: 'maybe' is not one of "
        "['active', 'inactive', 'defunct', 'temporarily closed']"
    ]
    assert InfoPoint.objects.count() == before


def test_import_updates_points_it_already_knows(document):
    changed = copy.deepcopy(document)
    changed["organizations"][0]["locations"][0]["name"] = "Nuevo nombre"
    point_id = changed["organizations"][0]["locations"][0]["id"]
    count = InfoPoint.objects.count()
    assert hsds_import(document=changed).ok
    assert InfoPoint.objects.count() == count
    assert InfoPoint.objects.get(uuid=point_id).name == "Nuevo nombre"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip", "not a zip archive"),
        (None, "json/organizations.json: the file is missing"),
        ("broken", "json/organizations.json, line 1: the file is not valid JSON"),
    ],
)
def test_broken_files_get_a_clear_message(content, message):
    if content is None or isinstance(content, str):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("json/services.json", "[]")
            if content == "broken":
                archive.writestr("json/organizations.json", "{[")
        content = buffer.getvalue()
    with translation.override("en"), pytest.raises(UploadError, match=message):
        read_document(content)


def test_export_and_import_commands(tmp_path: Path):
    path = tmp_path / "hsds.zip"
    call_command("hsds_export", str(path), stdout=io.StringIO())
    empty_the_directory()
    out = io.StringIO()
    call_command("hsds_import", str(path), stdout=out)
    assert "Imported 40 points" in out.getvalue()


def test_import_command_fails_cleanly_on_a_bad_file(tmp_path: Path):
    path = tmp_path / "bad.zip"
    path.write_bytes(b"nope")
    with translation.override("en"), pytest.raises(CommandError, match="not a zip"):
        call_command("hsds_import", str(path))


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "ftp://files.example.org/"])
def test_import_refuses_a_location_url_that_is_not_http(document, url):
    bad = copy.deepcopy(document)
    bad["organizations"][0]["locations"][0]["url"] = url
    empty_the_directory()
    report = hsds_import(document=bad)
    assert any(e.startswith("organizations[0].locations[0].website:") for e in report.errors)
    assert InfoPoint.objects.count() == 0


def test_import_keeps_phone_digits_of_any_script_and_drops_superscripts(document):
    changed = copy.deepcopy(document)
    location = changed["organizations"][0]["locations"][0]
    location["phones"][0]["number"] = "+502 ٢٤١١-1111²"
    empty_the_directory()
    report = hsds_import(document=changed)
    assert report.errors == []
    numbers = set(Phone.objects.values_list("number", flat=True))
    assert "+50224111111" in numbers
