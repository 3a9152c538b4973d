"""Every spreadsheet that leaves Rumbo goes through rumbo.core.exports, which neutralises
formulas; the class test below fails if a module writes CSV or XLSX on its own."""

import ast
import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from rumbo.core.exports import csv_dicts_text, csv_text, neutralise, xlsx_bytes

RUMBO = Path(__file__).resolve().parents[2]
WRITERS = {("csv", "writer"), ("csv", "DictWriter"), ("openpyxl", "Workbook")}
WRITER_MODULES = {"xlsxwriter", "openpyxl.writer", "pyexcel"}


def direct_writers(path: Path) -> list[str]:
    """Uses of a CSV or XLSX writer in a module, as `module.name` at line N."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                if (node.module.split(".")[0], alias.name) in WRITERS:
                    found.append(f"from {node.module} import {alias.name} (line {node.lineno})")
            if node.module.split(".")[0] in WRITER_MODULES or node.module in WRITER_MODULES:
                found.append(f"from {node.module} import ... (line {node.lineno})")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in WRITER_MODULES or alias.name in WRITER_MODULES:
                    found.append(f"import {alias.name} (line {node.lineno})")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if (node.value.id, node.attr) in WRITERS:
                found.append(f"{node.value.id}.{node.attr} (line {node.lineno})")
    return found


def test_no_module_writes_csv_or_xlsx_but_the_export_writer():
    modules = [
        path
        for path in RUMBO.rglob("*.py")
        if "tests" not in path.relative_to(RUMBO).parts and path.name != "exports.py"
    ]
    assert len(modules) > 50  # discovery works
    offenders = {
        str(path.relative_to(RUMBO.parent)): uses
        for path in modules
        if (uses := direct_writers(path))
    }
    assert offenders == {}, "write spreadsheets with rumbo.core.exports, which neutralises formulas"


def test_the_class_test_sees_a_direct_writer(tmp_path):
    module = tmp_path / "export.py"
    module.write_text("import csv\nfrom openpyxl import Workbook\nw = csv.writer(None)\n")
    assert len(direct_writers(module)) == 2


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_formula_prefixes_are_neutralised(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Rosa Díaz", "", 42, -3, None, "a=b"])
def test_other_values_are_left_as_they_are(value):
    assert neutralise(value) == value


def test_csv_cells_are_neutralised():
    text = csv_text([["name"], ['=HYPERLINK("http://evil.example","x")']])
    assert list(csv.reader(io.StringIO(text)))[1] == ['\'=HYPERLINK("http://evil.example","x")']


def test_csv_of_dicts_has_a_header_and_neutralised_cells():
    text = csv_dicts_text([{"a": "=1", "b": "x"}, {"a": "y"}], fieldnames=["a", "b"])
    assert list(csv.reader(io.StringIO(text))) == [["a", "b"], ["'=1", "x"], ["y", ""]]


def test_xlsx_cells_are_neutralised_and_numbers_stay_numbers():
    data = xlsx_bytes([["=1+1", 7]], title="2026-11")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "2026-11"
    assert sheet["A1"].value == "'=1+1"
    assert sheet["A1"].data_type == "s"
    assert sheet["B1"].value == 7


@pytest.mark.parametrize("phone", ["+502 2411-1111", "-12.5", "+1 (555) 010-0000"])
def test_phone_numbers_and_plain_numbers_go_out_unchanged(phone):
    assert neutralise(phone) == phone


@pytest.mark.parametrize("formula", ["+cmd|' /C calc'!A0", "-2+3+cmd|x", "+1+HYPERLINK(1)"])
def test_text_that_could_call_a_function_is_neutralised_even_after_a_sign(formula):
    assert neutralise(formula) == "'" + formula
