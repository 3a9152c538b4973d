"""Opportunities as HSDS 3.0 services, validated strictly by the points' schemas."""

import copy
from datetime import timedelta

import pytest
from django.utils import timezone

from rumbo.core.factories import PlaceFactory
from rumbo.guides.factories import DocumentFactory
from rumbo.opportunities import hsds
from rumbo.opportunities.factories import (
    OpportunityFactory,
    OpportunityLanguageFactory,
    OpportunityRuleFactory,
)
from rumbo.opportunities.models import Opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def full(no_opportunities):
    """An opportunity with every field HSDS maps filled in."""
    today = timezone.localdate()
    record = OpportunityFactory.create(
        age_min=16,
        age_max=29,
        sex="women",
        is_free=False,
        cost="100 lempiras",
        stipend="Beca mensual",
        starts_on=today + timedelta(days=20),
        ends_on=today + timedelta(days=200),
        application_deadline=today + timedelta(days=10),
        apply_phone="+50455550001",
        apply_whatsapp="+50455550002",
        how_to_apply="Lleva tu DNI.",
        places=[PlaceFactory.create(name="Choloma")],
    )
    record.documents.set([DocumentFactory.create()])
    OpportunityLanguageFactory.create(opportunity=record, code="spa")
    OpportunityRuleFactory.create(opportunity=record)
    return record


def test_export_validates_strictly_against_the_official_schemas(full):
    OpportunityFactory.create(is_online=True)
    document = hsds.export_document()
    assert len(document["services"]) >= 2
    assert hsds.export_errors(document) == []


def test_service_carries_ages_areas_documents_phones_and_deadline(full):
    (service,) = [s for s in hsds.export_document()["services"] if s["name"] == full.title]
    assert (service["minimum_age"], service["maximum_age"]) == (16, 29)
    assert [area["name"] for area in service["service_areas"]] == ["Choloma, Estado"]
    assert len(service["required_documents"]) == 1
    assert {phone["number"] for phone in service["phones"]} == {"+50455550001", "+50455550002"}
    deadline = [
        a["value"] for a in service["attributes"] if a["link_type"] == "application-deadline"
    ]
    assert deadline == [full.application_deadline.isoformat()]
    assert service["status"] == "active"
    assert service["cost_options"][0]["amount_description"] == "100 lempiras"


def test_strict_validation_catches_an_unknown_field(full):
    (service,) = hsds.export_document()["services"]
    broken = copy.deepcopy(service)
    broken["deadline"] = "soon"
    errors = hsds.export_errors({"services": [broken], "taxonomies": [], "taxonomy_terms": []})
    assert any("deadline" in error for error in errors)


def test_drafts_are_not_exported_and_closed_records_are_inactive(no_opportunities):
    OpportunityFactory.create(status=Opportunity.Status.DRAFT, title="Borrador")
    closed = OpportunityFactory.create(title="Cerrada")
    Opportunity.objects.filter(pk=closed.pk).update(
        confirmed_on=timezone.localdate() - timedelta(days=400)
    )
    archived = OpportunityFactory.create(status=Opportunity.Status.ARCHIVED, title="Archivada")
    services = {s["name"]: s["status"] for s in hsds.export_document()["services"]}
    assert services == {"Cerrada": "inactive", "Archivada": "defunct"}
    assert archived.pk


def test_service_id_names_its_record_and_nothing_else(full):
    assert hsds.service_pk(hsds.service_id(full)) == full.pk
    assert hsds.service_pk("00000000-0000-0000-0000-000000000001") is None
    assert hsds.service_pk("not a uuid") is None
