"""Exports of the monthly report (aggregates only, suppressed cells stay suppressed)."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from rumbo.casework.selectors import SUPPRESSION_THRESHOLD, Report


def _cell(count: int | None) -> str | int:
    return f"<{SUPPRESSION_THRESHOLD}" if count is None else count


def report_rows(report: Report) -> list[list]:
    rows: list[list] = [
        [_("Month"), f"{report.month:%Y-%m}", ""],
        [_("Scope"), report.scope_label, ""],
        [_("Consultations"), "", _cell(report.total)],
        [_("Table"), _("Category"), _("Count")],
    ]
    for table in report.tables:
        rows += [[table.title, label, _cell(count)] for label, count in table.rows]
    return rows


def _safe(value):
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def report_csv(report: Report) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([[_safe(v) for v in row] for row in report_rows(report)])
    return buffer.getvalue()


def report_xlsx(report: Report) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"{report.month:%Y-%m}"
    for row in report_rows(report):
        sheet.append([_safe(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
