"""Reading questionnaires (XLSForm) and submissions (KoboToolbox, ODK Central) into plain data.

Nothing here writes: `services.py` stores what these functions return, all or nothing. Every
refusal is an `ImportProblem` (an `UploadError`) naming the row and the column, in the words
a field team uses ("row 12, column age: “abc” is not a number").

Submissions come as a table (CSV with `;` or `,`, XLSX) or as a JSON dump. Headers may carry
group prefixes (`group/question` in KoboToolbox, `group-question` in ODK Central) or labels
instead of names; a select_multiple may come as one space-separated column, as 0/1 columns
(`question/choice`), or both. Everything is mapped back to question and choice names.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from rumbo.core.uploads import (
    MEGABYTE,
    UploadError,
    UploadLimits,
    json_load,
    text_decode,
    upload_check_size,
    zip_read,
)

SELECT_TYPES = ("select_one", "select_multiple")
NUMERIC_TYPES = ("integer", "decimal", "range")
# Columns that describe the submission, not an answer (KoboToolbox, ODK Central, formpack).
META_COLUMNS = {
    "_id",
    "_uuid",
    "_submission_time",
    "_index",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "_tags",
    "_version_",
    "__version__",
    "_xform_id_string",
    "_attachments",
    "_geolocation",
    "formhub/uuid",
    "meta/instanceID",
    "meta/versionID",
    "meta/deprecatedID",
    "meta-instanceID",
    "KEY",
    "SubmissionDate",
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "FormVersion",
}
UUID_COLUMNS = ("_uuid", "KEY", "meta/instanceID", "meta-instanceID", "instanceID")
TIME_COLUMNS = ("_submission_time", "SubmissionDate", "end")
MAX_ROWS = 2_000_000
# A survey export is large but plain: 100,000 interviews of 80 questions make about 50 MB of
# CSV, so plain files may be larger than the gate's default. Archives (XLSX, zip) keep the
# default limits, as do the JSON depth and every other check.
LIMITS = UploadLimits(
    max_upload_bytes=200 * MEGABYTE,
    max_unpacked_bytes=400 * MEGABYTE,
    max_text_bytes=200 * MEGABYTE,
)


class ImportProblem(UploadError):
    """A refused import, with the row (1 = the header line) and column when known."""

    def __init__(self, problem: str, *, file: str = "", row: int | None = None, column: str = ""):
        if row is not None and column:
            problem = _("row %(row)s, column “%(column)s”: %(problem)s") % {
                "row": row,
                "column": column,
                "problem": problem,
            }
        elif row is not None:
            problem = _("row %(row)s: %(problem)s") % {"row": row, "problem": problem}
        super().__init__(problem, file=file)
        self.row = row
        self.column = column


# The questionnaire


@dataclass
class QuestionSpec:
    name: str
    path: str
    type: str
    list_name: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    in_repeat: bool = False


@dataclass
class ChoiceSpec:
    list_name: str
    name: str
    labels: dict[str, str] = field(default_factory=dict)


@dataclass
class FormSpec:
    form_id: str = ""
    version: str = ""
    title: str = ""
    default_language: str = ""
    languages: list[str] = field(default_factory=list)
    questions: list[QuestionSpec] = field(default_factory=list)
    choices: list[ChoiceSpec] = field(default_factory=list)

    def question(self, name: str) -> QuestionSpec | None:
        return next((q for q in self.questions if q.name == name), None)

    def choices_of(self, list_name: str) -> list[ChoiceSpec]:
        return [choice for choice in self.choices if choice.list_name == list_name]


_LABEL_COLUMN = re.compile(r"^label(?:::?(?P<language>.+))?$", re.IGNORECASE)
# Rows of the survey sheet that hold no answer.
_NO_ANSWER_TYPES = {"note", "end_group", "end_repeat", "begin_group", "begin_repeat"}


def _labels(row: dict[str, Any], default_language: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    for key, value in row.items():
        match = _LABEL_COLUMN.match(str(key or "").strip())
        if match and value not in (None, ""):
            labels[(match.group("language") or default_language or "default").strip()] = str(
                value
            ).strip()
    return labels


def _normalise_type(raw: str) -> tuple[str, str]:
    """('select_one', 'list') from 'select_one list or_other'; 'begin group' -> 'begin_group'."""
    words = raw.strip().split()
    if not words:
        return "", ""
    kind = words[0].lower()
    if kind in ("begin", "end") and len(words) > 1:
        return f"{kind}_{words[1].lower()}", ""
    if kind in SELECT_TYPES or kind in ("select_one_from_file", "select_multiple_from_file"):
        return kind.removesuffix("_from_file"), words[1] if len(words) > 1 else ""
    return kind, ""


def form_from_rows(
    *,
    survey: list[dict[str, Any]],
    choices: list[dict[str, Any]],
    settings: dict[str, Any],
    file: str = "",
) -> FormSpec:
    default_language = str(settings.get("default_language") or "").strip()
    form = FormSpec(
        form_id=str(settings.get("form_id") or settings.get("id_string") or "").strip(),
        version=str(settings.get("version") or "").strip(),
        title=str(settings.get("form_title") or "").strip(),
        default_language=default_language,
    )
    groups: list[tuple[str, bool]] = []
    languages: list[str] = []
    seen: set[str] = set()
    for index, row in enumerate(survey, start=2):
        number = row.get("__row__", index)
        kind, list_name = _normalise_type(str(row.get("type") or ""))
        if row.get("select_from_list_name"):
            list_name = str(row["select_from_list_name"])
        name = str(row.get("name") or row.get("$autoname") or "").strip()
        labels = _labels(row, default_language)
        languages += [language for language in labels if language not in languages]
        if kind in ("begin_group", "begin_repeat"):
            groups.append((name, kind == "begin_repeat"))
            continue
        if kind in ("end_group", "end_repeat"):
            if not groups:
                raise ImportProblem(
                    _("an end of group without its beginning"), file=file, row=number, column="type"
                )
            groups.pop()
            continue
        if not kind or kind in _NO_ANSWER_TYPES:
            continue
        if not name:
            raise ImportProblem(_("the question has no name"), file=file, row=number, column="name")
        if name in seen:
            raise ImportProblem(
                _("the name “%(name)s” is used twice") % {"name": name},
                file=file,
                row=number,
                column="name",
            )
        if kind in SELECT_TYPES and not list_name:
            raise ImportProblem(
                _("the select has no choice list"), file=file, row=number, column="type"
            )
        seen.add(name)
        form.questions.append(
            QuestionSpec(
                name=name,
                path="/".join([group for group, _repeat in groups if group] + [name]),
                type=kind,
                list_name=list_name,
                labels=labels,
                in_repeat=any(repeat for _group, repeat in groups),
            )
        )
    if groups:
        raise ImportProblem(_("a group is not closed"), file=file, column="type")
    for index, row in enumerate(choices, start=2):
        number = row.get("__row__", index)
        list_name = str(row.get("list_name") or row.get("list name") or "").strip()
        name = str(row.get("name") if row.get("name") is not None else "").strip()
        if not list_name and not name:
            continue
        if not list_name or not name:
            raise ImportProblem(
                _("a choice needs a list name and a name"), file=file, row=number, column="name"
            )
        labels = _labels(row, default_language)
        languages += [language for language in labels if language not in languages]
        form.choices.append(ChoiceSpec(list_name=list_name, name=name, labels=labels))
    lists = {choice.list_name for choice in form.choices}
    for question in form.questions:
        if question.type in SELECT_TYPES and question.list_name not in lists:
            raise ImportProblem(
                _("the choice list “%(list)s” of question “%(name)s” is missing")
                % {"list": question.list_name, "name": question.name},
                file=file,
                column="choices",
            )
    form.languages = languages
    if not form.questions:
        raise ImportProblem(_("the form has no question"), file=file)
    return form


def xlsx_rows(
    *, data: bytes, name: str, formulas: bool = False
) -> dict[str, list[tuple[Any, ...]]]:
    """Every sheet's rows; the archive passes the upload gate before openpyxl opens it.
    With `formulas`, a formula cell gives its text (an XLSForm's names are text, even one
    that looks like `=FALSE()`), otherwise the value the spreadsheet last computed."""
    zip_read(data=data, name=name)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=not formulas)
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        raise ImportProblem(_("the file is not a readable XLSX workbook"), file=name) from error
    sheets: dict[str, list[tuple[Any, ...]]] = {}
    for sheet in workbook.worksheets:
        rows: list[tuple[Any, ...]] = []
        for row in sheet.iter_rows(values_only=True):
            if len(rows) > MAX_ROWS:
                raise ImportProblem(_("the sheet has too many rows"), file=name)
            rows.append(row)
        sheets[sheet.title] = rows
    workbook.close()
    return sheets


def _records(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """One dict per non-empty row, with its sheet row number under `__row__`."""
    if not rows:
        return []
    header = [str(cell).strip() if cell is not None else "" for cell in rows[0]]
    return [
        {"__row__": number, **{key: value for key, value in zip(header, row, strict=False) if key}}
        for number, row in enumerate(rows[1:], start=2)
        if any(value not in (None, "") for value in row)
    ]


def xlsform_read(*, data: bytes, name: str = "form.xlsx") -> FormSpec:
    sheets = {
        title.lower(): rows
        for title, rows in xlsx_rows(data=data, name=name, formulas=True).items()
    }
    if "survey" not in sheets:
        raise ImportProblem(_("the workbook has no “survey” sheet"), file=name)
    settings_rows = _records(sheets.get("settings", []))
    return form_from_rows(
        survey=_records(sheets["survey"]),
        choices=_records(sheets.get("choices", [])),
        settings=settings_rows[0] if settings_rows else {},
        file=name,
    )


def xlsform_markdown_read(*, text: str, name: str = "form.md") -> FormSpec:
    """An XLSForm written as a markdown table (pyxform's test format): a line whose first
    cell names a sheet starts it, the next line is its header."""
    sheets: dict[str, list[tuple[Any, ...]]] = {}
    current: list[tuple[Any, ...]] | None = None
    for line in text.splitlines():
        if not line.strip().startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells and cells[0]:
            current = sheets.setdefault(cells[0].lower(), [])
            continue
        if current is not None:
            current.append(tuple(cell or None for cell in cells[1:]))
    if "survey" not in sheets:
        raise ImportProblem(_("the form has no “survey” table"), file=name)
    settings_rows = _records(sheets.get("settings", []))
    return form_from_rows(
        survey=_records(sheets["survey"]),
        choices=_records(sheets.get("choices", [])),
        settings=settings_rows[0] if settings_rows else {},
        file=name,
    )


def form_from_kobo_content(
    *, content: dict[str, Any], version: str = "", file: str = ""
) -> FormSpec:
    """A form as KoboToolbox stores it (JSON: labels as lists, one per translation)."""
    translations = [t or "default" for t in content.get("translations") or [None]]

    def flatten(row: dict[str, Any]) -> dict[str, Any]:
        flat = {key: value for key, value in row.items() if key != "label"}
        label = row.get("label")
        if isinstance(label, list):
            for language, text in zip(translations, label, strict=False):
                flat[f"label::{language}"] = text
        elif label is not None:
            flat[f"label::{translations[0]}"] = label
        return flat

    settings = dict(content.get("settings") or {})
    settings.setdefault("version", version)
    settings.setdefault("default_language", translations[0])
    return form_from_rows(
        survey=[flatten(row) for row in content.get("survey", []) if isinstance(row, dict)],
        choices=[flatten(row) for row in content.get("choices", []) if isinstance(row, dict)],
        settings=settings,
        file=file,
    )


# Submissions


@dataclass
class Submission:
    uuid: str
    submitted_at: datetime | None
    answers: dict[str, Any]
    row: int


def _clean_uuid(value: Any) -> str:
    text = str(value or "").strip()
    return text.removeprefix("uuid:")[:64]


def _parse_time(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


@dataclass
class _Column:
    header: str
    question: str  # "" for metadata or an unknown column
    choice: str = ""  # for a 0/1 select_multiple column


class _Resolver:
    """Maps headers and values back to question and choice names."""

    def __init__(self, form: FormSpec | None, headers: list[str]) -> None:
        # ODK Central joins groups with "-" (and choices with "/"); KoboToolbox uses "/".
        self.group_sep = "-" if "KEY" in headers or "SubmissionDate" in headers else "/"
        self.form = form
        self.questions = {q.name: q for q in form.questions} if form else {}
        self.by_path = {q.path: q for q in form.questions} if form else {}
        self.by_label: dict[str, QuestionSpec] = {}
        self.choice_names: dict[str, set[str]] = {}
        self.choice_by_label: dict[str, dict[str, str]] = {}
        if form:
            for question in form.questions:
                for label in question.labels.values():
                    self.by_label.setdefault(label.strip(), question)
            for choice in form.choices:
                self.choice_names.setdefault(choice.list_name, set()).add(choice.name)
                labels = self.choice_by_label.setdefault(choice.list_name, {})
                for label in choice.labels.values():
                    labels.setdefault(label.strip(), choice.name)
        self.headers = headers
        self.columns = [self._column(header, set(headers)) for header in headers]

    def _question(self, header: str) -> QuestionSpec | None:
        for candidate in (header, header.replace("-", "/")):
            if candidate in self.by_path:
                return self.by_path[candidate]
            last = re.split(r"[/-]", candidate)[-1]
            if self.questions and last in self.questions:
                return self.questions[last]
            last_label = candidate.rsplit("/", 1)[-1].strip()
            if last_label in self.by_label:
                return self.by_label[last_label]
        return None

    def _choice(self, question: QuestionSpec | None, text: str) -> str:
        if question is None:
            return text
        names = self.choice_names.get(question.list_name, set())
        if text in names:
            return text
        return self.choice_by_label.get(question.list_name, {}).get(text.strip(), text)

    def _column(self, header: str, headers: set[str]) -> _Column:
        if header in META_COLUMNS or header.startswith("_"):
            return _Column(header, "")
        if "/" in header:
            parent, choice = header.rsplit("/", 1)
            if parent in headers and parent not in META_COLUMNS:
                question = self._question(parent)
                if question is None or question.type == "select_multiple":
                    name = question.name if question else self.bare(parent)
                    return _Column(header, name, self._choice(question, choice))
        question = self._question(header)
        if question is not None:
            return _Column(header, question.name)
        # A column the form does not know (a calculated field, an "other" text, or no form
        # at all): kept under its bare name, so nothing the field team collected is lost.
        return _Column(header, self.bare(header))

    def bare(self, header: str) -> str:
        """The question name without its groups."""
        return header.split("/")[-1].split(self.group_sep)[-1]

    def converter(self, question_name: str) -> Callable[[str], Any]:
        """The function turning one cell's text (stripped, not empty) into the stored value,
        built once per column: a 100,000-row export calls it millions of times. It raises
        ValueError for a number that is not one."""
        question = self.questions.get(question_name)
        kind = question.type if question else ""
        if kind == "integer":

            def integer(text: str) -> int:
                try:
                    return int(text)
                except ValueError:
                    number = float(text)  # "3.0" from a spreadsheet
                    if not number.is_integer():
                        raise
                    return int(number)

            return integer
        if kind in ("decimal", "range"):
            return lambda text: float(text.replace(",", "."))
        if question is not None and kind == "select_one":
            names = self.choice_names.get(question.list_name, set())
            labels = self.choice_by_label.get(question.list_name, {})
            return lambda text: text if text in names else labels.get(text, text)
        if question is not None and kind == "select_multiple":
            names = self.choice_names.get(question.list_name, set()) | {"other"}
            labels = self.choice_by_label.get(question.list_name, {})

            def multiple(text: str) -> list[str]:
                parts = text.split()
                if all(part in names for part in parts):
                    return parts
                return [labels[text]] if text in labels else parts

            return multiple
        return lambda text: text


def _cell_text(raw: Any) -> str | None:
    """A cell as text: None when empty; a spreadsheet's number or date written out."""
    if raw is None:
        return None
    if raw.__class__ is str:
        text = raw.strip()
    elif isinstance(raw, datetime | date):
        text = raw.isoformat()
    else:
        text = str(raw).strip()
    return text or None


def _detect_sep(first_line: str) -> str:
    return ";" if first_line.count(";") > first_line.count(",") else ","


def csv_table(*, data: bytes, name: str) -> list[list[str]]:
    upload_check_size(data=data, name=name, limits=LIMITS)
    text = text_decode(data=data, name=name, limits=LIMITS).lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=_detect_sep(first_line))
    try:
        return list(reader)
    except csv.Error as error:
        raise ImportProblem(
            _("the CSV cannot be read: %(problem)s") % {"problem": error},
            file=name,
            row=reader.line_num,
        ) from error


