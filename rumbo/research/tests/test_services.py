import io

import numpy as np
import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from conftest import STANDARDS_DIR
from rumbo.core.models import Job
from rumbo.core.services import job_create
from rumbo.research import services
from rumbo.research.importers import ImportProblem
from rumbo.research.models import PopulationTotal, Question, Response

pytestmark = pytest.mark.django_db
KOBO = STANDARDS_DIR / "kobo"


def csv_bytes(rows: list[str]) -> bytes:
    header = '"country";"stratum";"cluster";"w";"sex";"q";"recall";"_uuid"'
    return "\r\n".join([header, *rows]).encode()


def people(count: int, *, prefix: str = "u", country: str = "GT", q: str = "yes") -> list[str]:
    return [
        f'"{country}";"s{(i // 2) % 2}";"c{i % 4}";"2";"{"female" if i % 2 else "male"}";"{q}";"no";"{prefix}{i}"'
        for i in range(count)
    ]


def test_questionnaire_import_stores_questions_choices_and_languages(project):
    path = KOBO / "generated" / "grouped_translated__xlsform.xlsx"
    questionnaire = services.questionnaire_import(
        project=project, data=path.read_bytes(), name=path.name
    )
    assert questionnaire.languages == ["English", "Español"]
    question = Question.objects.get(
        questionnaire=questionnaire, name="What_kind_of_symmetry_do_you_have"
    )
    assert question.label("Español") == "¿Qué tipo de simetría tiene?"
    assert questionnaire.choices.filter(list_name="symmetry").count() == 3


def test_reimporting_the_same_export_adds_no_duplicates(project, baseline):
    path = KOBO / "generated" / "grouped_translated__export_xml_values_with_groups.csv"
    first = services.responses_import(
        project=project, wave=baseline, data=path.read_bytes(), name=path.name
    )
    again = services.responses_import(
        project=project, wave=baseline, data=path.read_bytes(), name=path.name
    )
    assert (first.created, first.skipped) == (3, 0)
    assert (again.created, again.skipped) == (0, 3)
    assert Response.objects.filter(project=project).count() == 3


def test_json_dump_with_its_form_stores_the_questionnaire_too(project, baseline):
    path = KOBO / "formpack" / "tests" / "fixtures" / "grouped_translated" / "v1.json"
    result = services.responses_import(
        project=project, wave=baseline, data=path.read_bytes(), name=path.name
    )
    assert result.created == 3
    assert result.questionnaire is not None
    assert result.questionnaire.questions.filter(type="select_multiple").count() == 1


def test_an_invalid_row_writes_nothing_and_names_row_and_column(project, baseline):
    rows = people(3)
    rows[1] = rows[1].replace('"2";', '"heavy";', 1)
    with translation.override("en"), pytest.raises(ImportProblem) as refused:
        services.responses_import(
            project=project, wave=baseline, data=csv_bytes(rows), name="export.csv"
        )
    assert "row 3" in refused.value.message
    assert "“w”" in refused.value.message
    assert not Response.objects.filter(project=project).exists()


def test_design_weight_and_country_come_from_their_columns(project, baseline):
    services.responses_import(
        project=project, wave=baseline, data=csv_bytes(people(2)), name="export.csv"
    )
    response = Response.objects.filter(project=project).first()
    assert response.country == "GT"
    assert response.design_weight == 2.0


def test_background_import_records_its_outcome_on_the_job(project, baseline):
    job = job_create(kind="Survey import")
    services.responses_import_job(
        job=job,
        project_id=project.pk,
        wave_id=baseline.pk,
        data=csv_bytes(people(10)),
        name="export.csv",
    )
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert "10" in job.message


def test_background_import_of_a_refused_file_fails_the_job(project, baseline):
    job = job_create(kind="Survey import")
    services.responses_import_job(
        job=job, project_id=project.pk, wave_id=baseline.pk, data=b"\xff\xfe", name="x.csv"
    )
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert not Response.objects.filter(project=project).exists()


def test_population_totals_are_read_and_a_bad_line_is_named(project):
    count = services.population_totals_replace(
        project=project, text="country,variable,value,total\nGT,sex,female,520\nGT,sex,male,480\n"
    )
    assert count == 2
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.population_totals_replace(project=project, text="GT,sex,female,many\n")
    assert "Line 1" in refused.value.messages[0]
    assert PopulationTotal.objects.filter(project=project).count() == 2


def test_raking_matches_every_margin(project, baseline):
    rows = people(40)
    services.responses_import(
        project=project, wave=baseline, data=csv_bytes(rows), name="export.csv"
    )
    services.population_totals_replace(
        project=project,
        text="GT,sex,female,600\nGT,sex,male,400\nGT,stratum,s0,700\nGT,stratum,s1,300\n",
    )
    services.weights_adjust(project=project, method="rake")
    responses = list(Response.objects.filter(project=project))
    female = sum(r.weight for r in responses if r.answers["sex"] == "female")
    s0 = sum(r.weight for r in responses if r.answers["stratum"] == "s0")
    assert female == pytest.approx(600)
    assert s0 == pytest.approx(700)
    assert all(r.design_weight == 2.0 for r in responses)


def test_post_stratification_matches_each_cell(project, baseline):
    services.responses_import(
        project=project, wave=baseline, data=csv_bytes(people(40)), name="export.csv"
    )
    services.population_totals_replace(
        project=project,
        text=(
            "GT,sex|stratum,female|s0,100\nGT,sex|stratum,female|s1,400\n"
            "GT,sex|stratum,male|s0,200\nGT,sex|stratum,male|s1,100\n"
        ),
    )
    services.weights_adjust(project=project, method="poststratify")
    responses = list(Response.objects.filter(project=project))
    female_s1 = [
        r.weight for r in responses if r.answers["sex"] == "female" and r.answers["stratum"] == "s1"
    ]
    assert sum(female_s1) == pytest.approx(400)
    assert np.sum([r.weight for r in responses]) == pytest.approx(800)


def test_weighting_to_a_missing_cell_is_refused_and_changes_nothing(project, baseline):
    services.responses_import(
        project=project, wave=baseline, data=csv_bytes(people(10)), name="export.csv"
    )
    services.population_totals_replace(project=project, text="GT,sex,female,600\n")
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.weights_adjust(project=project, method="rake")
    assert "GT" in refused.value.messages[0]
    assert set(Response.objects.filter(project=project).values_list("weight", flat=True)) == {2.0}


def test_registered_archive_importer_reads_a_zipped_json_dump():
    import zipfile

    from rumbo.core.uploads import importer_list

    importer = next(i for i in importer_list() if i.name == "survey submissions archive")
    path = KOBO / "formpack" / "tests" / "fixtures" / "customer_satisfaction" / "v1.json"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(importer.parsed_member, path.read_bytes())
    parsed = importer.run(buffer.getvalue())
    assert len(parsed.submissions) == 3
