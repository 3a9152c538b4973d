"""Every write of the research app: questionnaires, responses, population totals, weights,
indicators and findings. Imports are all or nothing (one transaction) and idempotent: a
submission already stored for the project (same uuid) is skipped, never duplicated."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC
from functools import partial
from typing import Any

import numpy as np
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from rumbo.core.models import Country, Job
from rumbo.core.services import job_finish, job_progress
from rumbo.core.uploads import Importer, UploadError, importer_register
from rumbo.research import importers
from rumbo.research.importers import FormSpec, ImportProblem, Submission
from rumbo.research.models import (
    Choice,
    Finding,
    Indicator,
    PopulationTotal,
    Question,
    Questionnaire,
    Response,
    SurveyProject,
    Wave,
)
from rumbo.research.weighting import WeightingError, post_stratify, rake

BATCH = 5_000


# Questionnaires


@transaction.atomic
def questionnaire_store(*, project: SurveyProject, form: FormSpec) -> Questionnaire:
    """The form's questions and choices, replacing those of the same form id and version."""
    questionnaire, _created = Questionnaire.objects.update_or_create(
        project=project,
        form_id=form.form_id or project.slug,
        version=form.version,
        defaults={
            "title": form.title,
            "languages": form.languages,
            "default_language": form.default_language,
            "is_demo": project.is_demo,
        },
    )
    questionnaire.questions.all().delete()
    questionnaire.choices.all().delete()
    Question.objects.bulk_create(
        Question(
            questionnaire=questionnaire,
            name=q.name[:100],
            path=q.path[:300],
            type=q.type[:40],
            list_name=q.list_name[:100],
            labels=q.labels,
            in_repeat=q.in_repeat,
            order=order,
        )
        for order, q in enumerate(form.questions)
    )
    Choice.objects.bulk_create(
        Choice(
            questionnaire=questionnaire,
            list_name=c.list_name[:100],
            name=c.name[:100],
            labels=c.labels,
            order=order,
        )
        for order, c in enumerate(form.choices)
    )
    return questionnaire


def questionnaire_import(*, project: SurveyProject, data: bytes, name: str) -> Questionnaire:
    form = importers.xlsform_read(data=data, name=name)
    return questionnaire_store(project=project, form=form)


def project_form(*, project: SurveyProject) -> FormSpec | None:
    """The project's latest questionnaire as the importers read it."""
    questionnaire = project.questionnaires.order_by("-imported_at", "-pk").first()
    if questionnaire is None:
        return None
    return FormSpec(
        form_id=questionnaire.form_id,
        version=questionnaire.version,
        title=questionnaire.title,
        default_language=questionnaire.default_language,
        languages=list(questionnaire.languages),
        questions=[
            importers.QuestionSpec(
                name=q.name,
                path=q.path,
                type=q.type,
                list_name=q.list_name,
                labels=q.labels,
                in_repeat=q.in_repeat,
            )
            for q in questionnaire.questions.all()
        ],
        choices=[
            importers.ChoiceSpec(list_name=c.list_name, name=c.name, labels=c.labels)
            for c in questionnaire.choices.all()
        ],
    )


# Responses


@dataclass(frozen=True)
class ImportResult:
    created: int
    skipped: int
    questionnaire: Questionnaire | None = None


def _country_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for code, name in Country.objects.values_list("code", "name"):
        codes[code.lower()] = code
        codes[name.lower()] = code
    return codes


def _weight(value: Any, *, row: int, column: str, name: str) -> float:
    if value in (None, ""):
        return 1.0
    try:
        weight = float(str(value).replace(",", "."))
    except ValueError:
        weight = math.nan
    if not math.isfinite(weight) or weight <= 0:
        raise ImportProblem(
            _("the weight “%(value)s” is not a positive number") % {"value": str(value)[:40]},
            file=name,
            row=row,
            column=column,
        )
    return weight


