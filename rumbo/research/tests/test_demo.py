"""The demo survey reproduces the published figures within their intervals."""

import pytest
from django.urls import reverse

from conftest import login_with_second_factor
from rumbo.accounts.models import User
from rumbo.research import demo, selectors
from rumbo.research.frames import frame_load
from rumbo.research.models import Finding, Response, SurveyProject

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]

# indicator, country, published share (issue 15)
PUBLISHED = [
    ("effort-documents", "MX", 0.97),
    ("not-know-documents", "MX", 0.59),
    ("not-know-where", "MX", 0.49),
    ("wants-info-regular", "GT", 0.82),
    ("wants-info-regular", "HN", 0.85),
    ("wants-info-regular", "SV", 0.81),
    ("consider-local", "GT", 0.59),
    ("consider-local", "HN", 0.70),
    ("adolescents-no-difference", "NI", 0.60),
    *[
        ("would-visit-centre", c, p)
        for c, p in zip("MX GT HN SV NI".split(), (0.85, 0.81, 0.89, 0.86, 0.83), strict=True)
    ],
    *[
        ("uses-internet", c, p)
        for c, p in zip("MX GT HN SV NI".split(), (0.87, 0.52, 0.61, 0.74, 0.58), strict=True)
    ],
]


@pytest.fixture(scope="module")
def tables(django_db_blocker):
    with django_db_blocker.unblock():
        project = SurveyProject.objects.get(slug=demo.SLUG)
        frame = frame_load(project=project)
        return {
            t.indicator.slug: t for t in selectors.indicator_tables(project=project, frame=frame)
        }


def test_baseline_has_2800_interviews_over_five_countries():
    baseline = Response.objects.filter(project__slug=demo.SLUG, wave__kind="baseline")
    assert baseline.count() == 2800
    assert set(baseline.values_list("country", flat=True)) == {"MX", "GT", "HN", "SV", "NI"}
    assert not baseline.filter(is_demo=False).exists()


@pytest.mark.parametrize(("slug", "country", "published"), PUBLISHED)
def test_baseline_reproduces_the_published_figure_within_its_interval(
    tables, slug, country, published
):
    row = next(r for r in tables[slug].rows if r.groups == (country, "Línea de base 2024"))
    assert row.estimate.ci_low <= published <= row.estimate.ci_high
    assert row.estimate.estimate == pytest.approx(published, abs=0.015)


def test_follow_up_moved_knowledge_of_documents_significantly(tables):
    change = next(c for c in tables["not-know-documents"].changes if c.label == "MX")
    assert change.difference.difference < -0.1
    assert change.difference.significant


def test_follow_up_did_not_move_wanting_information(tables):
    change = next(c for c in tables["wants-info-regular"].changes if c.label == "")
    assert not change.difference.significant


def test_demo_is_loaded_again_without_duplicates():
    before = Response.objects.filter(project__slug=demo.SLUG).count()
    demo.load()
    assert Response.objects.filter(project__slug=demo.SLUG).count() == before


def test_every_campaign_has_findings_and_a_public_diagnosis(client):
    finding = Finding.objects.select_related("campaign").first()
    html = client.get(
        reverse("research:diagnosis", kwargs={"slug": finding.campaign.slug})
    ).content.decode()
    assert finding.indicator.name in html
    assert "<svg" in html
    assert "95%" in html
    assert "Taylor" in html  # the method note


def test_demo_researcher_reaches_the_project(client):
    login_with_second_factor(client, User.objects.get(email=demo.RESEARCHER_EMAIL))
    response = client.get(reverse("research:project", kwargs={"slug": demo.SLUG}))
    assert response.status_code == 200
    assert "Línea de base 2024" in response.content.decode()
