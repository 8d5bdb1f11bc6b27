"""Line charts as self-contained, accessible SVG: the one chart module for web, PDF and Word.

Pure Python with no Django: a chart is built from plain values and returns a string. The same
input always gives the same bytes, so reports that embed a chart stay reproducible. Each series
differs by line style and marker shape as well as colour, so a chart reads in black and white;
the SVG carries role="img", a <title> and a <desc>, and every page that shows a chart should
also show its data as a table.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from html import escape
from itertools import pairwise


class Dash(StrEnum):
    SOLID = "solid"
    DASHED = "dashed"
    DOTTED = "dotted"


class Marker(StrEnum):
    CIRCLE = "circle"
    SQUARE = "square"
    TRIANGLE = "triangle"
    DIAMOND = "diamond"
    BAR = "bar"
    """A short level bar, the usual mark of a target."""
    NONE = "none"


class ChartError(ValueError):
    """Input a chart cannot be drawn from, e.g. a series longer than its labels."""


COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-z]+)$")
DASH_ARRAYS = {Dash.SOLID: "", Dash.DASHED: "8 5", Dash.DOTTED: "2 4"}

FONT = "arial, sans-serif"
TEXT_COLOUR = "#0b0c0c"
GRID_COLOUR = "#b1b4b6"
TICK_SIZE = 12
TITLE_SIZE = 15
TITLE_LINE = 20
CHAR_WIDTH = 0.58
"""Average glyph width as a share of the font size, to lay text out without measuring it."""
MARKER_SIZE = 4.5
LEGEND_SAMPLE = 30
LEGEND_ROW = 20


@dataclass(frozen=True)
class Mark:
    """How one point is drawn when it differs from the rest of its series."""

    marker: Marker
    colour: str

    def __post_init__(self) -> None:
        _check_colour(self.colour)


@dataclass(frozen=True)
class Key:
    """A legend entry for a kind of mark (a marker without a line), e.g. a point type."""

    name: str
    marker: Marker
    colour: str

    def __post_init__(self) -> None:
        _check_colour(self.colour)


def _check_colour(colour: str) -> None:
    if not COLOUR.match(colour):
        raise ChartError(f"{colour!r} is not a colour: write #1d70b8 or a name")


@dataclass(frozen=True)
class Series:
    """One line: a value (or None, which breaks the line) per x label."""

    name: str
    values: Sequence[float | None]
    dash: Dash = Dash.SOLID
    marker: Marker = Marker.CIRCLE
    colour: str = "#1d70b8"
    filled: bool = True
    """Hollow markers (False) tell a second series apart even when printed in grey."""
    stepped: bool = False
    """Hold each value until the next point, as a target does, instead of a straight line."""
    labels: Sequence[str] | None = None
    """How each value is written in its tooltip; by default the number as given."""
    marks: Sequence[Mark | None] | None = None
    """Each point's own marker and colour where it has one (None: the series')."""
    in_legend: bool = True
    """False for a line the legend already names (the lower of two limits)."""

    def __post_init__(self) -> None:
        _check_colour(self.colour)


@dataclass(frozen=True)
class Scale:
    """Maps values to the vertical pixel range of the plot, with its 'nice' tick values."""

    ticks: tuple[float, ...]
    decimals: int
    suffix: str
    top: float
    bottom: float

    def y(self, value: float) -> float:
        low, high = self.ticks[0], self.ticks[-1]
        return self.bottom - (value - low) / (high - low) * (self.bottom - self.top)

    def label(self, value: float) -> str:
        """A tick's text: '37.5%'; never '-0'."""
        text = f"{value:,.{self.decimals}f}"
        return f"{'0' if text.strip('-0.,') == '' else text}{self.suffix}"


def nice_ticks(low: float, high: float, count: int = 5) -> tuple[tuple[float, ...], int]:
    """Round tick values (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering low to high; and decimals."""
    if high < low:
        low, high = high, low
    if high - low <= max(abs(low), abs(high)) * 1e-9 or high - low < 1e-250:
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(count, 1)
    exponent = math.floor(math.log10(raw))
    magnitude = 10.0**exponent
    multiple = next(m for m in (1.0, 2.0, 2.5, 5.0, 10.0) if m * magnitude >= raw * (1 - 1e-9))
    if multiple == 10.0:
        multiple, exponent = 1.0, exponent + 1
    step = multiple * 10.0**exponent
    decimals = max(0, -exponent + (1 if multiple == 2.5 else 0))
    first = math.floor(low / step + 1e-9)
    last = math.ceil(high / step - 1e-9)
    ticks = tuple(round(i * step, decimals + 6) for i in range(first, last + 1))
    return ticks, decimals


def _n(number: float) -> str:
    """A coordinate, written the same way every time."""
    text = f"{number:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


