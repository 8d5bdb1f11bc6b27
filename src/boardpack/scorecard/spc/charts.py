"""The SPC chart (docs/spc.md): the points coloured and shaped by type, the mean, the process
and near limits, drawn by the one chart module, with the same data as a table."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from fractions import Fraction

from boardpack.core.periods import Month
from boardpack.core.spc import PointType
from boardpack.core.units import Unit
from boardpack.lib.charts import Dash, Key, Mark, Marker, Series, line_chart
from boardpack.scorecard.spc.presenters import (
    POINT_TEXT,
    Icon,
    assurance_icon,
    baseline_text,
    limit_rows,
    rule_names,
    value_texts,
    variation_icon,
)
from boardpack.scorecard.spc.selectors import IndicatorSpc

SIZES = ((640, 340), (300, 340))
"""(width, height) of the chart as a page shows it: wide, then narrow (a phone)."""
POINT_MARKS = {
    PointType.COMMON_CAUSE: Mark(Marker.CIRCLE, "#505a5f"),
    PointType.IMPROVEMENT: Mark(Marker.TRIANGLE, "#1d70b8"),
    PointType.CONCERN: Mark(Marker.DIAMOND, "#c2560a"),
    PointType.NEUTRAL: Mark(Marker.SQUARE, "#4c2c92"),
}
"""Making Data Count's grey, blue, orange and purple (darkened to 4.5:1 on white), each with
its own shape."""
HEADINGS = ("Month", "Value", "Type", "Rules")


@dataclass(frozen=True)
class SpcChartView:
    caption: str
    variation: Icon
    assurance: Icon
    reason: str
    """Why there is no chart ("12 points are needed"); empty when there is one."""
    points: int
    baseline: str
    limits: list[tuple[str, str]]
    svgs: tuple[str, ...]
    """The chart at each of SIZES; none without limits."""
    rows: list[tuple[str, str, str, str]]
    """Month, value, type and rules of each point."""
    headings: tuple[str, ...] = HEADINGS


def _month(month: Month) -> str:
    return f"{calendar.month_abbr[month.month]} {month.year % 100:02d}"


def _svg(chart: IndicatorSpc, caption: str, size: tuple[int, int]) -> str:
    analysis, indicator = chart.analysis, chart.indicator
    limits = analysis.limits
    assert limits is not None
    count = len(chart.values)
    texts = value_texts(chart)

    def line(name: str, value: Fraction, dash: Dash, colour: str, legend: bool = True) -> Series:
        return Series(
            name,
            [float(value)] * count,
            dash=dash,
            marker=Marker.NONE,
            colour=colour,
            in_legend=legend,
        )

    series = [
        Series(
            "Actual",
            [float(v) for v in chart.values],
            colour="#505a5f",
            marks=[POINT_MARKS[p.type] for p in analysis.points],
            labels=[
                f"{text}, {POINT_TEXT[p.type].lower()}"
                + (f" ({', '.join(r.value for r in p.rules)})" if p.rules else "")
                for text, p in zip(texts, analysis.points, strict=True)
            ],
        ),
        line("Mean", limits.mean, Dash.SOLID, "#0b0c0c"),
        line("Process limits", limits.upper_process, Dash.DASHED, "#0b0c0c"),
        line("Lower process limit", limits.lower_process, Dash.DASHED, "#0b0c0c", False),
        line("Near limits", limits.upper_near, Dash.DOTTED, "#505a5f"),
        line("Lower near limit", limits.lower_near, Dash.DOTTED, "#505a5f", False),
    ]
    shown = {p.type for p in analysis.points}
    width, height = size
    return line_chart(
        series,
        x_labels=[_month(m) for m in chart.months],
        title=caption,
        unit_suffix="%" if indicator.unit_rule is Unit.PERCENT else "",
        description="Each point's type is shown by its shape and colour. The data follow as a "
        "table.",
        chart_id=f"spc-{indicator.pk}-{width}",
        width=width,
        height=height,
        keys=[Key(POINT_TEXT[t], m.marker, m.colour) for t, m in POINT_MARKS.items() if t in shown],
    )


def spc_chart_view(chart: IndicatorSpc, sizes: tuple[tuple[int, int], ...] = SIZES) -> SpcChartView:
    analysis, indicator = chart.analysis, chart.indicator
    caption = f"{indicator.code}: SPC chart of {len(chart.values)} points"
    texts = value_texts(chart)
    return SpcChartView(
        caption=caption,
        variation=variation_icon(analysis.variation, analysis.reason),
        assurance=assurance_icon(analysis.assurance, analysis.reason),
        reason=analysis.reason,
        points=len(chart.values),
        baseline=baseline_text(chart),
        limits=limit_rows(chart),
        svgs=tuple(_svg(chart, caption, size) for size in sizes) if analysis.limits else (),
        rows=[
            (_month(m), text, POINT_TEXT[p.type], rule_names(p.rules))
            for m, text, p in zip(chart.months, texts, analysis.points, strict=True)
        ],
    )
