"""How comparisons are written and drawn: one set of rules for the indicator page's panel, the
committee appendix and `boardpack benchmark`.

Published figures are shown to the measure's published decimal places (the dictionary's dps),
or, where it gives none, to the most places any of the measure's figures has; a neighbours'
mean gets at least one decimal place. A marker is shown as published; nothing published is
blank.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from boardpack.benchmarks.models import Area, Measure
from boardpack.benchmarks.selectors import Comparison, Figure, YearFigures
from boardpack.core.status import Polarity
from boardpack.core.units import Unit, format_value
from boardpack.lib.charts import Dash, Marker, Series, line_chart

MAX_DECIMALS = 6
ATTRIBUTION = (
    "Published figures: Department for Education, Local Authority Interactive Tool (LAIT), "
    "under the Open Government Licence v3.0."
)
POLARITY_TEXT = {
    Polarity.BIGGER: "Bigger is better",
    Polarity.SMALLER: "Smaller is better",
    Polarity.NONE: "None: no rank or quartile",
}


def decimals_of(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def shown_decimals(measure: Measure, years: list[YearFigures]) -> int:
    if measure.decimals is not None:
        return measure.decimals
    found = (decimals_of(f.value) for y in years for f in y.figures.values() if f.value is not None)
    return min(max(found, default=0), MAX_DECIMALS)


def is_percent(measure: Measure) -> bool:
    return measure.unit.strip().startswith("%")


def number_text(value: Decimal | None, decimals: int) -> str:
    return format_value(value, Unit.NONE, decimals) if value is not None else ""


def figure_text(figure: Figure, decimals: int) -> str:
    return number_text(figure.value, decimals) if figure.value is not None else figure.marker


@dataclass(frozen=True)
class ComparisonText:
    year: str
    value: str
    england: str
    region: str
    neighbours: str
    counted: str
    """'9 of 10': how many neighbours had a figure."""
    rank: str
    """'12 of 150', or blank without polarity or figure."""
    band: str


def comparison_text(comparison: Comparison, decimals: int) -> ComparisonText:
    mean = comparison.neighbours
    rank = comparison.standing.rank
    band = comparison.standing.band
    return ComparisonText(
        year=comparison.year,
        value=figure_text(comparison.authority, decimals),
        england=figure_text(comparison.england, decimals),
        region=figure_text(comparison.region, decimals),
        neighbours=number_text(mean.mean, max(decimals, 1)),
        counted=f"{mean.counted} of {mean.of}" if mean.of else "",
        rank=f"{rank} of {comparison.standing.ranked_of}" if rank is not None else "",
        band=band.value if band is not None else "",
    )


def _floats(values: list[Decimal | None]) -> list[float | None]:
    return [float(v) if v is not None else None for v in values]


def comparison_chart(
    comparisons: list[Comparison],
    *,
    title: str,
    authority: Area,
    region: Area | None,
    decimals: int,
    percent: bool,
    chart_id: str,
    width: int = 640,
    height: int = 320,
) -> str:
    """The authority against England, its region and its neighbours' mean, oldest year first;
    each line differs by style and marker as well as colour."""
    lines = [
        (authority.name, [c.authority.value for c in comparisons], Dash.SOLID, Marker.CIRCLE),
        ("England", [c.england.value for c in comparisons], Dash.DASHED, Marker.SQUARE),
        (
            region.name if region else "Region",
            [c.region.value for c in comparisons],
            Dash.DOTTED,
            Marker.TRIANGLE,
        ),
        ("Neighbours' mean", [c.neighbours.mean for c in comparisons], Dash.DASHED, Marker.DIAMOND),
    ]
    colours = ("#1d70b8", "#0b0c0c", "#505a5f", "#d53880")
    series = [
        Series(
            name,
            _floats(values),
            dash=dash,
            marker=marker,
            colour=colour,
            filled=index == 0,
            labels=[number_text(v, decimals if index < 3 else max(decimals, 1)) for v in values],
        )
        for index, ((name, values, dash, marker), colour) in enumerate(
            zip(lines, colours, strict=True)
        )
    ]
    return line_chart(
        series,
        x_labels=[c.year for c in comparisons],
        title=title,
        unit_suffix="%" if percent else "",
        description="The figures follow as a table.",
        chart_id=chart_id,
        width=width,
        height=height,
    )
