"""Every read the research pages need: projects a user may see, indicator tables with their
intervals, frequency tables, cross-tabulations, weight summaries, microdata for export."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db.models import QuerySet

from rumbo.campaigns.models import Campaign
from rumbo.research import estimation
from rumbo.research.estimation import Estimate
from rumbo.research.frames import Frame, frame_load
from rumbo.research.models import (
    Choice,
    Finding,
    Indicator,
    Question,
    SurveyProject,
)
from rumbo.research.permissions import projects_editable_filter, projects_readable_filter
from rumbo.research.weighting import WeightSummary, weight_summary

DISAGGREGATIONS = ("country", "wave", "exposure")


def project_list(*, user: Any) -> QuerySet[SurveyProject]:
    return (
        SurveyProject.objects.filter(projects_readable_filter(user=user))
        .distinct()
        .order_by("name")
    )


def project_get(*, user: Any, slug: str) -> SurveyProject:
    """The project, or SurveyProject.DoesNotExist (a 404) when the user may not read it."""
    return project_list(user=user).get(slug=slug)


def project_editable(*, user: Any, project: SurveyProject) -> bool:
    return SurveyProject.objects.filter(projects_editable_filter(user=user), pk=project.pk).exists()


# Labels


@dataclass
class Labels:
    """Question and choice labels of a project in one language."""

    questions: dict[str, str]
    choices: dict[str, dict[str, str]]  # question name -> choice name -> label
    types: dict[str, str]

    def question(self, name: str) -> str:
        return self.questions.get(name, name)

    def choice(self, question: str, value: str) -> str:
        mapping = self.choices.get(question, {})
        if " " in value and value not in mapping:
            return ", ".join(mapping.get(part, part) for part in value.split())
        return mapping.get(value, value)


def labels_get(*, project: SurveyProject, language: str = "") -> Labels:
    questionnaire = project.questionnaires.order_by("-imported_at", "-pk").first()
    if questionnaire is None:
        return Labels({}, {}, {})
    questions = list(questionnaire.questions.all())
    lists: dict[str, dict[str, str]] = {}
    for choice in Choice.objects.filter(questionnaire=questionnaire):
        lists.setdefault(choice.list_name, {})[choice.name] = choice.label(language)
    return Labels(
        questions={q.name: q.label(language) for q in questions},
        choices={q.name: lists.get(q.list_name, {}) for q in questions if q.list_name},
        types={q.name: q.type for q in questions},
    )


def question_list(*, project: SurveyProject) -> list[Question]:
    questionnaire = project.questionnaires.order_by("-imported_at", "-pk").first()
    return list(questionnaire.questions.all()) if questionnaire else []


def languages_of(*, project: SurveyProject) -> list[str]:
    questionnaire = project.questionnaires.order_by("-imported_at", "-pk").first()
    return list(questionnaire.languages) if questionnaire else []


# Estimates


@dataclass
class ResultRow:
    groups: tuple[str, ...]
    estimate: Estimate


def _codes(columns: list[np.ndarray], size: int) -> tuple[np.ndarray, list[tuple[str, ...]]]:
    """A code per row for the combination of the columns' values ("" = no value: -1)."""
    if not columns:
        return np.zeros(size, dtype=np.int64), [()]
    keys = np.array(["\x1f".join(str(c[i]) for c in columns) for i in range(size)], dtype=object)
    missing = np.zeros(size, dtype=bool)
    for column in columns:
        missing |= np.array([value == "" for value in column])
    values, codes = np.unique(keys.astype(str), return_inverse=True)
    codes = codes.ravel().astype(np.int64)
    codes[missing] = -1
    return codes, [tuple(value.split("\x1f")) for value in values]


def estimates_by(
    *,
    frame: Frame,
    y: np.ndarray,
    by: list[str],
    ci: str,
    domain: np.ndarray | None = None,
) -> list[ResultRow]:
    """The mean of y in every combination of the `by` columns' values (within `domain`)."""
    if frame.size == 0:
        return []
    codes, groups = _codes([frame.column(name) for name in by], frame.size)
    if domain is not None:
        codes = np.where(domain, codes, -1)
    results = estimation.grouped_means(
        y, design=frame.design, groups=codes, group_count=len(groups), ci=ci
    )
    return [
        ResultRow(group, result)
        for group, result in zip(groups, results, strict=True)
        if result.n > 0 and all(group)
    ]


