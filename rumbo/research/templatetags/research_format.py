"""Figures as the research pages print them: percentages with one decimal, other numbers
with three significant digits, nothing for a value that is not a number."""

import math

from django import template
from django.utils.formats import number_format

register = template.Library()


def _finite(value) -> bool:
    return isinstance(value, int | float) and math.isfinite(value)


@register.filter
def figure(value, percent: bool = True) -> str:
    if not _finite(value):
        return "–"
    if percent:
        return number_format(value * 100, 1) + "%"
    if abs(value) >= 100:
        return number_format(value, 0, force_grouping=True)
    return number_format(value, 2)


@register.filter
def interval(estimate, percent: bool = True) -> str:
    if not _finite(estimate.ci_low) or not _finite(estimate.ci_high):
        return "–"
    return f"{figure(estimate.ci_low, percent)} – {figure(estimate.ci_high, percent)}"


@register.filter
def decimal(value, places: int = 2) -> str:
    return number_format(value, places) if _finite(value) else "–"


@register.simple_tag
def cell(cells: dict, row: str, column: str):
    """The estimate of a cross-tabulation's cell (templates cannot index by a pair)."""
    return cells.get((row, column))
