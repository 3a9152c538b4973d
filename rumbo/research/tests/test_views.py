import io
from typing import cast

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from conftest import STANDARDS_DIR, login_with_second_factor
from rumbo.accounts.factories import UserFactory
from rumbo.research.models import Indicator, Response
from rumbo.research.views import BACKGROUND_BYTES

pytestmark = pytest.mark.django_db
KOBO = STANDARDS_DIR / "kobo"


def export_bytes(rows: int = 40) -> bytes:
    header = '"country";"stratum";"cluster";"w";"q";"recall";"_uuid"'
    lines = [
        f'"{"GT" if i % 2 else "HN"}";"s{i % 2}";"c{i % 6}";"1.5";"{"yes" if i % 3 else "no"}";'
        f'"{"yes" if i % 4 else "no"}";"u{i}"'
        for i in range(rows)
    ]
    return "\r\n".join([header, *lines]).encode()


def upload(client, project, wave, data: bytes, name: str = "export.csv"):
    return client.post(
        reverse("research:upload", kwargs={"slug": project.slug}),
        {"kind": "responses", "wave": wave.pk, "file": SimpleUploadedFile(name, data)},
    )


def test_a_researcher_who_is_not_django_staff_logs_in_with_the_second_factor(client, researcher):
    assert not researcher.is_staff
    response = client.post(
        reverse("casework:login"),
        {"username": researcher.email, "password": "correct horse battery staple"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:login_enrol")


def test_project_pages_need_the_second_factor(client, project, researcher):
    client.force_login(researcher)
    response = client.get(reverse("research:project", kwargs={"slug": project.slug}))
    assert response.status_code == 302
    assert reverse("casework:login") in response["Location"]


def test_someone_elses_project_answers_404(client, project):
    login_with_second_factor(client, UserFactory(is_staff=True))
    assert client.get(reverse("research:project", kwargs={"slug": project.slug})).status_code == 404


def test_a_viewer_cannot_import(viewer_client, project, baseline):
    assert upload(viewer_client, project, baseline, export_bytes()).status_code == 403
    assert not Response.objects.filter(project=project).exists()


def test_import_through_the_page_then_again_adds_nothing(researcher_client, project, baseline):
    first = upload(researcher_client, project, baseline, export_bytes())
    assert "40 responses added" in first.content.decode()
    again = upload(researcher_client, project, baseline, export_bytes())
    assert "0 responses added, 40 already there" in again.content.decode()
    assert Response.objects.filter(project=project).count() == 40


def test_refused_upload_answers_400_with_row_and_column(researcher_client, project, baseline):
    data = export_bytes().replace(b'"1.5";"yes";"yes";"u1"', b'"-3";"yes";"yes";"u1"')
    response = upload(researcher_client, project, baseline, data)
    assert response.status_code == 400
    assert "row 3" in response.content.decode()
    assert not Response.objects.filter(project=project).exists()


def test_large_upload_runs_as_a_job_with_a_progress_page(
    researcher_client, project, baseline, django_capture_on_commit_callbacks
):
    rows = BACKGROUND_BYTES // 40 + 1000
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(researcher_client, project, baseline, export_bytes(rows))
    assert response.status_code == 302
    page = researcher_client.get(response["Location"])
    assert page.status_code == 200
    assert "<progress" in page.content.decode()
    assert Response.objects.filter(project=project).count() == rows  # tasks run inline in tests


def test_questionnaire_upload_then_frequencies_in_the_chosen_language(
    researcher_client, project, baseline
):
    form = KOBO / "generated" / "grouped_translated__xlsform.xlsx"
    researcher_client.post(
        reverse("research:upload", kwargs={"slug": project.slug}),
        {"kind": "questionnaire", "file": SimpleUploadedFile(form.name, form.read_bytes())},
    )
    export = KOBO / "generated" / "grouped_translated__export_xml_values_with_groups.csv"
    upload(researcher_client, project, baseline, export.read_bytes(), export.name)
    html = researcher_client.get(
        reverse("research:frequencies", kwargs={"slug": project.slug}), {"language": "Español"}
    ).content.decode()
    assert "¿Qué tipo de simetría tiene?" in html
    assert "Esférico" in html


def test_indicator_defined_in_the_interface_shows_estimates(researcher_client, project, baseline):
    upload(researcher_client, project, baseline, export_bytes())
    response = researcher_client.post(
        reverse("research:indicator_new", kwargs={"slug": project.slug}),
        {
            "slug": "says-yes",
            "name": "Says yes",
            "kind": "proportion",
            "question": "q",
            "counted": "yes",
            "breakdowns": ["country", "exposure"],
        },
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get(project=project, slug="says-yes")
    assert indicator.disaggregations == ["country", "exposure"]
    html = researcher_client.get(response["Location"]).content.decode()
    assert "<svg" in html
    assert "GT" in html
    assert "65.0%" in html  # 26 of 40 say yes


def test_indicator_form_comes_back_with_the_input_and_the_problem(
    researcher_client, project, baseline
):
    upload(researcher_client, project, baseline, export_bytes())
    response = researcher_client.post(
        reverse("research:indicator_new", kwargs={"slug": project.slug}),
        {"slug": "no-answers", "name": "Kept name", "kind": "proportion", "question": "q"},
    )
    assert response.status_code == 400
    assert "Kept name" in response.content.decode()
    assert not Indicator.objects.filter(slug="no-answers").exists()


def test_cross_tabulation_shows_column_percentages(researcher_client, project, baseline):
    upload(researcher_client, project, baseline, export_bytes())
    html = researcher_client.get(
        reverse("research:crosstab", kwargs={"slug": project.slug}),
        {"rows": "q", "columns": "country"},
    ).content.decode()
    assert "<table" in html
    assert "n=20" in html


def test_microdata_export_has_the_design_columns(researcher_client, project, baseline):
    upload(researcher_client, project, baseline, export_bytes())
    response = researcher_client.get(
        reverse(
            "research:export",
            kwargs={"slug": project.slug, "what": "microdata", "file_format": "xlsx"},
        )
    )
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0][:7] == ("uuid", "wave", "country", "design_weight", "weight", "strata", "psu")
    assert len(rows) == 41


def test_indicator_export_as_csv(researcher_client, project, baseline):
    upload(researcher_client, project, baseline, export_bytes())
    Indicator.objects.create(
        project=project, slug="yes", name="Yes", question="q", counted_values=["yes"]
    )
    response = researcher_client.get(
        reverse(
            "research:export",
            kwargs={"slug": project.slug, "what": "indicators", "file_format": "csv"},
        )
    )
    text = response.content.decode()
    assert text.startswith("indicator,country,wave,estimate")
    assert "yes,GT," in text


def test_weights_page_adjusts_and_shows_the_summary(researcher_client, project, baseline):
    upload(researcher_client, project, baseline, export_bytes())
    response = researcher_client.post(
        reverse("research:weights", kwargs={"slug": project.slug}),
        {"totals": "GT,stratum,s1,100\nHN,stratum,s0,300\n", "method": "rake"},
    )
    assert response.status_code == 200
    assert "Weights adjusted in 2 countries" in response.content.decode()
    weights = set(
        Response.objects.filter(project=project, country="GT").values_list("weight", flat=True)
    )
    assert [round(w, 6) for w in weights] == [5.0]


def test_weights_page_keeps_the_input_when_refused(researcher_client, project, baseline):
    response = researcher_client.post(
        reverse("research:weights", kwargs={"slug": project.slug}),
        {"totals": "GT,stratum,s1,lots", "method": "rake"},
    )
    assert response.status_code == 400
    assert "GT,stratum,s1,lots" in response.content.decode()


def test_unknown_export_is_404(researcher_client, project):
    url = reverse(
        "research:export", kwargs={"slug": project.slug, "what": "secrets", "file_format": "csv"}
    )
    assert researcher_client.get(url).status_code == 404


def test_campaign_manager_chooses_the_diagnosis_findings(client, project):
    from rumbo.campaigns.factories import CampaignRoleFactory
    from rumbo.campaigns.models import Campaign, CampaignRole
    from rumbo.research.models import Finding

    role = cast(CampaignRole, CampaignRoleFactory(role=CampaignRole.Role.MANAGER))
    campaign = cast(Campaign, role.campaign)
    project.countries.add(campaign.country)
    chosen = Indicator.objects.create(
        project=project, slug="chosen", name="Chosen one", question="q", counted_values=["yes"]
    )
    login_with_second_factor(client, role.user)
    url = reverse("research:findings", kwargs={"slug": campaign.slug})
    assert "Chosen one" in client.get(url).content.decode()
    response = client.post(url, {"indicators": [chosen.pk]})
    assert response.status_code == 302
    finding = Finding.objects.get(campaign=campaign)
    assert (finding.indicator, finding.country) == (chosen, campaign.country.code)


def test_someone_without_a_campaign_role_cannot_choose_findings(client):
    from rumbo.campaigns.factories import CampaignRoleFactory
    from rumbo.campaigns.models import CampaignRole

    campaign = cast(CampaignRole, CampaignRoleFactory()).campaign
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=False))
    url = reverse("research:findings", kwargs={"slug": campaign.slug})
    assert client.get(url).status_code == 403