def _wrap(text: str, width: float, size: float) -> list[str]:
    """Break a text into lines of whole words that fit the width (a longer word keeps a line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and _text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _number(value: float) -> str:
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _marker(kind: Marker, x: float, y: float, colour: str, filled: bool) -> str:
    r = MARKER_SIZE
    paint = f'fill="{colour if filled else "#ffffff"}" stroke="{colour}" stroke-width="1.5"'
    if kind is Marker.CIRCLE:
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" {paint}/>'
    if kind is Marker.SQUARE:
        side = r * 1.7
        return (
            f'<rect x="{_n(x - side / 2)}" y="{_n(y - side / 2)}" width="{_n(side)}" '
            f'height="{_n(side)}" {paint}/>'
        )
    if kind is Marker.BAR:
        return (
            f'<rect x="{_n(x - r * 1.8)}" y="{_n(y - 2)}" width="{_n(r * 3.6)}" height="4" '
            f'fill="{colour}"/>'
        )
    points: list[tuple[float, float]]
    if kind is Marker.TRIANGLE:
        points = [(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]
    elif kind is Marker.DIAMOND:
        points = [(x, y - r * 1.3), (x + r * 1.1, y), (x, y + r * 1.3), (x - r * 1.1, y)]
    else:
        return ""
    return f'<path d="M{" L".join(f"{_n(px)} {_n(py)}" for px, py in points)} Z" {paint}/>'


def _stroke(series: Series) -> str:
    dash = DASH_ARRAYS[series.dash]
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    cap = "round" if series.dash is Dash.DOTTED else "butt"
    return (
        f'fill="none" stroke="{series.colour}" stroke-width="2.5" stroke-linecap="{cap}" '
        f'stroke-linejoin="round"{dashes}'
    )


def _runs(values: Sequence[float | None]) -> list[list[int]]:
    """Indexes of consecutive present values: a None ends a run, so the line breaks there."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, value in enumerate(values):
        if value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(index)
    if current:
        runs.append(current)
    return runs


def _series_svg(series: Series, xs: Sequence[float], scale: Scale, x_labels: Sequence[str]) -> str:
    parts = ['<g class="chart-series">']
    for run in _runs(series.values):
        if len(run) < 2:
            continue
        points = [(xs[i], scale.y(v)) for i in run if (v := series.values[i]) is not None]
        path = [f"M{_n(points[0][0])} {_n(points[0][1])}"]
        for (_, y0), (x1, y1) in pairwise(points):
            if series.stepped:
                path.append(f"L{_n(x1)} {_n(y0)}")
            path.append(f"L{_n(x1)} {_n(y1)}")
        parts.append(f'<path d="{" ".join(path)}" {_stroke(series)}/>')
    for index, value in enumerate(series.values):
        if value is None or series.marker is Marker.NONE:
            continue
        label = series.labels[index] if series.labels is not None else _number(value)
        tip = escape(f"{series.name}, {x_labels[index]}: {label}")
        mark = series.marks[index] if series.marks is not None else None
        marker, colour = (mark.marker, mark.colour) if mark else (series.marker, series.colour)
        shape = _marker(marker, xs[index], scale.y(value), colour, series.filled)
        parts.append(f"<g><title>{tip}</title>{shape}</g>")
    parts.append("</g>")
    return "\n".join(parts)


def _legend_layout(entries: Sequence[Series | Key], width: float) -> list[tuple[float, int]]:
    """(x offset, row) of each legend entry, wrapping to the chart's width."""
    places: list[tuple[float, int]] = []
    x, row = 0.0, 0
    for item in entries:
        entry = LEGEND_SAMPLE + 8 + _text_width(item.name, TICK_SIZE)
        if x > 0 and x + entry > width:
            x, row = 0.0, row + 1
        places.append((x, row))
        x += entry + 20
    return places


def _legend_svg(
    entries: Sequence[Series | Key], places: list[tuple[float, int]], left: float, top: float
) -> str:
    parts = ['<g class="chart-legend">']
    for item, (offset, row) in zip(entries, places, strict=True):
        x, y = left + offset, top + row * LEGEND_ROW
        filled = True
        if isinstance(item, Series):
            parts.append(
                f'<path d="M{_n(x)} {_n(y)} L{_n(x + LEGEND_SAMPLE)} {_n(y)}" {_stroke(item)}/>'
            )
            filled = item.filled
        parts.append(_marker(item.marker, x + LEGEND_SAMPLE / 2, y, item.colour, filled))
        parts.append(
            f'<text x="{_n(x + LEGEND_SAMPLE + 8)}" y="{_n(y + 4)}" font-size="{TICK_SIZE}" '
            f'fill="{TEXT_COLOUR}">{escape(item.name)}</text>'
        )
    parts.append("</g>")
    return "\n".join(parts)


