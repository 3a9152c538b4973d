"""Server-rendered SVG charts of estimates with their confidence intervals.

One row per estimate: a bar to the point estimate and a whisker across the interval. The
chart is an image with a text alternative; the same figures are always printed in a table
next to it, so nothing depends on seeing the picture. The axis runs left to right in every
language, as printed statistics do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

ROW_HEIGHT = 22
LABEL_WIDTH = 130
PLOT_WIDTH = 220
VALUE_WIDTH = 50


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    low: float
    high: float
    muted: bool = False  # a small sample: drawn lighter


def interval_chart(*, title: str, bars: list[Bar], percent: bool = True) -> SafeString:
    shown = [bar for bar in bars if math.isfinite(bar.value)]
    if not shown:
        return mark_safe("")  # noqa: S308 - a constant empty string
    if percent:
        top = 1.0
    else:
        top = max(max(b.high if math.isfinite(b.high) else b.value for b in shown), 1e-9)
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    height = ROW_HEIGHT * len(shown) + 8

    def x(value: float) -> float:
        value = min(max(value, 0.0), top)
        return LABEL_WIDTH + PLOT_WIDTH * value / top

    parts = []
    for index, bar in enumerate(shown):
        y = 4 + index * ROW_HEIGHT
        middle = y + ROW_HEIGHT / 2
        low = bar.low if math.isfinite(bar.low) else bar.value
        high = bar.high if math.isfinite(bar.high) else bar.value
        text = f"{bar.value * 100:.0f}%" if percent else f"{bar.value:.3g}"
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>'
                # Presentation attributes, not a <style>: the site's Content Security
                # Policy refuses inline styles, and the whiskers would vanish with them.
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
                '<g stroke="#1a202c" stroke-width="1.5">'
                '<line x1="{}" x2="{}" y1="{}" y2="{}"/>'
                '<line x1="{}" x2="{}" y1="{}" y2="{}"/>'
                '<line x1="{}" x2="{}" y1="{}" y2="{}"/></g>'
                '<text x="{}" y="{}" dominant-baseline="middle">{}</text>',
                LABEL_WIDTH - 6,
                middle,
                bar.label[:22],
                LABEL_WIDTH,
                y + 5,
                f"{x(bar.value) - LABEL_WIDTH:.1f}",
                ROW_HEIGHT - 10,
                "#cbd5e0" if bar.muted else "#7fb3e0",
                f"{x(low):.1f}",
                f"{x(high):.1f}",
                middle,
                middle,
                f"{x(low):.1f}",
                f"{x(low):.1f}",
                middle - 5,
                middle + 5,
                f"{x(high):.1f}",
                f"{x(high):.1f}",
                middle - 5,
                middle + 5,
                LABEL_WIDTH + PLOT_WIDTH + 6,
                middle,
                text,
            )
        )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg" font-size="11" fill="#1a202c">{}</svg>',
        width,
        height,
        title,
        mark_safe("".join(escape(p) if not isinstance(p, SafeString) else p for p in parts)),  # noqa: S308 - each part is built by format_html
    )
