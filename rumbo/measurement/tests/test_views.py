import datetime
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from conftest import login_with_second_factor
from rumbo.accounts.factories import UserFactory
from rumbo.measurement import counters
from rumbo.measurement.factories import TrackedLinkFactory, campaign
from rumbo.measurement.models import DailyCount, DonorReport, SocialResult, TrackedLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    login_with_second_factor(client, UserFactory(is_staff=True))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def seed(slug: str, day: datetime.date, **counts: int) -> None:
    for key, count in counts.items():
        metric = "visit" if key == "direct" else "funnel"
        DailyCount.objects.create(
            day=day, site=slug, country="HN", metric=metric, key=key, count=count
        )
    counters.monthly_rebuild()


def test_tracked_link_redirects_counts_and_is_never_cached(client):
    link = TrackedLinkFactory(target="/plan/")
    response = client.get(f"/go/{link.code}")
    assert response.status_code == 302
    assert response["Location"] == "/plan/"
    assert "no-store" in response["Cache-Control"]
    assert response.cookies == {}
    counters.counts_flush()
    assert DailyCount.objects.get(metric="click", key=link.code).count == 1


def test_changing_the_target_keeps_the_count(client):
    link = TrackedLinkFactory(target="/plan/")
    client.get(f"/go/{link.code}")
    link.target = "/guides/"
    link.save()
    response = client.get(f"/go/{link.code}")
    assert response["Location"] == "/guides/"
    counters.counts_flush()
    assert DailyCount.objects.get(metric="click", key=link.code).count == 2


def test_click_with_do_not_track_redirects_without_counting(client):
    link = TrackedLinkFactory()
    assert client.get(f"/go/{link.code}", HTTP_DNT="1").status_code == 302
    assert counters.counts_pending() == {}


def test_unknown_or_inactive_link_is_not_found(client):
    link = TrackedLinkFactory(is_active=False)
    assert client.get(f"/go/{link.code}").status_code == 404
    assert client.get("/go/nothing-here").status_code == 404


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/x",
        "https://evil.example/login",
        "javascript:alert(1)",
        "/plan/\\evil",
        "/plan/ x",
        "ftp://example.org/",
    ],
)
def test_a_target_leading_off_the_allowed_hosts_is_refused(target):
    link = TrackedLinkFactory.build(target=target, campaign=campaign())
    with pytest.raises(Exception, match="target"):
        link.full_clean()


def test_a_target_on_a_host_the_instance_allows_is_accepted(settings):
    settings.RUMBO_TRACKED_LINK_HOSTS = ["www.facebook.com"]
    link = TrackedLinkFactory.build(
        target="https://www.facebook.com/ponele", campaign=campaign(), code="fb-page"
    )
    link.full_clean()


def test_link_whose_host_was_removed_from_the_allowed_list_no_longer_redirects(client, settings):
    settings.RUMBO_TRACKED_LINK_HOSTS = ["www.facebook.com"]
    link = TrackedLinkFactory(target="https://www.facebook.com/ponele")
    settings.RUMBO_TRACKED_LINK_HOSTS = []
    assert client.get(f"/go/{link.code}").status_code == 404


@pytest.mark.parametrize(("file_format", "start"), [("svg", b"<?xml"), ("png", b"\x89PNG")])
def test_qr_code_downloads_for_staff(officer, file_format, start):
    link = TrackedLinkFactory()
    url = reverse("measurement:link_qr", args=[link.pk, file_format])
    response = officer.get(url)
    assert response.status_code == 200
    assert response.content.startswith(start)
    assert f"qr-{link.code}.{file_format}" in response["Content-Disposition"]


def test_measurement_pages_need_a_power_and_the_second_factor(client):
    url = reverse("measurement:dashboard")
    assert client.get(url).status_code == 302
    client.force_login(UserFactory(is_staff=True))
    assert client.get(url).status_code != 200  # password alone
    learner = UserFactory()
    client.force_login(learner)
    assert client.get(url).status_code == 403


def test_campaign_manager_sees_only_their_campaign(client):
    from rumbo.campaigns.models import CampaignRole

    honduras, nicaragua = campaign(), campaign("yocamino", "NI")
    manager: Any = UserFactory()
    CampaignRole.objects.create(user=manager, campaign=honduras, role=CampaignRole.Role.MANAGER)
    login_with_second_factor(client, manager)
    url = reverse("measurement:dashboard")
    assert client.get(url, {"site": honduras.slug}).status_code == 200
    assert client.get(url, {"site": nicaragua.slug}).status_code == 400
    assert client.get(url, {"site": "all"}).status_code == 400


