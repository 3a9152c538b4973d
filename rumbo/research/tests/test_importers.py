"""The importers read every real KoboToolbox, XLSForm and ODK Central file in
../shared/standards/kobo, and refuse broken files naming the row and the column."""

import io
import json

import pytest
from django.utils import translation
from openpyxl import Workbook

from conftest import STANDARDS_DIR
from rumbo.research import importers
from rumbo.research.importers import ImportProblem

KOBO = STANDARDS_DIR / "kobo"
GROUPED = KOBO / "generated" / "grouped_translated__xlsform.xlsx"
# The three submissions of formpack's grouped_translated fixture, as names.
GROUPED_ANSWERS = {
    "6d1b903a-6d50-4504-bd7b-76c1a5098ed9": {
        "What_kind_of_symmetry_do_you_have": ["spherical", "radial", "bilateral"],
        "How_many_segments_does_your_body_have": 7,
        "Do_you_have_body_flu_intracellular_space": "yes__and_some_",
        "Do_you_descend_from_unicellular_organism": "no",
    },
    "d314118a-17c2-4ba4-aac3-634930535ad6": {
        "What_kind_of_symmetry_do_you_have": ["bilateral"],
        "How_many_segments_does_your_body_have": 1,
        "Do_you_have_body_flu_intracellular_space": "yes",
        "Do_you_descend_from_unicellular_organism": "no",
    },
    "f4b838c8-7253-47fe-9627-c47830b7dc9b": {
        "Do_you_have_body_flu_intracellular_space": "no___unsure",
    },
}
NOT_DATA = {"SOURCE.txt", "formpack-LICENSE-GPL-3.0.txt", "pyxform-LICENSE-BSD-2-Clause.txt"}


def grouped_form() -> importers.FormSpec:
    return importers.xlsform_read(data=GROUPED.read_bytes(), name=GROUPED.name)


def read_any(path) -> tuple[str, object]:
    """What each file of the folder is read as: a questionnaire or submissions."""
    data = path.read_bytes()
    if path.suffix == ".md":
        return "form", importers.xlsform_markdown_read(text=data.decode(), name=path.name)
    if path.suffix == ".xlsx" and ("xlsform" in path.name or "example_xls" in str(path)):
        return "form", importers.xlsform_read(data=data, name=path.name)
    form = grouped_form() if path.name.startswith("grouped_translated") else None
    return "submissions", importers.submissions_read(data=data, name=path.name, form=form)


def test_every_file_in_the_kobo_folder_is_read():
    files = sorted(p for p in KOBO.rglob("*") if p.is_file() and p.name not in NOT_DATA)
    assert len(files) == 16
    for path in files:
        kind, result = read_any(path)
        if kind == "form":
            assert result.questions, path.name
        else:
            assert len(result.submissions) >= 2, path.name


def test_xlsform_reads_groups_types_and_labels_in_each_language():
    form = grouped_form()
    symmetry = form.question("What_kind_of_symmetry_do_you_have")
    assert symmetry.type == "select_multiple"
    assert symmetry.list_name == "symmetry"
    assert symmetry.path == "external_characteristics/What_kind_of_symmetry_do_you_have"
    assert symmetry.labels["Español"] == "¿Qué tipo de simetría tiene?"
    assert form.question("How_many_segments_does_your_body_have").type == "integer"
    assert form.languages == ["English", "Español"]
    assert form.form_id == "grouped_translated"
    esferico = next(c for c in form.choices if c.name == "spherical")
    assert esferico.labels == {"English": "Spherical", "Español": "Esférico"}


def test_pyxform_flat_form_reads_nested_groups_and_chinese_labels():
    path = KOBO / "pyxform" / "tests" / "example_xls" / "flat_xlsform_test.xlsx"
    form = importers.xlsform_read(data=path.read_bytes(), name=path.name)
    multiple = form.question("select_multiple_test")
    assert multiple.type == "select_multiple"
    assert multiple.path == "everything/group_test/select_multiple_test"
    assert form.question("a_decimal").type == "decimal"
    assert form.question("date_test").type == "date"
    no = next(c for c in form.choices if c.list_name == "yes_no" and c.name == "no")
    assert no.labels["chinese"] == "没有"
    assert form.question("email_note") is None  # a note holds no answer


