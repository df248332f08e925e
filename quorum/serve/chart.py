"""Inline SVG line charts for indicator time series: no JavaScript, no external assets.

The chart is built as markup text with every label escaped; it carries a <title> and <desc> for
screen readers, and the page shows the same figures in a table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH = 640
HEIGHT = 280
MARGIN_LEFT = 56
MARGIN_RIGHT = 16
MARGIN_TOP = 16
MARGIN_BOTTOM = 48


@dataclass(slots=True)
class Point:
    """One plotted figure: its x label (a period) and value."""

    label: str
    value: float


@dataclass(slots=True)
class Reference:
    """A horizontal reference line: a target or a comparator such as "England"."""

    label: str
    value: float
    kind: str = "comparator"  # target | comparator


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Return about ``count`` round tick values covering low..high."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1.0
    while magnitude > raw and magnitude > 1e-9:
        magnitude /= 10
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = (low // step) * step
    ticks = []
    value = start
    while value <= high + step / 2:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _number(value: float) -> str:
    """Format a figure without a trailing .0."""
    return f"{value:g}"


def line_chart(title: str, points: list[Point], references: list[Reference] | None = None, unit: str = "") -> str:
    """Return an accessible SVG line chart of ``points`` with dashed reference lines.

    Returns an empty string when there is nothing to plot.
    """
    references = references or []
    if not points and not references:
        return ""
    values = [p.value for p in points] + [r.value for r in references]
    low = min(0.0, min(values))
    ticks = _ticks(low, max(values))
    low, high = ticks[0], ticks[-1]
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def y(value: float) -> float:
        return MARGIN_TOP + plot_h - (value - low) / (high - low) * plot_h

    inset = 16  # keep the first and last dots off the axis and the edge

    def x(index: int) -> float:
        if len(points) <= 1:
            return MARGIN_LEFT + plot_w / 2
        return MARGIN_LEFT + inset + index * (plot_w - 2 * inset) / (len(points) - 1)

    def anchor(index: int) -> str:
        if len(points) > 1 and index == 0:
            return "start"
        if len(points) > 1 and index == len(points) - 1:
            return "end"
        return "middle"

    suffix = escape(unit)
    summary = "; ".join(f"{p.label}: {_number(p.value)}{unit}" for p in points)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="chart-title chart-desc" class="chart">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(summary)}</desc>',
    ]
    for tick in ticks:
        ty = y(tick)
        parts.append(
            f'<line class="grid" x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}"/>'
            f'<text class="axis" x="{MARGIN_LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">'
            f"{_number(tick)}{suffix}</text>"
        )
    for ref in references:
        ry = y(ref.value)
        parts.append(
            f'<line class="ref {escape(ref.kind)}" x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" '
            f'y1="{ry:.1f}" y2="{ry:.1f}"/>'
            f'<text class="ref-label" x="{WIDTH - MARGIN_RIGHT - 2}" y="{ry - 4:.1f}" text-anchor="end">'
            f"{escape(ref.label)} {_number(ref.value)}{suffix}</text>"
        )
    if len(points) > 1:
        path = " ".join(f"{x(i):.1f},{y(p.value):.1f}" for i, p in enumerate(points))
        parts.append(f'<polyline class="series" points="{path}"/>')
    for i, point in enumerate(points):
        px, py = x(i), y(point.value)
        parts.append(
            f'<circle class="dot" cx="{px:.1f}" cy="{py:.1f}" r="4"><title>{escape(point.label)}: '
            f"{_number(point.value)}{suffix}</title></circle>"
            f'<text class="axis" x="{px:.1f}" y="{HEIGHT - MARGIN_BOTTOM + 18}" text-anchor="{anchor(i)}">'
            f"{escape(point.label[:14])}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