def _x_label_every(labels: Sequence[str], slot: float) -> int:
    """Show every n-th x label so that labels never overlap."""
    widest = max((_text_width(label, TICK_SIZE) for label in labels), default=0.0)
    return max(1, math.ceil((widest + 6) / slot)) if slot > 0 else 1


def _describe(series: Sequence[Series], x_labels: Sequence[str], present: list[float]) -> str:
    names = "; ".join(s.name for s in series)
    span = f"{x_labels[0]} to {x_labels[-1]}" if x_labels else "no periods"
    if not present:
        return f"Line chart of {names}, {span}: no values."
    return (
        f"Line chart of {names}, {span}. Values range from {_number(min(present))} "
        f"to {_number(max(present))}."
    )


def _safe_id(text: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "-", text)
    return cleaned if cleaned[:1].isalpha() else f"chart-{cleaned}"


def _check(series: Sequence[Series], x_labels: Sequence[str]) -> None:
    for item in series:
        if len(item.values) != len(x_labels):
            raise ChartError(
                f"series {item.name!r} has {len(item.values)} values for {len(x_labels)} labels"
            )
        if item.labels is not None and len(item.labels) != len(item.values):
            raise ChartError(f"series {item.name!r} has {len(item.labels)} labels for its values")
        if item.marks is not None and len(item.marks) != len(item.values):
            raise ChartError(f"series {item.name!r} has {len(item.marks)} marks for its values")
        if any(v is not None and not math.isfinite(v) for v in item.values):
            raise ChartError(f"series {item.name!r} has a value that is not a finite number")


def _axes_svg(
    scale: Scale, xs: Sequence[float], x_labels: Sequence[str], box: tuple[float, float, float]
) -> str:
    """Gridlines with labelled y ticks, the x axis with its labels, and the two axis lines."""
    left, right, slot = box
    top, bottom = scale.top, scale.bottom
    parts = ['<g class="chart-grid">']
    for tick in scale.ticks:
        y = scale.y(tick)
        parts.append(
            f'<line x1="{_n(left)}" y1="{_n(y)}" x2="{_n(right)}" y2="{_n(y)}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{_n(left - 8)}" y="{_n(y + 4)}" font-size="{TICK_SIZE}" '
            f'text-anchor="end" fill="{TEXT_COLOUR}">{escape(scale.label(tick))}</text>'
        )
    every = _x_label_every(x_labels, slot)
    for index, (x, label) in enumerate(zip(xs, x_labels, strict=True)):
        parts.append(
            f'<line x1="{_n(x)}" y1="{_n(bottom)}" x2="{_n(x)}" y2="{_n(bottom + 5)}" '
            f'stroke="{TEXT_COLOUR}" stroke-width="1"/>'
        )
        if index % every == 0:
            parts.append(
                f'<text x="{_n(x)}" y="{_n(bottom + 19)}" font-size="{TICK_SIZE}" '
                f'text-anchor="middle" fill="{TEXT_COLOUR}">{escape(label)}</text>'
            )
    parts.append(
        f'<path d="M{_n(left)} {_n(top)} L{_n(left)} {_n(bottom)} L{_n(right)} {_n(bottom)}" '
        f'fill="none" stroke="{TEXT_COLOUR}" stroke-width="1"/>'
    )
    parts.append("</g>")
    return "\n".join(parts)