def _ci(project: SurveyProject, indicator: Indicator) -> str:
    return project.interval if indicator.kind == Indicator.Kind.PROPORTION else "wald"


@dataclass
class IndicatorTable:
    indicator: Indicator
    rows: list[ResultRow]  # by country and wave
    overall: list[ResultRow]  # by wave
    changes: list[Change]


@dataclass
class Change:
    label: str
    first: str
    second: str
    difference: estimation.Difference


def indicator_table(*, frame: Frame, indicator: Indicator) -> IndicatorTable:
    y = frame.indicator_values(indicator)
    ci = _ci(frame.project, indicator)
    rows = estimates_by(frame=frame, y=y, by=["country", "wave"], ci=ci)
    overall = estimates_by(frame=frame, y=y, by=["wave"], ci=ci)
    return IndicatorTable(indicator, rows, overall, wave_changes(frame=frame, y=y))


def wave_changes(*, frame: Frame, y: np.ndarray) -> list[Change]:
    """The last wave against the first, overall and per country."""
    if len(frame.waves) < 2 or frame.size == 0:
        return []
    first, last = 0, len(frame.waves) - 1
    in_first, in_last = frame.wave_index == first, frame.wave_index == last
    changes = []
    for country in ["", *sorted(set(frame.country) - {""})]:
        where = np.ones(frame.size, dtype=bool) if not country else frame.country == country
        a, b = in_last & where, in_first & where
        if not (a & ~np.isnan(y)).any() or not (b & ~np.isnan(y)).any():
            continue
        difference = estimation.difference(y, design=frame.design, domain_a=a, domain_b=b)
        changes.append(Change(country, frame.waves[first].name, frame.waves[last].name, difference))
    return changes


def exposure_difference(*, frame: Frame, y: np.ndarray, wave: int) -> estimation.Difference | None:
    exposure = frame.exposure()
    in_wave = frame.wave_index == wave
    a, b = in_wave & (exposure == "recall"), in_wave & (exposure == "no recall")
    if not (a & ~np.isnan(y)).any() or not (b & ~np.isnan(y)).any():
        return None
    return estimation.difference(y, design=frame.design, domain_a=a, domain_b=b)


def indicator_tables(*, project: SurveyProject, frame: Frame | None = None) -> list[IndicatorTable]:
    frame = frame or frame_load(project=project)
    return [
        indicator_table(frame=frame, indicator=indicator)
        for indicator in project.indicators.order_by("order", "pk")
    ]


@dataclass
class Disaggregation:
    name: str
    rows: list[ResultRow]


def indicator_detail(
    *, frame: Frame, indicator: Indicator
) -> tuple[IndicatorTable, list[Disaggregation], list[tuple[str, estimation.Difference]]]:
    table = indicator_table(frame=frame, indicator=indicator)
    y = frame.indicator_values(indicator)
    ci = _ci(frame.project, indicator)
    names = [name for name in indicator.disaggregations if name not in ("wave",)]
    parts = [
        Disaggregation(name, estimates_by(frame=frame, y=y, by=["wave", name], ci=ci))
        for name in names
    ]
    exposure = []
    for index, wave in enumerate(frame.waves):
        difference = exposure_difference(frame=frame, y=y, wave=index)
        if difference is not None:
            exposure.append((wave.name, difference))
    return table, parts, exposure


# Frequencies, numbers, cross-tabulations


@dataclass
class FrequencyRow:
    value: str
    label: str
    estimate: Estimate


def _filtered_domain(frame: Frame, wave: int | None, country: str) -> np.ndarray:
    domain = np.ones(frame.size, dtype=bool)
    if wave is not None:
        domain &= frame.wave_index == wave
    if country:
        domain &= frame.country == country
    return domain


