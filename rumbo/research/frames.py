"""A project's responses as columns (numpy arrays), and the design they were sampled with.

The responses are read once per page (one query, the answers' JSON decoded by the database
driver); every estimate then works on whole columns. Waves are independent samples: the
design's strata and PSUs include the wave, so a difference between waves gets no covariance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from rumbo.research.estimation import Design
from rumbo.research.models import Indicator, Response, SurveyProject, Wave

EXPOSED = "recall"
NOT_EXPOSED = "no recall"


def _float(value: Any) -> float:
    if value is None or isinstance(value, list | dict | bool):
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


@dataclass
class Frame:
    project: SurveyProject
    waves: list[Wave]
    wave_index: np.ndarray
    country: np.ndarray
    weight: np.ndarray
    design_weight: np.ndarray
    answers: list[dict[str, Any]]
    uuids: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.answers)

    def raw(self, name: str) -> list[Any]:
        return [answers.get(name) for answers in self.answers]

    def column(self, name: str) -> np.ndarray:
        """Values as text for grouping: country, wave, exposure or a question's answers
        (a select_multiple's choices joined by spaces); "" where unanswered."""
        if name == "country":
            return self.country
        if name == "wave":
            return np.array([self.waves[i].name for i in self.wave_index], dtype=object)
        if name == "exposure":
            return self.exposure()
        values = []
        for value in self.raw(name):
            if value is None:
                values.append("")
            elif isinstance(value, list):
                values.append(" ".join(str(v) for v in value))
            else:
                values.append(str(value))
        return np.array(values, dtype=object)

    def numbers(self, name: str) -> np.ndarray:
        return np.array([_float(value) for value in self.raw(name)])

    def exposure(self) -> np.ndarray:
        field_name = self.project.exposure_field
        if not field_name:
            return np.full(self.size, "", dtype=object)
        recall = {str(value) for value in self.project.exposure_values}
        result = []
        for value in self.raw(field_name):
            if value is None or value == "":
                result.append("")
            elif (set(map(str, value)) if isinstance(value, list) else {str(value)}) & recall:
                result.append(EXPOSED)
            else:
                result.append(NOT_EXPOSED)
        return np.array(result, dtype=object)

    @cached_property
    def design(self) -> Design:
        project = self.project
        kinds = SurveyProject.Design
        wave = self.wave_index.astype(str).astype(object)
        strata = wave
        if project.design != kinds.SIMPLE and project.strata_field:
            strata = wave + "|" + self.column(project.strata_field)
        clusters: tuple[np.ndarray, ...] = ()
        fpc: tuple[np.ndarray, ...] = ()
        if project.design in (kinds.CLUSTERED, kinds.TWO_STAGE) and project.cluster_field:
            clusters = (wave + "|" + self.column(project.cluster_field),)
            if project.design == kinds.TWO_STAGE and project.second_stage_field:
                clusters += (self.column(project.second_stage_field),)
        if project.fpc_field:
            first = self.numbers(project.fpc_field)
            if not np.isnan(first).any():
                fpc = (first,)
                if len(clusters) > 1 and project.second_stage_fpc_field:
                    second = self.numbers(project.second_stage_fpc_field)
                    if not np.isnan(second).any():
                        fpc += (second,)
        return Design(
            weights=self.weight,
            strata=np.unique(strata.astype(str), return_inverse=True)[1].ravel(),
            clusters=tuple(
                np.unique(c.astype(str), return_inverse=True)[1].ravel() for c in clusters
            ),
            fpc=fpc,
        )

    def indicator_values(self, indicator: Indicator) -> np.ndarray:
        """1/0 (proportion) or the number (mean) per row; NaN outside the denominator."""
        if indicator.kind == Indicator.Kind.MEAN:
            y = self.numbers(indicator.question)
        else:
            counted = {str(value) for value in indicator.counted_values}
            y = np.full(self.size, np.nan)
            for index, value in enumerate(self.raw(indicator.question)):
                if value is None or value == "" or value == []:
                    continue
                chosen = {str(v) for v in value} if isinstance(value, list) else {str(value)}
                y[index] = 1.0 if chosen & counted else 0.0
        if indicator.filter_question:
            allowed = {str(value) for value in indicator.filter_values}
            keep = np.array(
                [
                    bool(
                        ({str(v) for v in value} if isinstance(value, list) else {str(value)})
                        & allowed
                    )
                    if value is not None
                    else False
                    for value in self.raw(indicator.filter_question)
                ]
            )
            y = np.where(keep, y, np.nan)
        return y


def frame_load(*, project: SurveyProject) -> Frame:
    waves = list(project.waves.order_by("order", "pk"))
    position = {wave.pk: index for index, wave in enumerate(waves)}
    rows = list(
        Response.objects.filter(project=project)
        .order_by("pk")
        .values_list("wave_id", "country", "weight", "design_weight", "answers", "uuid")
    )
    return Frame(
        project=project,
        waves=waves,
        wave_index=np.array([position[row[0]] for row in rows], dtype=np.int64),
        country=np.array([row[1] for row in rows], dtype=object),
        weight=np.array([row[2] for row in rows], dtype=float),
        design_weight=np.array([row[3] for row in rows], dtype=float),
        answers=[row[4] for row in rows],
        uuids=[row[5] for row in rows],
    )
