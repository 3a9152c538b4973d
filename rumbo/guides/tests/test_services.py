import datetime
from typing import cast

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from rumbo.accounts.factories import UserFactory
from rumbo.audit.models import AuditEntry
from rumbo.core.factories import country
from rumbo.guides.factories import PathwayFactory, days_ago
from rumbo.guides.models import Pathway
from rumbo.guides.services import fact_verify, pathway_upsert

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_guides")]


@pytest.fixture
def editor():
    return UserFactory(is_staff=True, is_superuser=True, full_name="Ana Editora")


def test_verifying_records_who_when_and_against_which_version_of_the_source(editor):
    pathway = cast(Pathway, PathwayFactory(last_verified=None, reviewer="", verified_against=""))
    fact_verify(record=pathway, editor=editor, against="89 FR 88799")
    pathway.refresh_from_db()
    assert pathway.last_verified == timezone.localdate()
    assert pathway.verified_by == editor
    assert pathway.reviewer == "Ana Editora"
    assert pathway.verified_against == "89 FR 88799"
    assert pathway.is_verified


def test_verifying_writes_an_audit_entry(editor):
    pathway = cast(Pathway, PathwayFactory(last_verified=None))
    fact_verify(record=pathway, editor=editor, against="DOF, April 2019")
    entry = AuditEntry.objects.get(target_type="guides.pathway", target_id=str(pathway.pk))
    assert entry.actor == editor
    assert "DOF, April 2019" in entry.reason


def test_verifying_needs_the_sources_date_or_version(editor):
    pathway = cast(Pathway, PathwayFactory(last_verified=None))
    with pytest.raises(ValidationError):
        fact_verify(record=pathway, editor=editor, against="   ")
    pathway.refresh_from_db()
    assert pathway.last_verified is None


def test_only_someone_allowed_to_change_the_record_may_verify_it():
    pathway = cast(Pathway, PathwayFactory(last_verified=None))
    with pytest.raises(PermissionDenied):
        fact_verify(record=pathway, editor=UserFactory(is_staff=True), against="2025")
    pathway.refresh_from_db()
    assert pathway.last_verified is None


def upsert(**fields) -> Pathway:
    return pathway_upsert(
        slug="imported",
        kind="visitor",
        destination=country("MX"),
        origin_countries=[country("HN")],
        documents=[],
        sources=[],
        steps=[],
        rules=[],
        title="Imported",
        summary="Imported summary",
        **fields,
    )


def test_an_upsert_cannot_claim_a_verification():
    with pytest.raises(ValueError, match="fact_verify"):
        upsert(last_verified=datetime.date(2026, 1, 1))


def test_imported_content_starts_not_yet_verified_and_a_reimport_clears_it(editor):
    pathway = upsert()
    assert not pathway.is_verified
    fact_verify(record=pathway, editor=editor, against="2025")
    pathway = upsert()
    pathway.refresh_from_db()
    assert (pathway.last_verified, pathway.reviewer, pathway.verified_against) == (None, "", "")


def test_high_risk_facts_are_due_sooner(settings):
    settings.RUMBO_CONTENT_MAX_AGE_DAYS = 180
    settings.RUMBO_HIGH_RISK_MAX_AGE_DAYS = 60
    assert PathwayFactory(last_verified=days_ago(90), high_risk=True).is_stale
    assert not PathwayFactory(last_verified=days_ago(90), high_risk=False).is_stale


def test_an_unverified_fact_counts_as_out_of_date():
    assert PathwayFactory(last_verified=None).is_stale
