"""Consultations record the campaign or tracked link the person came through, and the
monthly report breaks them down by campaign (issue 14)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from rumbo.casework import selectors
from rumbo.casework.factories import ConsultationFactory
from rumbo.casework.models import Consultation
from rumbo.measurement import counters
from rumbo.measurement.factories import TrackedLinkFactory, campaign
from rumbo.measurement.models import DailyCount

pytestmark = pytest.mark.django_db


def consultation_data(world, **overrides):
    return {
        "point": world.points["A"].pk,
        "date": timezone.localdate().isoformat(),
        "channel": "walk_in",
        "topics": ["documents"],
        "age_band": "18-24",
        "sex": "female",
        "situation": "resident",
        "source": "link",
        "outcome": "informed",
    } | overrides


def test_consultation_form_records_the_tracked_link_and_its_campaign(
    world, django_capture_on_commit_callbacks
):
    counters.counts_discard()
    DailyCount.objects.all().delete()  # the session's demo aggregates (rolled back after)
    link = TrackedLinkFactory(campaign=campaign("ponele-plan-a-tu-vida", "HN"))
    client = world.client_for("advisor_a")
    assert (
        f"/go/{link.code}" in client.get(reverse("casework:consultation_create")).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("casework:consultation_create"),
            consultation_data(world, tracked_code=link.pk),
        )
    assert response.status_code == 302
    consultation = Consultation.objects.order_by("-pk").first()
    assert consultation.tracked_code == link
    assert consultation.campaign == link.campaign
    # ...and the campaign's funnel counts it, for the point's country.
    counters.counts_flush()
    row = DailyCount.objects.get(site=link.campaign.slug, metric="funnel", key="consultations")
    assert row.count == 1
    assert row.country == "MX"


def test_tracked_link_of_another_campaign_is_refused_keeping_the_input(world):
    link = TrackedLinkFactory(campaign=campaign("ponele-plan-a-tu-vida", "HN"))
    other = campaign("yocamino", "NI")
    before = Consultation.objects.count()
    response = world.client_for("advisor_a").post(
        reverse("casework:consultation_create"),
        consultation_data(world, tracked_code=link.pk, campaign=other.pk),
        headers={"accept-language": "en"},
    )
    assert response.status_code == 400
    assert "belongs to another campaign" in response.content.decode()
    assert Consultation.objects.count() == before


def test_monthly_report_breaks_consultations_down_by_campaign(world):
    month = datetime.date(2020, 10, 1)  # before any demo data
    honduras, nicaragua = campaign("ponele-plan-a-tu-vida", "HN"), campaign("yocamino", "NI")
    for _index in range(6):
        ConsultationFactory(info_point=world.points["A"], date=month, campaign=honduras)
    for _index in range(2):
        ConsultationFactory(info_point=world.points["A"], date=month, campaign=nicaragua)
    ConsultationFactory(info_point=world.points["A"], date=month, campaign=None)
    with translation.override("en"):
        report = selectors.report_monthly(user=world.users["coordinator_a"], month=month)
    table = next(t for t in report.tables if t.key == "campaign")
    assert dict(table.rows) == {honduras.name: 6, nicaragua.name: None, "No campaign": None}
