"""The one writer of spreadsheets (CSV and XLSX) that leave Rumbo.

A text cell that starts with = + - @, a tab or a carriage return is read as a formula by
spreadsheet programs (CSV/formula injection: `=HYPERLINK(...)` in a learner's name would
become a link in a facilitator's sheet). Every cell goes through `neutralise()`, which
prefixes such text with an apostrophe, as OWASP advises. Numbers stay numbers, and so does
text made only of digits, spaces and + - ( ) . such as a phone number "+502 2411-1111": a
spreadsheet can at most do arithmetic with it, never call a function or reach a link. A test
(rumbo/core/tests/test_exports.py) fails if any other module writes CSV or XLSX itself.
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Phone numbers and signed numbers: nothing a spreadsheet could run.
PLAIN_NUMBER = re.compile(r"[+-]?[0-9][0-9 ().-]*")
Row = Sequence[Any]


def neutralise(value: Any) -> Any:
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_PREFIXES)
        and not PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def _safe_rows(rows: Iterable[Row]) -> Iterable[list[Any]]:
    for row in rows:
        yield [neutralise(value) for value in row]


def csv_text(rows: Iterable[Row], *, lineterminator: str = "\r\n") -> str:
    buffer = io.StringIO()
    csv_write(buffer, rows, lineterminator=lineterminator)
    return buffer.getvalue()


def csv_write(target: Any, rows: Iterable[Row], *, lineterminator: str = "\r\n") -> None:
    """Writes the rows to a file-like object (an HttpResponse, a StringIO)."""
    csv.writer(target, lineterminator=lineterminator).writerows(_safe_rows(rows))


def csv_dicts_text(
    rows: Iterable[dict[str, Any]], *, fieldnames: Sequence[str], lineterminator: str = "\r\n"
) -> str:
    """A header line of `fieldnames`, then one line per dict (missing keys left empty)."""
    table = (
        [row.get(name, "") for name in fieldnames] for row in rows
    )  # one pass, like csv.DictWriter
    return csv_text([list(fieldnames), *table], lineterminator=lineterminator)


def xlsx_bytes(rows: Iterable[Row], *, title: str = "") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    if title:
        sheet.title = title[:31]  # the longest sheet name spreadsheet programs accept
    for row in _safe_rows(rows):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