def frequency_table(
    *,
    frame: Frame,
    question: str,
    labels: Any,
    wave: int | None = None,
    country: str = "",
) -> list[FrequencyRow]:
    """Weighted share of each answer among those who answered (a select_multiple's choices
    each against everyone who answered it, so they may add up to more than 100%)."""
    raw = frame.raw(question)
    answered = np.array([value not in (None, "", []) for value in raw])
    domain = _filtered_domain(frame, wave, country) & answered
    values: list[str] = []
    seen: set[str] = set()
    for value in raw:
        for part in value if isinstance(value, list) else [value]:
            if part not in (None, "") and str(part) not in seen:
                seen.add(str(part))
                values.append(str(part))
    known = list(labels.choices.get(question, {}))
    values = [v for v in known if v in seen] + sorted(v for v in values if v not in known)
    rows = []
    ci = frame.project.interval
    for value in values:
        y = np.array(
            [
                (1.0 if (value in map(str, v) if isinstance(v, list) else str(v) == value) else 0.0)
                if v not in (None, "", [])
                else np.nan
                for v in raw
            ]
        )
        result = estimation.mean(y, design=frame.design, domain=domain, ci=ci)
        rows.append(FrequencyRow(value, labels.choice(question, value), result))
    return rows


@dataclass
class NumericSummary:
    mean: Estimate
    minimum: float
    median: float
    maximum: float


def numeric_summary(
    *, frame: Frame, question: str, wave: int | None = None, country: str = ""
) -> NumericSummary | None:
    y = frame.numbers(question)
    domain = _filtered_domain(frame, wave, country) & ~np.isnan(y)
    if not domain.any():
        return None
    values = y[domain]
    weights = frame.weight[domain]
    order = np.argsort(values)
    cumulative = np.cumsum(weights[order])
    median = float(values[order][np.searchsorted(cumulative, cumulative[-1] / 2)])
    return NumericSummary(
        mean=estimation.mean(y, design=frame.design, domain=domain),
        minimum=float(values.min()),
        median=median,
        maximum=float(values.max()),
    )


@dataclass
class CrossTab:
    row_values: list[tuple[str, str]]
    column_values: list[tuple[str, str]]
    cells: dict[tuple[str, str], Estimate]  # share of the row answer within the column


def cross_tabulation(
    *,
    frame: Frame,
    row_question: str,
    column_question: str,
    labels: Any,
    wave: int | None = None,
    country: str = "",
) -> CrossTab:
    """Column percentages: within each answer of the column question, the weighted share of
    each answer of the row question, with its interval."""
    rows_column = frame.column(row_question)
    columns_column = frame.column(column_question)
    domain = _filtered_domain(frame, wave, country)
    row_values = sorted({v for v in rows_column if v})
    column_values = sorted({v for v in columns_column if v})
    codes = np.array(
        [column_values.index(v) if v in column_values else -1 for v in columns_column],
        dtype=np.int64,
    )
    codes = np.where(domain & (rows_column != ""), codes, -1)
    cells: dict[tuple[str, str], Estimate] = {}
    for row_value in row_values:
        y = np.where(rows_column == "", np.nan, (rows_column == row_value).astype(float))
        results = estimation.grouped_means(
            y,
            design=frame.design,
            groups=codes,
            group_count=len(column_values),
            ci=frame.project.interval,
        )
        for column_value, result in zip(column_values, results, strict=True):
            cells[(row_value, column_value)] = result
    return CrossTab(
        row_values=[(v, labels.choice(row_question, v)) for v in row_values],
        column_values=[(v, labels.choice(column_question, v)) for v in column_values],
        cells=cells,
    )


# Weights


def weight_summaries(*, frame: Frame) -> list[tuple[str, WeightSummary, WeightSummary]]:
    """Per country (and overall): the design weights' and the adjusted weights' summary."""
    result = [("", weight_summary(frame.design_weight), weight_summary(frame.weight))]
    for country in sorted(set(frame.country) - {""}):
        rows = frame.country == country
        result.append(
            (country, weight_summary(frame.design_weight[rows]), weight_summary(frame.weight[rows]))
        )
    return result


# Microdata