def line_chart(
    series: Sequence[Series],
    *,
    x_labels: Sequence[str],
    title: str,
    unit_suffix: str = "",
    description: str = "",
    chart_id: str = "chart",
    width: int = 640,
    height: int = 320,
    include_zero: bool = False,
    keys: Sequence[Key] = (),
) -> str:
    """An SVG line chart over categorical x labels, with gridlines, y ticks and a legend.

    `unit_suffix` follows each y tick ("%"); `description` goes into <desc> after a generated
    summary; `chart_id` prefixes the ids of <title> and <desc>, so give each chart on a page
    its own; `keys` add legend entries for the marks points carry. Raises ChartError for input
    it cannot draw.
    """
    _check(series, x_labels)
    ident = _safe_id(chart_id)
    present = [v for s in series for v in s.values if v is not None]
    low, high = (min(present), max(present)) if present else (0.0, 1.0)
    if include_zero:
        low, high = min(low, 0.0), max(high, 0.0)
    ticks, decimals = nice_ticks(low, high)

    title_lines = _wrap(title, width - 24, TITLE_SIZE)
    top = 14.0 + len(title_lines) * TITLE_LINE + (14 if title_lines else 0)
    tick_width = max(_text_width(f"{t:,.{decimals}f}{unit_suffix}", TICK_SIZE) for t in ticks)
    left, right = 20.0 + tick_width, width - 16.0
    entries: list[Series | Key] = [*(s for s in series if s.in_legend), *keys]
    places = _legend_layout(entries, right - left)
    legend_rows = max((row + 1 for _, row in places), default=0)
    bottom = height - 30.0 - legend_rows * LEGEND_ROW - (8 if legend_rows else 0)
    if bottom - top < 40:
        raise ChartError(f"a chart {height} px high has no room to plot; make it taller")
    scale = Scale(ticks=ticks, decimals=decimals, suffix=unit_suffix, top=top, bottom=bottom)
    slot = (right - left) / max(len(x_labels), 1)
    xs = [left + slot * (i + 0.5) for i in range(len(x_labels))]

    desc = _describe(series, x_labels, present)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="{FONT}">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(f"{desc} {description}".strip())}</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    parts.extend(
        f'<text x="12" y="{_n(10 + TITLE_SIZE + number * TITLE_LINE)}" '
        f'font-size="{TITLE_SIZE}" font-weight="bold" fill="{TEXT_COLOUR}">{escape(line)}</text>'
        for number, line in enumerate(title_lines)
    )
    parts.append(_axes_svg(scale, xs, x_labels, (left, right, slot)))
    if not present:
        parts.append(
            f'<text x="{_n((left + right) / 2)}" y="{_n((top + bottom) / 2)}" '
            f'font-size="{TICK_SIZE}" text-anchor="middle" fill="{TEXT_COLOUR}">No values</text>'
        )
    parts.extend(_series_svg(item, xs, scale, x_labels) for item in series)
    if entries:
        parts.append(_legend_svg(entries, places, left, bottom + 30 + LEGEND_ROW / 2))
    parts.append("</svg>")
    return "\n".join(parts)


SPARK_WIDTH = 80
SPARK_HEIGHT = 22


def sparkline(values: Sequence[float | None], label: str) -> str:
    """A word-sized trend line (80 × 22 px) of a few periods, the last point marked, for a table
    cell; `label` is read out instead ("CS052: 12 periods, 91.9 to 94.2"). None breaks the line;
    with fewer than two values there is no line, only the label for screen readers."""
    present = [v for v in values if v is not None]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="bp-spark" '
        f'width="{SPARK_WIDTH}" height="{SPARK_HEIGHT}" viewBox="0 0 {SPARK_WIDTH} {SPARK_HEIGHT}" '
        f'aria-label="{escape(label)}">'
    ]
    if len(present) >= 2:
        low, high = min(present), max(present)
        if low == high:
            low, high = low - 1, high + 1
        span = high - low
        step = (SPARK_WIDTH - 6) / max(len(values) - 1, 1)

        def point(i: int) -> tuple[float, float]:
            value = values[i]
            assert value is not None
            return 3 + i * step, SPARK_HEIGHT - 3 - (value - low) / span * (SPARK_HEIGHT - 6)

        for run in _runs(values):
            path = " L".join(f"{_n(x)} {_n(y)}" for x, y in map(point, run))
            parts.append(f'<path d="M{path}" fill="none" stroke="#1d70b8" stroke-width="1.5"/>')
        last = max(i for i, v in enumerate(values) if v is not None)
        x, y = point(last)
        parts.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="2.5" fill="#0b0c0c"/>')
    parts.append("</svg>")
    return "".join(parts)


CLASS_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Segment:
    """One part of a proportion bar: a count, its words and glyph, and the class that colours it."""

    key: str
    text: str
    glyph: str
    count: int

    def __post_init__(self) -> None:
        if not CLASS_NAME.match(self.key):
            raise ChartError(f"{self.key!r} is not a class name: write lower-case words and -")
        if self.count < 0:
            raise ChartError(f"{self.text}: a count cannot be negative ({self.count})")


LABEL_SHARE = 4.5
"""A part narrower than this share (%) of the bar carries no label inside it (the list beside
the bar gives every count)."""


def proportion_bar(segments: Sequence[Segment], label: str) -> str:
    """A full-width bar of parts in proportion to their counts, each with its glyph and count
    inside when it has room, coloured by the class `bp-status--KEY`; `label` is read out instead.
    Shape and text as well as colour: the glyph and the count say what each part is."""
    total = sum(s.count for s in segments)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="bp-bar" width="100%" '
        f'height="28" aria-label="{escape(label)}">'
    ]
    start = 0.0
    for segment in segments:
        if not segment.count:
            continue
        share = segment.count / total * 100
        parts.append(
            f'<rect class="bp-status--{segment.key}" x="{start:.3f}%" y="0" '
            f'width="{share:.3f}%" height="28"/>'
        )
        if share >= LABEL_SHARE:
            parts.append(
                f'<text x="{start + share / 2:.3f}%" y="19" text-anchor="middle" font-size="14" '
                f'font-weight="bold" font-family="{FONT}">'
                f"{escape(segment.glyph)} {segment.count}</text>"
            )
        start += share
    parts.append("</svg>")
    return "".join(parts)
