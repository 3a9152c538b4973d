"""Geometry of the dashboard's SVG charts, in whole units (integers, so a template never
meets a localised decimal comma). Each chart is drawn next to a table of the same figures."""

from collections.abc import Sequence

BAR_ROW = 30  # a label line, then the bar and its count
BAR_WIDTH = 260  # the longest bar, of a 320-unit wide chart
LINE_WIDTH = 320
LINE_HEIGHT = 120


def bar_chart(rows: Sequence[tuple[str, int | None]]) -> dict:
    """Labelled horizontal bars; a suppressed count (None) draws a stub."""
    largest = max((count or 0 for _label, count in rows), default=0) or 1
    bars = []
    for index, (label, count) in enumerate(rows):
        top = index * BAR_ROW
        width = max(2, round(BAR_WIDTH * (count or 0) / largest))
        bars.append(
            {
                "label": label,
                "count": count,
                "label_y": top + 12,
                "bar_y": top + 16,
                "width": width,
                "count_x": width + 4,
                "count_y": top + 25,
            }
        )
    return {"height": max(len(rows), 1) * BAR_ROW, "bars": bars}


def line_chart(series: Sequence[Sequence[int | None]]) -> dict:
    """One polyline per series over the same periods (suppressed values drawn as 0)."""
    length = max((len(values) for values in series), default=0)
    largest = max((value or 0 for values in series for value in values), default=0) or 1
    step = LINE_WIDTH / max(length - 1, 1)
    lines = []
    for values in series:
        points = " ".join(
            f"{round(index * step)},{LINE_HEIGHT - round(LINE_HEIGHT * (value or 0) / largest)}"
            for index, value in enumerate(values)
        )
        lines.append(points)
    return {"width": LINE_WIDTH, "height": LINE_HEIGHT, "lines": lines, "largest": largest}