def _is_tag_row(row: list[Any]) -> bool:
    """The HXL hashtag row KoboToolbox may write under the header."""
    values = [str(value).strip() for value in row if value not in (None, "")]
    return bool(values) and all(value.startswith("#") for value in values)


def submissions_from_table(
    *, rows: list[list[Any]], form: FormSpec | None, name: str
) -> list[Submission]:
    if not rows:
        raise ImportProblem(_("the file is empty"), file=name)
    headers = [str(cell or "").strip() for cell in rows[0]]
    if not any(headers):
        raise ImportProblem(_("the first row has no column names"), file=name, row=1)
    resolver = _Resolver(form, headers)
    uuid_index = next((headers.index(c) for c in UUID_COLUMNS if c in headers), None)
    time_index = next((headers.index(c) for c in TIME_COLUMNS if c in headers), None)
    plain = [
        (index, column.question, resolver.converter(column.question))
        for index, column in enumerate(resolver.columns)
        if column.question and not column.choice
    ]
    split = [
        (index, column.question, column.choice)
        for index, column in enumerate(resolver.columns)
        if column.question and column.choice
    ]
    submissions: list[Submission] = []
    for number, row in enumerate(rows[1:], start=2):
        # any(row) is the quick test; a row of zeros from a spreadsheet is not empty.
        if not any(row) and all(value in (None, "") for value in row):
            continue
        if number == 2 and _is_tag_row(list(row)):
            continue
        if len(row) > len(headers) and any(
            value not in (None, "") for value in row[len(headers) :]
        ):
            raise ImportProblem(_("the row has more fields than the header"), file=name, row=number)
        answers: dict[str, Any] = {}
        ticked: dict[str, list[str]] = {}
        for index, question, convert in plain:
            if index >= len(row):
                break
            text = _cell_text(row[index])
            if text is None:
                continue
            try:
                answers[question] = convert(text)
            except ValueError as error:
                raise ImportProblem(
                    _("“%(value)s” is not a number") % {"value": text[:40]},
                    file=name,
                    row=number,
                    column=headers[index],
                ) from error
        for index, question, choice in split:
            if index >= len(row):
                break
            text = _cell_text(row[index]) or ""
            if text in ("1", "1.0", "True", "true"):
                ticked.setdefault(question, []).append(choice)
            elif text in ("0", "0.0", "False", "false"):
                ticked.setdefault(question, [])
            elif text:
                raise ImportProblem(
                    _("“%(value)s” is not 0 or 1") % {"value": text[:40]},
                    file=name,
                    row=number,
                    column=headers[index],
                )
        # The 0/1 columns are exact even when labels hold spaces, so they win over the text
        # column; all empty means unanswered, all 0 means answered with nothing chosen.
        for question, choices in ticked.items():
            if choices or question not in answers:
                answers[question] = choices
        uuid = (
            _clean_uuid(row[uuid_index]) if uuid_index is not None and uuid_index < len(row) else ""
        )
        if not uuid:
            # No identifier: the row's content stands for it, so importing it twice is harmless.
            digest = hashlib.sha256(repr(list(row)).encode()).hexdigest()[:40]
            uuid = f"row:{digest}"
        submitted = (
            _parse_time(row[time_index])
            if time_index is not None and time_index < len(row)
            else None
        )
        submissions.append(
            Submission(uuid=uuid, submitted_at=submitted, answers=answers, row=number)
        )
    _refuse_duplicates(submissions, name)
    return submissions