def test_single_colon_language_header_and_markdown_form_agree():
    folder = KOBO / "pyxform" / "tests" / "example_xls"
    from_xlsx = importers.xlsform_read(data=(folder / "group.xlsx").read_bytes())
    from_md = importers.xlsform_markdown_read(text=(folder / "group.md").read_text())
    for form in (from_xlsx, from_md):
        age = form.question("age")
        assert age.path == "father/age"
        assert age.labels == {"English (en)": "How old is your father?"}


@pytest.mark.parametrize(
    "name",
    [
        "grouped_translated__export_xml_values_with_groups.csv",
        "grouped_translated__export_xml_values_no_groups.csv",
        "grouped_translated__export_labels_English_with_groups.csv",
        "grouped_translated__export_labels_Espanol_with_groups.csv",
        "grouped_translated__export_xml_values_with_groups.xlsx",
    ],
)
def test_every_kobo_export_of_one_form_gives_the_same_answers(name):
    path = KOBO / "generated" / name
    parsed = importers.submissions_read(data=path.read_bytes(), name=name, form=grouped_form())
    answers = {
        s.uuid: {k: v for k, v in s.answers.items() if k not in ("start", "end")}
        for s in parsed.submissions
    }
    assert answers == GROUPED_ANSWERS


def test_kobo_json_dump_carries_its_form_and_the_same_answers():
    path = KOBO / "formpack" / "tests" / "fixtures" / "grouped_translated" / "v1.json"
    parsed = importers.submissions_read(data=path.read_bytes(), name=path.name)
    assert parsed.form is not None
    assert parsed.form.question("What_kind_of_symmetry_do_you_have").labels["Español"]
    answers = {
        s.uuid: {k: v for k, v in s.answers.items() if k not in ("start", "end")}
        for s in parsed.submissions
    }
    assert answers == GROUPED_ANSWERS


def test_or_other_text_is_kept_beside_the_choice():
    path = KOBO / "formpack" / "tests" / "fixtures" / "or_other" / "v1.json"
    first = importers.submissions_read(data=path.read_bytes(), name=path.name).submissions[0]
    assert first.uuid == "40805f86-2638-46f1-ab5a-72f4632474b5"
    assert first.answers["fav_emperors"] == ["caligula", "other"]
    assert first.answers["fav_emperors_other"] == "Commodus"


def test_hxl_tag_row_is_skipped_and_zero_one_columns_give_the_choices():
    path = KOBO / "generated" / "dietary_needs__export_xml_values_hxl_row.csv"
    parsed = importers.submissions_read(data=path.read_bytes(), name=path.name)
    assert [s.answers["dietary_accommodations"] for s in parsed.submissions] == [
        ["gluten_free"],
        ["vegan", "vegetarian"],
        ["gluten_free", "vegan", "vegetarian", "lactose_free"],
    ]


def test_submission_without_uuid_gets_the_same_identifier_each_time():
    path = KOBO / "generated" / "dietary_needs__export_xml_values_hxl_row.csv"
    first = importers.submissions_read(data=path.read_bytes(), name=path.name)
    second = importers.submissions_read(data=path.read_bytes(), name=path.name)
    assert [s.uuid for s in first.submissions] == [s.uuid for s in second.submissions]


def test_validation_status_and_submission_time_are_metadata():
    path = KOBO / "generated" / "customer_satisfaction__export_xml_values.csv"
    first = importers.submissions_read(data=path.read_bytes(), name=path.name).submissions[0]
    assert first.answers == {"restaurant_name": "Felipes", "customer_enjoyment": "yes"}
    assert first.submitted_at.year == 2016


def test_odk_central_groups_with_a_dash_and_split_select_multiples():
    path = KOBO / "generated" / "odk_central__selectMultiple_splitSelectMultiples.csv"
    parsed = importers.submissions_read(data=path.read_bytes(), name=path.name)
    by_key = {s.uuid: s.answers for s in parsed.submissions}
    assert by_key == {
        "one": {"q1": ["a", "b"], "q2": ["x", "y", "z"]},
        "two": {"q1": ["b"], "q2": ["m", "x"]},
    }


