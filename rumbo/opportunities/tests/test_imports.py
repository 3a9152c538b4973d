"""Bulk import: CSV, XLSX and JSON, all or nothing, a report by row and column, idempotent."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from conftest import login_with_second_factor
from rumbo.core.exports import csv_text, xlsx_bytes
from rumbo.core.factories import PlaceFactory, country
from rumbo.opportunities.factories import (
    OpportunityFactory,
    PartnerMembershipFactory,
    ProviderFactory,
)
from rumbo.opportunities.imports import COLUMNS, ImportRefused, opportunity_import, template
from rumbo.opportunities.models import Opportunity, OpportunityRevision

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def provider(no_opportunities):
    return ProviderFactory.create(slug="fundacion-x", country=country("HN"))


def row(**values) -> dict:
    base = {
        "slug": "curso-1",
        "provider": "fundacion-x",
        "kind": "learning",
        "subkind": "vocational_course",
        "title": "Curso de soldadura",
        "summary": "Gratis",
        "country": "HN",
        "free": "yes",
        "apply_url": "https://example.org/a",
        "languages": "spa",
        "age_min": "16",
        "age_max": "29",
    }
    return base | values


def as_csv(*rows: dict) -> bytes:
    header = list(dict.fromkeys(column for r in rows for column in r))
    return csv_text([header, *[[r.get(c, "") for c in header] for r in rows]]).encode()


def test_csv_import_creates_and_reimport_changes_nothing(provider):
    data = as_csv(row(), row(slug="curso-2", title="Otro"))
    first = opportunity_import(data=data, name="a.csv")
    assert sorted(first.created) == ["curso-1", "curso-2"]
    stamp = Opportunity.objects.get(slug="curso-1").updated_at
    again = opportunity_import(data=data, name="a.csv")
    assert sorted(again.unchanged) == ["curso-1", "curso-2"]
    assert Opportunity.objects.count() == 2
    assert Opportunity.objects.get(slug="curso-1").updated_at == stamp


def test_changed_row_updates_the_same_record(provider):
    opportunity_import(data=as_csv(row()), name="a.csv")
    report = opportunity_import(data=as_csv(row(age_max="25")), name="a.csv")
    assert report.updated == ["curso-1"]
    assert Opportunity.objects.get(slug="curso-1").age_max == 25


def test_xlsx_import_reads_the_first_sheet(provider):
    values = row()
    data = xlsx_bytes([list(values), list(values.values())])
    assert opportunity_import(data=data, name="a.xlsx").created == ["curso-1"]


def test_json_and_zipped_csv_are_read(provider):
    json_data = json.dumps([row()]).encode()
    assert opportunity_import(data=json_data, name="a.json").created == ["curso-1"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("rows.csv", as_csv(row(slug="curso-2")))
    assert opportunity_import(data=buffer.getvalue(), name="a.zip").created == ["curso-2"]


def test_one_bad_row_writes_nothing_and_the_report_names_rows_and_columns(provider):
    data = as_csv(
        row(),
        row(slug="curso-2", age_min="40", age_max="20"),
        row(slug="curso-3", starts_on="31/12/2027", free="maybe"),
    )
    with pytest.raises(ImportRefused) as refused:
        opportunity_import(data=data, name="a.csv")
    found = {(p.row, p.column) for p in refused.value.problems}
    assert {(3, "age_max"), (4, "starts_on"), (4, "free")} <= found
    assert "row 3, column “age_max”" in refused.value.message
    assert not Opportunity.objects.exists()


def test_unknown_and_missing_columns_are_named(provider):
    data = as_csv({"slug": "x", "titel": "y"})
    with pytest.raises(ImportRefused) as refused:
        opportunity_import(data=data, name="a.csv")
    assert {(p.row, p.column) for p in refused.value.problems} >= {(1, "titel"), (1, "kind")}


def test_unknown_place_and_duplicate_slug_are_reported(provider):
    PlaceFactory.create(name="Choloma", country=country("HN"))
    data = as_csv(row(places="Nowhere/Atlantis"), row())
    with pytest.raises(ImportRefused) as refused:
        opportunity_import(data=data, name="a.csv")
    assert {(p.row, p.column) for p in refused.value.problems} == {(2, "places"), (3, "slug")}


def test_partner_rows_become_proposals_only_for_its_organisation(no_opportunities):
    member = PartnerMembershipFactory.create(
        organisation__slug="socia", organisation__country=country("HN")
    )
    foreign = OpportunityFactory.create(slug="ajena")
    data = as_csv(row(provider="socia"))
    report = opportunity_import(data=data, name="a.csv", user=member.user)
    assert report.proposed == ["curso-1"]
    assert not Opportunity.objects.filter(slug="curso-1").exists()
    opportunity_import(data=data, name="a.csv", user=member.user)
    assert OpportunityRevision.objects.count() == 1  # re-import replaces, never duplicates
    with pytest.raises(ImportRefused) as refused:
        opportunity_import(
            data=as_csv(row(slug=foreign.slug, provider=foreign.provider.slug)),
            name="a.csv",
            user=member.user,
        )
    assert refused.value.problems[0].column == "provider"


def test_templates_have_every_column():
    assert template(file_format="csv").decode().splitlines()[0].split(",") == COLUMNS
    assert template(file_format="xlsx").startswith(b"PK")


def test_import_page_shows_the_report_and_keeps_nothing_on_error(client, provider, admin_user):
    login_with_second_factor(client, admin_user)
    url = reverse("opportunities:import")
    bad = as_csv(row(age_min="abc"))
    response = client.post(url, {"file": SimpleUploadedFile("a.csv", bad)})
    assert response.status_code == 400
    assert "age_min" in response.content.decode()
    good = client.post(url, {"file": SimpleUploadedFile("a.csv", as_csv(row()))})
    assert good.status_code == 200
    assert Opportunity.objects.filter(slug="curso-1").exists()
    assert client.get(url, {"template": "xlsx"})["Content-Disposition"].startswith("attachment")