def _refuse_duplicates(submissions: list[Submission], name: str) -> None:
    seen: dict[str, int] = {}
    for submission in submissions:
        if submission.uuid in seen:
            raise ImportProblem(
                _("the submission %(uuid)s is also in row %(other)s")
                % {"uuid": submission.uuid, "other": seen[submission.uuid]},
                file=name,
                row=submission.row,
            )
        seen[submission.uuid] = submission.row


def submissions_from_json(
    *, records: list[dict[str, Any]], form: FormSpec | None, name: str
) -> list[Submission]:
    """A KoboToolbox JSON dump: one object per submission, keys `group/question`."""
    headers: list[str] = []
    for record in records:
        if not isinstance(record, dict):
            raise ImportProblem(_("a submission is not a JSON object"), file=name)
        headers += [key for key in record if key not in headers]
    rows: list[list[Any]] = [headers]
    for record in records:
        row = []
        for key in headers:
            value = record.get(key)
            if isinstance(value, dict):
                value = value.get("uid", "")
            elif isinstance(value, list):
                value = " ".join(str(item) for item in value) if key not in META_COLUMNS else ""
            row.append(value)
        rows.append(row)
    return submissions_from_table(rows=rows, form=form, name=name)


@dataclass
class ParsedUpload:
    submissions: list[Submission]
    form: FormSpec | None = None