def _aware(moment):
    """A time without its zone (KoboToolbox writes _submission_time so) is UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def responses_store(
    *,
    project: SurveyProject,
    wave: Wave,
    submissions: list[Submission],
    name: str = "",
    job: Job | None = None,
) -> ImportResult:
    """Stores the submissions not yet in the project, all or nothing."""
    if wave.project_id != project.pk:
        raise ImportProblem(_("the wave belongs to another project"), file=name)
    codes = _country_codes()
    rows: list[tuple[str, Any, str, dict, float]] = []
    for submission in submissions:
        answers = submission.answers
        country_value = answers.get(project.country_field) if project.country_field else None
        text = str(country_value or "").strip()
        # A country's ISO code or its name; an unknown two-letter code is kept as given.
        country = codes.get(text.lower(), "")
        if not country and len(text) == 2 and text.isascii() and text.isalpha():
            country = text.upper()
        weight = 1.0
        if project.weight_field:
            weight = _weight(
                answers.get(project.weight_field),
                row=submission.row,
                column=project.weight_field,
                name=name,
            )
        rows.append((submission.uuid, _aware(submission.submitted_at), country, answers, weight))
    with transaction.atomic():
        existing = (
            set(
                Response.objects.filter(
                    project=project, uuid__in=[row[0] for row in rows]
                ).values_list("uuid", flat=True)
            )
            if len(rows) <= 20_000
            else set(Response.objects.filter(project=project).values_list("uuid", flat=True))
        )
        new = [row for row in rows if row[0] not in existing]
        _responses_insert(project=project, wave=wave, rows=new)
    if job is not None:
        job_progress(job=job, done=len(rows), total=len(rows), message=_("Stored"))
    return ImportResult(created=len(new), skipped=len(rows) - len(new))


def _compact_json(answers: dict) -> str:
    # What JSONField writes on SQLite, without the spaces after separators and the \u
    # escapes of accented letters: a fifth less to encode and to store.
    return json.dumps(answers, separators=(",", ":"), ensure_ascii=False)


def _responses_insert(
    *, project: SurveyProject, wave: Wave, rows: list[tuple[str, Any, str, dict, float]]
) -> None:
    """One INSERT per batch of rows, values prepared by the fields themselves (JSON and
    datetimes as each database wants them). `bulk_create` builds a model instance and
    prepares every field of every row through the ORM: for a 100,000-row export that is
    most of the import's time, and nothing here needs it (no signals, no save())."""
    meta = Response._meta
    answers_field = meta.get_field("answers")
    time_field = meta.get_field("submitted_at")
    # The table's column names (Django's defaults for these fields).
    columns = [
        "project_id",
        "wave_id",
        "uuid",
        "submitted_at",
        "country",
        "answers",
        "design_weight",
        "weight",
        "is_demo",
    ]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - names from the model
        quote(meta.db_table),
        ", ".join(quote(column) for column in columns),
        ", ".join(["%s"] * len(columns)),
    )
    prepare_answers: Callable[[dict], Any] = _compact_json
    if connection.vendor != "sqlite":
        prepare_answers = partial(answers_field.get_db_prep_save, connection=connection)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(
                sql,
                [
                    (
                        project.pk,
                        wave.pk,
                        uuid,
                        time_field.get_db_prep_save(submitted, connection),
                        country,
                        prepare_answers(answers),
                        weight,
                        weight,
                        project.is_demo,
                    )
                    for uuid, submitted, country, answers, weight in rows[start : start + BATCH]
                ],
            )


def responses_import(
    *, project: SurveyProject, wave: Wave, data: bytes, name: str, job: Job | None = None
) -> ImportResult:
    """Submissions from any supported export; a formpack/KPI JSON that carries its form
    also stores the questionnaire (in the same transaction as the responses)."""
    form = project_form(project=project)
    parsed = importers.submissions_read(data=data, name=name, form=form)
    if job is not None:
        job_progress(
            job=job,
            done=0,
            total=len(parsed.submissions),
            message=_("%(count)s rows read") % {"count": len(parsed.submissions)},
        )
    with transaction.atomic():
        questionnaire = None
        if parsed.form is not None and parsed.form is not form:
            questionnaire = questionnaire_store(project=project, form=parsed.form)
        result = responses_store(
            project=project, wave=wave, submissions=parsed.submissions, name=name, job=job
        )
    return ImportResult(result.created, result.skipped, questionnaire)


def responses_import_job(
    *, job: Job, project_id: int, wave_id: int, data: bytes, name: str
) -> None:
    """The body of the background import: the job records the outcome, success or refusal."""
    project = SurveyProject.objects.get(pk=project_id)
    wave = Wave.objects.get(pk=wave_id, project=project)
    try:
        result = responses_import(project=project, wave=wave, data=data, name=name, job=job)
    except UploadError as error:
        job_finish(job=job, failed=True, message=error.message)
        return
    job_finish(
        job=job,
        message=_("%(created)s responses added, %(skipped)s already there")
        % {"created": result.created, "skipped": result.skipped},
    )


# Population totals and weights