def test_dashboard_shows_funnel_with_comparison_and_suppresses_small_numbers(officer):
    hn = campaign()
    day = datetime.date(2026, 10, 10)
    seed(hn.slug, day, direct=120, plans=3, started=40)
    seed(hn.slug, day - datetime.timedelta(days=5), direct=60, started=20)
    response = officer.get(
        reverse("measurement:dashboard"),
        {"site": hn.slug, "date_from": "2026-10-06", "date_to": "2026-10-10"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html
    assert "<td>120</td><td>60</td><td>100 %</td>" in html
    assert "<td>Plans created</td><td>&lt;5</td>" in html
    assert "<td>3</td>" not in html


def test_all_campaigns_side_by_side(officer):
    hn, ni = campaign(), campaign("yocamino", "NI")
    day = datetime.date(2026, 10, 10)
    seed(hn.slug, day, direct=120)
    seed(ni.slug, day, direct=80)
    html = officer.get(
        reverse("measurement:dashboard"),
        {"site": "all", "date_from": "2026-10-10", "date_to": "2026-10-10"},
    ).content.decode()
    assert "Campaigns side by side" in html
    assert "<td>120</td>" in html
    assert "<td>80</td>" in html


def test_dashboard_refuses_a_reversed_period_keeping_the_input(officer):
    hn = campaign()
    response = officer.get(
        reverse("measurement:dashboard"),
        {"site": hn.slug, "date_from": "2026-10-10", "date_to": "2026-10-01"},
    )
    assert response.status_code == 400
    assert "The start comes after the end." in response.content.decode()
    assert 'value="2026-10-10"' in response.content.decode()


def test_dashboard_exports_as_xlsx_and_csv_with_suppression(officer):
    hn = campaign()
    seed(hn.slug, datetime.date(2026, 10, 10), direct=120, plans=3)
    query = {"site": hn.slug, "date_from": "2026-10-10", "date_to": "2026-10-10"}
    csv = officer.get(reverse("measurement:export", args=["csv"]), query).content.decode()
    assert "Plans created,<5" in csv
    xlsx = officer.get(reverse("measurement:export", args=["xlsx"]), query).content
    values = [c for row in load_workbook(io.BytesIO(xlsx)).active.values for c in row]
    assert 120 in values


def test_tracked_link_created_from_the_links_page(officer):
    hn = campaign()
    response = officer.post(
        reverse("measurement:links"),
        {
            "code": "radio-hn-1",
            "campaign": hn.pk,
            "kind": "radio",
            "label": "Radio América",
            "target": "https://evil.example/",
        },
    )
    assert response.status_code == 400
    assert "Radio América" in response.content.decode()
    assert not TrackedLink.objects.exists()
    officer.post(
        reverse("measurement:links"),
        {"code": "radio-hn-1", "campaign": hn.pk, "kind": "radio", "label": "R", "target": "/"},
    )
    assert TrackedLink.objects.get().code == "radio-hn-1"


def test_social_import_page_reports_rows_and_writes_nothing_on_error(officer):
    hn = campaign()
    bad = b"platform,post_id,date,reach,impressions,engagements\nfacebook,1,2026-11-20,ten,1,1\n"
    response = officer.post(
        reverse("measurement:social"),
        {"campaign": hn.pk, "file": SimpleUploadedFile("r.csv", bad)},
    )
    assert response.status_code == 400
    assert "Row 2, column “reach”" in response.content.decode()
    assert not SocialResult.objects.exists()


def test_donor_report_is_built_in_the_background_and_downloaded(
    officer, django_capture_on_commit_callbacks
):
    hn = campaign()
    seed(hn.slug, datetime.date(2026, 10, 10), direct=120, plans=30)
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(
            reverse("measurement:donor_new"),
            {"date_from": "2026-10-01", "date_to": "2026-10-31", "language": "ar"},
        )
    report = DonorReport.objects.get()
    assert response["Location"] == reverse("measurement:donor_report", args=[report.pk])
    page = officer.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' not in page  # tasks run inline in the tests: done
    pdf = officer.get(reverse("measurement:donor_download", args=[report.pk, "pdf"]))
    assert pdf.content.startswith(b"%PDF")
    xlsx = officer.get(reverse("measurement:donor_download", args=[report.pk, "xlsx"])).content
    values = [c for row in load_workbook(io.BytesIO(xlsx)).active.values for c in row]
    assert "120" in values
    assert "30" in values


def test_dashboard_without_a_choice_shows_the_last_30_days_in_the_form(officer):
    campaign()
    html = officer.get(reverse("measurement:dashboard")).content.decode()
    from django.utils import timezone

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    assert f'value="{yesterday.isoformat()}"' in html
