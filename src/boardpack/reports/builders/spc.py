"""SPC in a report (docs/spc.md): the variation and assurance icons beside each status, each
indicator's SPC chart when the report asks for them, and the special causes counted."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from decimal import Decimal

from boardpack.core.spc import PointType, Variation, as_decimal
from boardpack.reports.document import Cell, Chart, Line, Mark, Table
from boardpack.scorecard.selectors import StatusRow
from boardpack.scorecard.spc.charts import spc_chart_view
from boardpack.scorecard.spc.presenters import LIMIT_FIELDS, Icon, spc_icons
from boardpack.scorecard.spc.selectors import IndicatorSpc, SpcSummary

REPORT_SIZE = ((640, 340),)
LINE_NAMES = ("Mean", "Upper process limit", "Lower process limit")
"""The lines a spreadsheet's own chart draws beside the values (LIMIT_FIELDS' first three)."""
COUNTED = (
    ("Improvement", PointType.IMPROVEMENT),
    ("Concern", PointType.CONCERN),
    ("No polarity", PointType.NEUTRAL),
    ("Common cause", PointType.COMMON_CAUSE),
)
KIND_OF = {
    Variation.IMPROVEMENT_HIGH: PointType.IMPROVEMENT,
    Variation.IMPROVEMENT_LOW: PointType.IMPROVEMENT,
    Variation.CONCERN_HIGH: PointType.CONCERN,
    Variation.CONCERN_LOW: PointType.CONCERN,
    Variation.NEUTRAL_HIGH: PointType.NEUTRAL,
    Variation.NEUTRAL_LOW: PointType.NEUTRAL,
    Variation.COMMON_CAUSE: PointType.COMMON_CAUSE,
}


def _mark(icon: Icon) -> Mark:
    return Mark(f"spc-{icon.tone}", icon.glyph, icon.text)


def spc_signals(summary: SpcSummary) -> tuple[tuple[str, Mark], ...]:
    variation, assurance = spc_icons(summary)
    return (("Variation", _mark(variation)), ("Assurance", _mark(assurance)))


def _lines(chart: IndicatorSpc) -> tuple[Line, ...]:
    """The values, the mean and the process limits, a value per point."""
    limits, count = chart.analysis.limits, len(chart.values)
    return (
        Line("Value", tuple(chart.values)),
        *(
            Line(name, (as_decimal(getattr(limits, attribute)),) * count)
            for name, (_, attribute) in zip(LINE_NAMES, LIMIT_FIELDS, strict=False)
        ),
    )


def spc_chart(chart: IndicatorSpc) -> Chart | None:
    """The chart and its points as a table (the limits in the caption), with its lines for a
    spreadsheet's own chart; none without limits."""
    view = spc_chart_view(chart, REPORT_SIZE)
    if not view.svgs:
        return None
    limits = "; ".join(f"{label.lower()} {text}" for label, text in view.limits)
    data = Table(
        caption=f"Chart data: {view.caption} (baseline: {view.baseline.lower()}; {limits})",
        header=view.headings,
        rows=tuple(tuple(Cell(text) for text in row) for row in view.rows),
        row_headers=True,
        widths=(16, 16, 28, 40),
    )
    return Chart(
        title=view.caption,
        svg=view.svgs[0],
        data=data,
        labels=tuple(row[0] for row in view.rows),
        lines=_lines(chart),
        decimals=chart.indicator.decimals,
    )


def special_causes(rows: list[StatusRow], summaries: Mapping[int, SpcSummary]) -> Table:
    """Per director, how many indicators' last point is special cause, of which kind."""
    counts: dict[str, Counter[PointType | None]] = defaultdict(Counter)
    for row in rows:
        kind = KIND_OF.get(summaries[row.indicator.pk].variation)
        counts[row.indicator.directorate.name][kind] += 1

    def number(value: int) -> Cell:
        return Cell(str(value), Decimal(value))

    return Table(
        caption="Special cause variation (SPC) by director: the type of each indicator's last "
        "point",
        header=(
            "Director",
            "Special cause",
            *(label for label, _ in COUNTED),
            "Under 12 points",
        ),
        rows=tuple(
            (
                Cell(director),
                number(sum(by_kind[kind] for _, kind in COUNTED[:3])),
                *(number(by_kind[kind]) for _, kind in COUNTED),
                number(by_kind[None]),
            )
            for director, by_kind in sorted(counts.items())
        ),
        row_headers=True,
    )