def submissions_read(*, data: bytes, name: str, form: FormSpec | None = None) -> ParsedUpload:
    """Submissions from a KoboToolbox CSV, XLSX or JSON export, an ODK Central CSV, or a zip
    of them (ODK Central's "all submissions" zip), chosen by the file's content."""
    upload_check_size(data=data, name=name, limits=LIMITS)
    if data[:2] == b"PK":
        upload_check_size(data=data, name=name)
        return archive_read(data=data, name=name, form=form)
    stripped = data.lstrip(b"\xef\xbb\xbf \r\n\t")
    if stripped[:1] in (b"[", b"{"):
        return _json_read(
            text=text_decode(data=data, name=name, limits=LIMITS), name=name, form=form
        )
    rows = csv_table(data=data, name=name)
    return ParsedUpload(submissions_from_table(rows=rows, form=form, name=name), form)


def _json_read(*, text: str, name: str, form: FormSpec | None) -> ParsedUpload:
    document = json_load(text=text, name=name, limits=LIMITS)
    if isinstance(document, dict) and isinstance(document.get("content"), dict) and form is None:
        # formpack's and KPI's stored form: {"version", "content": <form>, "submissions"}.
        form = form_from_kobo_content(
            content=document["content"], version=str(document.get("version", "")), file=name
        )
    if isinstance(document, dict):
        document = document.get("submissions", document.get("results"))
    if not isinstance(document, list):
        raise ImportProblem(_("the JSON holds no list of submissions"), file=name)
    return ParsedUpload(submissions_from_json(records=document, form=form, name=name), form)


def archive_read(*, data: bytes, name: str, form: FormSpec | None = None) -> ParsedUpload:
    """An XLSX workbook, or a zip holding a JSON dump or CSV exports: the JSON if there is
    one, else the main CSV (ODK Central names repeat tables `<form>-<repeat>.csv`, longer
    than the main table's name)."""
    files = zip_read(data=data, name=name)
    if "xl/workbook.xml" in files:
        sheets = xlsx_rows(data=data, name=name)
        first = next(iter(sheets.values()), [])
        rows = [list(row) for row in first]
        return ParsedUpload(submissions_from_table(rows=rows, form=form, name=name), form)
    jsons = sorted(member for member in files if member.lower().endswith(".json"))
    if jsons:
        member = jsons[0]
        text = text_decode(data=files[member], name=member, limits=LIMITS)
        return _json_read(text=text, name=member, form=form)
    csvs = sorted((m for m in files if m.lower().endswith(".csv")), key=lambda m: (len(m), m))
    if not csvs:
        raise ImportProblem(_("the zip archive holds no CSV or JSON export"), file=name)
    member = csvs[0]
    rows = csv_table(data=files[member], name=member)
    return ParsedUpload(submissions_from_table(rows=rows, form=form, name=member), form)
