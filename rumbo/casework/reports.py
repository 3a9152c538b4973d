"""Exports of the monthly report (aggregates only, suppressed cells stay suppressed)."""

from django.utils.translation import gettext as _

from rumbo.casework.selectors import SUPPRESSION_THRESHOLD, Report
from rumbo.core.exports import csv_text, xlsx_bytes


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


def report_csv(report: Report) -> str:
    return csv_text(report_rows(report))


def report_xlsx(report: Report) -> bytes:
    return xlsx_bytes(report_rows(report), title=f"{report.month:%Y-%m}")