def microdata_rows(*, frame: Frame, labels: Labels) -> list[list[Any]]:
    """One row per response: the design columns R's svydesign or Stata's svyset need
    (weight, strata, psu, fpc), then every question (select_multiple as 0/1 columns too)."""
    design = frame.design
    questions = list(labels.questions) or sorted({k for a in frame.answers for k in a})
    multiple = {
        name: list(labels.choices.get(name, {}))
        for name in questions
        if labels.types.get(name) == "select_multiple"
    }
    header = ["uuid", "wave", "country", "design_weight", "weight", "strata", "psu"]
    if design.fpc:
        header.append("fpc")
    for name in questions:
        header.append(name)
        header += [f"{name}.{choice}" for choice in multiple.get(name, [])]
    rows: list[list[Any]] = [header]
    psu = design.psu_codes
    for index, answers in enumerate(frame.answers):
        row: list[Any] = [
            frame.uuids[index],
            frame.waves[frame.wave_index[index]].name,
            frame.country[index],
            float(frame.design_weight[index]),
            float(frame.weight[index]),
            int(design.strata_codes[index]) + 1,
            int(psu[index]) + 1,
        ]
        if design.fpc:
            row.append(float(design.fpc[0][index]))
        for name in questions:
            value = answers.get(name)
            row.append(" ".join(map(str, value)) if isinstance(value, list) else value)
            for choice in multiple.get(name, []):
                row.append("" if value is None else int(choice in (value or [])))
        rows.append(row)
    return rows


def indicator_export_rows(*, tables: list[IndicatorTable]) -> list[list[Any]]:
    rows: list[list[Any]] = [
        [
            "indicator",
            "country",
            "wave",
            "estimate",
            "std_error",
            "ci_low",
            "ci_high",
            "deff",
            "n",
            "weighted_n",
            "note",
        ]
    ]
    for table in tables:
        for row in [
            *[ResultRow(("", r.groups[0]), r.estimate) for r in table.overall],
            *table.rows,
        ]:
            e = row.estimate
            suppressed = e.suppressed
            rows.append(
                [
                    table.indicator.slug,
                    row.groups[0],
                    row.groups[1],
                    None if suppressed else _round(e.estimate),
                    None if suppressed else _round(e.std_error),
                    None if suppressed else _round(e.ci_low),
                    None if suppressed else _round(e.ci_high),
                    None if suppressed else _round(e.deff),
                    e.n,
                    _round(e.weighted_n),
                    ",".join(e.warnings),
                ]
            )
    return rows


def _round(value: float) -> float | None:
    return None if value is None or not math.isfinite(value) else round(value, 6)


# The public diagnosis


@dataclass
class PublicFinding:
    finding: Finding
    rows: list[ResultRow]


def indicators_for_campaign(*, campaign: Campaign) -> QuerySet[Indicator]:
    """Indicators of the survey projects that cover the campaign's country."""
    return (
        Indicator.objects.filter(project__countries=campaign.country)
        .select_related("project")
        .order_by("project__name", "order", "pk")
    )


def campaign_get(*, slug: str) -> Campaign:
    return Campaign.objects.get(slug=slug)


def diagnosis_findings(*, campaign: Campaign) -> list[tuple[SurveyProject, list[PublicFinding]]]:
    """The findings the campaign's manager chose, grouped by project, each with its
    estimates by wave (for the finding's country, or every country)."""
    findings = list(
        Finding.objects.filter(campaign=campaign)
        .select_related("indicator__project")
        .order_by("order", "pk")
    )
    frames: dict[int, Frame] = {}
    grouped: dict[int, tuple[SurveyProject, list[PublicFinding]]] = {}
    for finding in findings:
        project = finding.indicator.project
        if project.pk not in frames:
            frames[project.pk] = frame_load(project=project)
        frame = frames[project.pk]
        y = frame.indicator_values(finding.indicator)
        domain = frame.country == finding.country if finding.country else None
        rows = estimates_by(
            frame=frame, y=y, by=["wave"], ci=_ci(project, finding.indicator), domain=domain
        )
        grouped.setdefault(project.pk, (project, []))[1].append(PublicFinding(finding, rows))
    return list(grouped.values())
