"""The benchmark panel of an indicator's page: the authority's published figure beside England,
its region and its statistical neighbours, with rank and quartile, over the years (a table and
the same as a chart). Five queries, however many years."""

from __future__ import annotations

from dataclasses import dataclass

from boardpack.benchmarks.models import Area, IndicatorLink
from boardpack.benchmarks.presenters import (
    ATTRIBUTION,
    POLARITY_TEXT,
    ComparisonText,
    comparison_chart,
    comparison_text,
    is_percent,
    shown_decimals,
)
from boardpack.benchmarks.selectors import (
    Comparison,
    compare,
    geography,
    link_polarity,
    this_authority,
    year_figures,
)
from boardpack.core.status import Polarity
from boardpack.scorecard.models import Indicator

CHART_SIZES = ((640, 340), (300, 340))


@dataclass(frozen=True)
class BenchmarkSeries:
    """An indicator's comparisons over the published years, oldest first."""

    link: IndicatorLink
    authority: Area
    region: Area | None
    polarity: Polarity
    decimals: int
    comparisons: list[Comparison]


def series_for(links: list[IndicatorLink], authority: Area) -> dict[int, BenchmarkSeries]:
    """Each link's comparisons for the authority, by indicator key; three queries in all."""
    places = geography(authority)
    figures = year_figures({link.measure_id for link in links})  # type: ignore[attr-defined]
    region = places.areas.get(authority.region_id)  # type: ignore[attr-defined]
    found = {}
    for link in links:
        years = figures.get(link.measure_id, [])  # type: ignore[attr-defined]
        polarity = link_polarity(link)
        found[link.indicator_id] = BenchmarkSeries(  # type: ignore[attr-defined]
            link=link,
            authority=authority,
            region=region,
            polarity=polarity,
            decimals=shown_decimals(link.measure, years),
            comparisons=[
                compare(y, authority, places, polarity, banded=link.measure.banded) for y in years
            ],
        )
    return found


def polarity_text(link: IndicatorLink, polarity: Polarity) -> str:
    """Which way is better, and where that comes from."""
    text = POLARITY_TEXT[polarity]
    if link.polarity:
        return f"{text} (set on the link)"
    if link.measure.polarity_rule is Polarity.NONE and polarity is not Polarity.NONE:
        return f"{text} (the indicator's: the published measure gives none)"
    return text


def chart_svgs(
    series: BenchmarkSeries, chart_id: str, sizes: tuple[tuple[int, int], ...]
) -> list[str]:
    measure = series.link.measure
    return [
        comparison_chart(
            series.comparisons,
            title=f"{measure.code}: {series.authority.name} against England, region and "
            "statistical neighbours",
            authority=series.authority,
            region=series.region,
            decimals=series.decimals,
            percent=is_percent(measure),
            chart_id=f"{chart_id}-{width}",
            width=width,
            height=height,
        )
        for width, height in sizes
    ]


@dataclass(frozen=True)
class BenchmarkPanel:
    link: IndicatorLink | None
    problem: str = ""
    """Why there is nothing to show (not linked, authority not imported, no figures)."""
    authority: Area | None = None
    region_name: str = ""
    polarity: str = ""
    rows: tuple[ComparisonText, ...] = ()
    """Newest year first."""
    svg: str = ""
    svg_narrow: str = ""
    attribution: str = ATTRIBUTION


def benchmark_panel(indicator: Indicator) -> BenchmarkPanel:
    link = (
        IndicatorLink.objects.select_related("measure", "indicator")
        .filter(indicator=indicator)
        .first()
    )
    if link is None:
        return BenchmarkPanel(None, "This indicator is not linked to a published measure.")
    authority = this_authority()
    if authority is None:
        return BenchmarkPanel(
            link, "This installation's authority is not in the imported authority list."
        )
    series = series_for([link], authority)[indicator.pk]
    if not series.comparisons:
        return BenchmarkPanel(link, "No figures have been imported for this measure.")
    svgs = chart_svgs(series, f"benchmark-{indicator.pk}", CHART_SIZES)
    return BenchmarkPanel(
        link,
        authority=authority,
        region_name=series.region.name if series.region else "Region",
        polarity=polarity_text(link, series.polarity),
        rows=tuple(comparison_text(c, series.decimals) for c in reversed(series.comparisons)),
        svg=svgs[0],
        svg_narrow=svgs[1],
    )
