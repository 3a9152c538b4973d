"""Weight adjustment to population totals: post-stratification and raking (iterative
proportional fitting), and the summary a method note reports.

Both work within each country separately (the totals are entered per country). A cell of
the sample with respondents but no population total, or a population cell without
respondents, cannot be adjusted: the functions say which, rather than inventing weights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _

from rumbo.research.estimation import weighting_effect


class WeightingError(ValueError):
    pass


def post_stratify(weights: np.ndarray, cells: np.ndarray, totals: dict[str, float]) -> np.ndarray:
    """Weights scaled so that each cell's weights add up to its population total."""
    adjusted = np.asarray(weights, dtype=float).copy()
    cells = np.asarray(cells, dtype=object)
    for cell in np.unique(cells):
        if cell not in totals:
            raise WeightingError(_("no population total for %(cell)s") % {"cell": cell})
    for cell, total in totals.items():
        rows = cells == cell
        current = adjusted[rows].sum()
        if current <= 0:
            if total > 0:
                raise WeightingError(_("no respondent in %(cell)s") % {"cell": cell})
            continue
        adjusted[rows] *= total / current
    return adjusted


def rake(
    weights: np.ndarray,
    margins: dict[str, tuple[np.ndarray, dict[str, float]]],
    *,
    tolerance: float = 1e-7,
    max_iterations: int = 200,
) -> np.ndarray:
    """Iterative proportional fitting: each margin (a variable's values per row and the
    population total of each value) is matched in turn until all agree within tolerance."""
    adjusted = np.asarray(weights, dtype=float).copy()
    if not margins:
        return adjusted
    sums = {sum(totals.values()) for _values, totals in margins.values()}
    if max(sums) - min(sums) > 1e-6 * max(sums):
        raise WeightingError(_("the margins add up to different population totals"))
    for _iteration in range(max_iterations):
        for variable, (values, totals) in margins.items():
            values = np.asarray(values, dtype=object)
            for value in np.unique(values):
                if value not in totals:
                    raise WeightingError(
                        _("no population total for %(cell)s") % {"cell": f"{variable}={value}"}
                    )
            for value, total in totals.items():
                rows = values == value
                current = adjusted[rows].sum()
                if current <= 0:
                    raise WeightingError(
                        _("no respondent in %(cell)s") % {"cell": f"{variable}={value}"}
                    )
                adjusted[rows] *= total / current
        worst = 0.0
        for values, totals in margins.values():
            values = np.asarray(values, dtype=object)
            for value, total in totals.items():
                worst = max(worst, abs(adjusted[values == value].sum() - total) / max(total, 1))
        if worst < tolerance:
            return adjusted
    raise WeightingError(_("raking did not converge"))


@dataclass(frozen=True)
class WeightSummary:
    n: int
    total: float
    minimum: float
    maximum: float
    ratio: float  # largest / smallest
    deff: float  # 1 + CV² (Kish)
    effective_n: float


def weight_summary(weights: np.ndarray) -> WeightSummary:
    weights = np.asarray(weights, dtype=float)
    if len(weights) == 0:
        return WeightSummary(0, 0.0, math.nan, math.nan, math.nan, math.nan, 0.0)
    deff = weighting_effect(weights)
    smallest = float(weights.min())
    return WeightSummary(
        n=len(weights),
        total=float(weights.sum()),
        minimum=smallest,
        maximum=float(weights.max()),
        ratio=float(weights.max() / smallest) if smallest > 0 else math.inf,
        deff=deff,
        effective_n=len(weights) / deff,
    )