def test_zip_of_csv_exports_reads_the_main_table():
    import zipfile

    path = KOBO / "generated" / "odk_central__selectMultiple_splitSelectMultiples.csv"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("selectMultiple.csv", path.read_bytes())
        archive.writestr("selectMultiple-repeat.csv", b"a,b\n1,2\n")
    parsed = importers.submissions_read(data=buffer.getvalue(), name="export.zip")
    assert {s.uuid for s in parsed.submissions} == {"one", "two"}


def kobo_csv(*rows: str) -> bytes:
    header = '"external_characteristics/How_many_segments_does_your_body_have";"_uuid"'
    return "\r\n".join([header, *rows]).encode()


def test_a_number_that_is_not_one_names_its_row_and_column():
    data = kobo_csv('"3";"a"', '"three";"b"')
    with translation.override("en"), pytest.raises(ImportProblem) as refused:
        importers.submissions_read(data=data, name="export.csv", form=grouped_form())
    message = refused.value.message
    assert "row 3" in message
    assert "How_many_segments_does_your_body_have" in message
    assert "three" in message


def test_the_same_submission_twice_in_one_file_is_refused():
    data = kobo_csv('"3";"a"', '"4";"a"')
    with translation.override("en"), pytest.raises(ImportProblem) as refused:
        importers.submissions_read(data=data, name="export.csv", form=grouped_form())
    assert "row 3" in refused.value.message


def test_a_select_multiple_column_that_is_not_zero_or_one_is_refused():
    data = b'"q";"q/a";"_uuid"\r\n"a";"yes";"u1"\r\n'
    with translation.override("en"), pytest.raises(ImportProblem) as refused:
        importers.submissions_read(data=data, name="export.csv")
    assert "row 2" in refused.value.message
    assert "q/a" in refused.value.message


def test_a_json_dump_that_is_not_a_list_of_objects_is_refused():
    with translation.override("en"), pytest.raises(ImportProblem):
        importers.submissions_read(data=json.dumps({"a": 1}).encode(), name="dump.json")
    with translation.override("en"), pytest.raises(ImportProblem):
        importers.submissions_read(data=b"[1, 2]", name="dump.json")


def workbook(rows_by_sheet: dict) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in rows_by_sheet.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsform_with_repeat_marks_its_questions():
    data = workbook(
        {
            "survey": [
                ["type", "name", "label::Español (es)"],
                ["begin repeat", "members", "Miembros"],
                ["integer", "member_age", "Edad"],
                ["end repeat", "", ""],
                ["date", "visit", "Fecha"],
            ]
        }
    )
    form = importers.xlsform_read(data=data)
    assert form.question("member_age").in_repeat
    assert not form.question("visit").in_repeat
    assert form.question("member_age").labels == {"Español (es)": "Edad"}


@pytest.mark.parametrize(
    ("survey", "choices", "expected"),
    [
        ([["select_one missing", "q", "Q"]], [], "choice list"),
        ([["integer", "", "Q"]], [], "row 2"),
        ([["integer", "q", "Q"], ["text", "q", "Q"]], [], "used twice"),
        ([["begin group", "g", "G"]], [], "not closed"),
    ],
)
def test_broken_xlsform_is_refused_with_its_place(survey, choices, expected):
    data = workbook(
        {
            "survey": [["type", "name", "label"], *survey],
            "choices": [["list_name", "name", "label"], *choices],
        }
    )
    with translation.override("en"), pytest.raises(ImportProblem) as refused:
        importers.xlsform_read(data=data, name="form.xlsx")
    assert expected in refused.value.message


def test_workbook_without_survey_sheet_is_refused():
    with translation.override("en"), pytest.raises(ImportProblem) as refused:
        importers.xlsform_read(data=workbook({"other": [["a"]]}), name="form.xlsx")
    assert "survey" in refused.value.message