def population_totals_replace(*, project: SurveyProject, text: str) -> int:
    """Totals from CSV lines `country,variable,value,total` (a header line is allowed);
    the project's totals are replaced whole, or not at all."""
    reader = csv.reader(io.StringIO(text))
    totals: dict[tuple[str, str, str], float] = {}
    for number, row in enumerate(reader, start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or (number == 1 and cells and cells[0].lower() == "country"):
            continue
        if len(cells) != 4:
            raise ValidationError(
                _("Line %(line)s: four fields are needed (country, variable, value, total).")
                % {"line": number}
            )
        country, variable, value, raw_total = cells
        try:
            total = float(raw_total)
        except ValueError:
            total = math.nan
        if not math.isfinite(total) or total < 0:
            raise ValidationError(
                _("Line %(line)s: “%(value)s” is not a population count.")
                % {"line": number, "value": raw_total[:40]}
            )
        if len(country) != 2 or not variable or not value:
            raise ValidationError(
                _("Line %(line)s: give a two-letter country code, a variable and a value.")
                % {"line": number}
            )
        totals[(country.upper(), variable[:200], value[:200])] = total
    with transaction.atomic():
        project.population_totals.all().delete()
        PopulationTotal.objects.bulk_create(
            PopulationTotal(project=project, country=c, variable=var, value=val, total=t)
            for (c, var, val), t in totals.items()
        )
    return len(totals)


def _answer_text(answers: dict[str, Any], variable: str) -> str:
    parts = []
    for name in variable.split("|"):
        value = answers.get(name)
        parts.append("" if value is None else str(value))
    return "|".join(parts)


def weights_adjust(*, project: SurveyProject, method: str) -> dict[str, int]:
    """Adjusted weights from the design weights, per country and wave (each wave is a sample
    of the same population): "design" (no adjustment), "poststratify" (one table, e.g.
    `sex|age_group`) or "rake" (every variable's margin). Countries without totals keep
    their design weights. Raises ValidationError naming the country and the cell that cannot
    be adjusted; nothing is changed then."""
    by_country: dict[str, dict[str, dict[str, float]]] = {}
    for total in project.population_totals.all():
        by_country.setdefault(total.country, {}).setdefault(total.variable, {})[total.value] = (
            total.total
        )
    adjusted_counts: dict[str, int] = {}
    with transaction.atomic():
        responses = list(
            Response.objects.filter(project=project).only(
                "pk", "wave_id", "country", "answers", "design_weight", "weight"
            )
        )
        for response in responses:
            response.weight = response.design_weight
        cells: dict[tuple[str, int], list[Response]] = {}
        for response in responses:
            cells.setdefault((response.country, response.wave_id), []).append(response)
        if method != "design":
            for (country, _wave), rows in sorted(cells.items()):
                variables = by_country.get(country)
                if not variables:
                    continue
                new = weights_computed(
                    rows=rows, variables=variables, method=method, country=country
                )
                for response, weight in zip(rows, new, strict=True):
                    response.weight = float(weight)
                adjusted_counts[country] = adjusted_counts.get(country, 0) + len(rows)
        Response.objects.bulk_update(responses, ["weight"], batch_size=BATCH)
    return adjusted_counts


def weights_computed(
    *, rows: list[Response], variables: dict[str, dict[str, float]], method: str, country: str
) -> np.ndarray:
    """The adjusted weights of one country's rows (in memory; nothing is written)."""
    base = np.array([r.design_weight for r in rows])
    try:
        if method == "poststratify":
            if len(variables) != 1:
                raise WeightingError(_("post-stratification needs one table of totals per country"))
            ((variable, cells),) = variables.items()
            values = np.array([_answer_text(r.answers, variable) for r in rows], dtype=object)
            return post_stratify(base, values, cells)
        margins = {
            variable: (
                np.array([_answer_text(r.answers, variable) for r in rows], dtype=object),
                cells,
            )
            for variable, cells in variables.items()
        }
        return rake(base, margins)
    except WeightingError as error:
        raise ValidationError(
            _("%(country)s: %(problem)s") % {"country": country, "problem": error}
        ) from error


# Indicators


def indicator_save(*, indicator: Indicator) -> Indicator:
    indicator.full_clean()
    indicator.save()
    return indicator


def clean_list(values: Iterable[Any]) -> list[str]:
    return [str(value).strip() for value in values if str(value).strip()]


# Findings


@transaction.atomic
def findings_replace(*, campaign, indicators: list[Indicator]) -> list[Finding]:
    """The campaign's public diagnosis shows these indicators, in this order, for the
    campaign's country."""
    Finding.objects.filter(campaign=campaign).delete()
    return [
        Finding.objects.create(
            campaign=campaign,
            indicator=indicator,
            country=campaign.country.code,
            order=order,
            is_demo=campaign.is_demo,
        )
        for order, indicator in enumerate(indicators)
    ]


# The upload gate's class test feeds every registered importer the same hostile archives.
# A zip export (ODK Central's "all submissions" zip, or a zipped KoboToolbox JSON dump) is read
# here without storing anything; the pages store it with `responses_import`.
importer_register(
    Importer(
        name="survey submissions archive",
        run=lambda data: importers.archive_read(data=data, name="submissions.zip"),
        parsed_member="submissions.json",
    )
)
