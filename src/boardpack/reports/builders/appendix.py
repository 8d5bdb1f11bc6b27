"""The committee appendix (seeds 003 and 004), built from the database as a document.

Each indicator linked to a published measure, grouped by director as the performance report
is: the authority's latest published figure up to the year asked for, beside England, its
region and the mean of its statistical neighbours, with its rank, quartile band and trend since
the year before; then each indicator's chart over the years with its data. A fixed number of
queries however many indicators.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.conf import settings

from boardpack.benchmarks.models import Area, IndicatorLink
from boardpack.benchmarks.panel import BenchmarkSeries, chart_svgs, polarity_text, series_for
from boardpack.benchmarks.presenters import ATTRIBUTION, comparison_text, number_text
from boardpack.benchmarks.selectors import Comparison, Figure, links, this_authority
from boardpack.core.comparators import Band
from boardpack.core.status import direction_of_travel
from boardpack.reports.document import Cell, Chart, Document, Paragraph, Section, Table
from boardpack.scorecard.presenters import DIRECTION_TEXT

HEADER = ("Code", "Indicator", "Year", "Value", "England", "Neighbours", "Quartile", "Trend")
HEADER_WIDTHS = (9, 31, 8, 9, 9, 11, 9, 14)
DETAIL = ("Year", "Value", "England", "Region", "Neighbours", "Counted", "Rank", "Quartile")
CHART_SIZE = ((640, 300),)
NO_BAND = "No quartile"


@dataclass(frozen=True)
class AppendixQuery:
    year: int | None = None
    """Figures of years ending in or before this one; None: the latest published."""


@dataclass(frozen=True)
class Line:
    link: IndicatorLink
    series: BenchmarkSeries
    shown: list[Comparison]
    """The comparisons up to the year asked for, oldest first."""

    @property
    def latest(self) -> Comparison | None:
        return self.shown[-1] if self.shown else None


def _number(figure: Figure, decimals: int) -> Cell:
    if figure.value is None:
        return Cell(figure.marker)
    return Cell(number_text(figure.value, decimals), figure.value, decimals)


def _trend(line: Line) -> str:
    """Since the year before, by the polarity used for rank and quartile."""
    now = line.shown[-1].authority.value if line.shown else None
    before = line.shown[-2].authority.value if len(line.shown) > 1 else None
    arrow, text = DIRECTION_TEXT[direction_of_travel(now, before, line.series.polarity)]
    return f"{arrow} {text}".strip()


def _band(comparison: Comparison) -> str:
    band = comparison.standing.band
    return band.value if band is not None else NO_BAND


def _neighbours(comparison: Comparison, decimals: int) -> Cell:
    """The neighbours' mean to one place more than the figures (at least one)."""
    mean, places = comparison.neighbours.mean, max(decimals, 1)
    if mean is None:
        return Cell("")
    text = comparison_text(comparison, decimals).neighbours
    return Cell(text, mean.quantize(Decimal(1).scaleb(-places)), places)


def _row(line: Line) -> tuple[Cell, ...]:
    indicator, latest = line.link.indicator, line.latest
    if latest is None:
        blank = [Cell("")] * (len(HEADER) - 3)
        return (Cell(indicator.code), Cell(indicator.title), Cell("No figures"), *blank)
    decimals = line.series.decimals
    return (
        Cell(indicator.code),
        Cell(indicator.title),
        Cell(latest.year),
        _number(latest.authority, decimals),
        _number(latest.england, decimals),
        _neighbours(latest, decimals),
        Cell(_band(latest)),
        Cell(_trend(line)),
    )


def _detail(line: Line, latest: Comparison) -> Table:
    decimals = line.series.decimals
    texts = comparison_text(latest, decimals)
    region = line.series.region.name if line.series.region else "Region"
    return Table(
        caption=f"{line.link.indicator.code}: {line.series.authority.name} in {latest.year}, "
        f"beside England, {region} and its statistical neighbours",
        header=DETAIL,
        rows=(
            (
                Cell(latest.year),
                _number(latest.authority, decimals),
                _number(latest.england, decimals),
                _number(latest.region, decimals),
                _neighbours(latest, decimals),
                Cell(texts.counted),
                Cell(texts.rank),
                Cell(_band(latest)),
            ),
        ),
    )


def _chart(line: Line) -> Chart:
    measure = line.link.measure
    svg = chart_svgs(
        replace(line.series, comparisons=line.shown),
        f"appendix-{line.link.indicator.pk}",
        CHART_SIZE,
    )[0]
    region = line.series.region.name if line.series.region else "Region"
    texts = [comparison_text(c, line.series.decimals) for c in line.shown]
    data = Table(
        caption=f"Chart data: {measure.code}, {line.series.authority.name} against England, "
        f"{region} and statistical neighbours",
        header=("Year", line.series.authority.name, "England", region, "Neighbours' mean"),
        rows=tuple(
            tuple(Cell(x) for x in (t.year, t.value, t.england, t.region, t.neighbours))
            for t in texts
        ),
        row_headers=True,
    )
    # The data below the chart: beside it, five columns break their headers mid-word.
    return Chart(title=f"{measure.code}: {measure.name}", svg=svg, data=data, stacked=True)


def _indicator(line: Line) -> Section:
    measure = line.link.measure
    about = (
        f"Published measure {measure.code}: {measure.name}"
        + (f" ({measure.unit})" if measure.unit else "")
        + f". Polarity: {polarity_text(line.link, line.series.polarity)}."
    )
    blocks: tuple[Paragraph | Table | Chart, ...] = (Paragraph(about, "muted"),)
    if line.latest is not None:
        blocks += (_detail(line, line.latest), _chart(line))
    return Section(f"{line.link.indicator.code}: {line.link.indicator.title}", 2, blocks)


def _summary(lines: dict[str, list[Line]], authority: Area, up_to: str) -> Section:
    bands = [b.value for b in Band]
    counts: dict[str, Counter[str]] = {
        d: Counter(
            (x.latest.standing.band.value if x.latest and x.latest.standing.band else NO_BAND)
            for x in group
        )
        for d, group in lines.items()
    }
    table = Table(
        caption="Linked indicators by director and quartile (A is the best quarter)",
        header=("Director", *(f"Quartile {b}" for b in bands), NO_BAND, "Total"),
        rows=tuple(
            (
                Cell(director),
                *(Cell(str(c[k]), Decimal(c[k])) for k in [*bands, NO_BAND]),
                Cell(str(sum(c.values())), Decimal(sum(c.values()))),
            )
            for director, c in sorted(counts.items())
        ),
        row_headers=True,
    )
    region = authority.region.name if authority.region else "its region"
    return Section(
        "About these figures",
        1,
        (
            Paragraph(
                f"{authority.name} ({authority.number}) beside England, {region} and the mean of "
                f"its statistical neighbours, in the latest published year {up_to}."
            ),
            Paragraph(
                "Rank 1 is best by the indicator's polarity, among all authorities with a "
                "figure that year; tied authorities share a rank. Quartile A is the best "
                "quarter, D the worst (cut points by linear interpolation, as the Department's "
                "tool). The neighbours' mean ignores neighbours without a figure. A letter or "
                "dash is the marker published instead of a figure. Trend compares the latest "
                "year with the one before."
            ),
            table,
            Paragraph(ATTRIBUTION, "muted"),
        ),
        page_break=True,
        sheet="Summary",
    )


TITLE = "Committee appendix – benchmarks"
REPORT_TITLE = "Children's services performance against England and statistical neighbours"


def _numbered(number: int, heading: str, paragraphs: list[str]) -> list[Paragraph]:
    """A committee report's numbered heading and paragraphs: 1. Purpose, 1.1, 1.2 …"""
    return [
        Paragraph(f"{number}. {heading}", "heading"),
        *(Paragraph(f"{number}.{n} {text}") for n, text in enumerate(paragraphs, start=1)),
    ]


def _standing(lines: list[Line]) -> str:
    bands = Counter(_band(x.latest) for x in lines if x.latest is not None)
    told = ", ".join(f"{bands[b.value]} in quartile {b.value}" for b in Band)
    return f"{told}; {bands[NO_BAND]} without a quartile" if bands[NO_BAND] else told


def front_sheet(grouped: dict[str, list[Line]], authority: Area, year: int) -> Section:
    """The front sheet of the committee report this appendix goes with (seeds 003 and 004):
    its title, purpose, recommendations and reason, then numbered paragraphs saying what the
    figures show, overall and by director."""
    every = [line for group in grouped.values() for line in group]
    trends = Counter(_trend(line) for line in every if line.latest is not None)
    worst = [x for x in every if x.latest is not None and _band(x.latest) == Band.D.value]
    region = authority.region.name if authority.region else "its region"
    blocks = [
        Paragraph(f"Report title: {REPORT_TITLE}", "lead"),
        Paragraph(f"Figures: the latest published for years ending by {year}"),
        *_numbered(
            1,
            "Purpose of the report",
            [
                f"This report sets out how {authority.name} compares with England, {region} and "
                f"its statistical neighbours on the {len(every)} indicators of its scorecard "
                "that have published national figures."
            ],
        ),
        *_numbered(
            2,
            "Recommendations",
            [
                "That the committee consider and note the report.",
                "That the committee ask the directors concerned to report on the indicators in "
                "the bottom quartile (paragraph 4.3).",
            ],
        ),
        *_numbered(
            3,
            "Reason for recommendations",
            [
                "To keep members informed of the performance of services to children and young "
                "people against national and comparable authorities."
            ],
        ),
        *_numbered(
            4,
            "What the figures show",
            [
                f"Of the {len(every)} indicators, {_standing(every)} (quartile A is the best "
                "quarter of authorities, D the worst).",
                "Since the year before: "
                + (
                    "; ".join(f"{text}: {count}" for text, count in sorted(trends.items()))
                    or "none"
                )
                + ".",
                "In the bottom quartile: "
                + (
                    "; ".join(f"{x.link.indicator.code} {x.link.indicator.title}" for x in worst)
                    or "no indicator"
                )
                + ".",
            ],
        ),
        *_numbered(
            5,
            "By director",
            [f"{director}: {_standing(grouped[director])}." for director in sorted(grouped)],
        ),
    ]
    return Section("Committee report", 1, tuple(blocks), sheet="Committee report")


def _nothing(year: int | None, reason: str) -> Document:
    return Document(
        title=TITLE,
        authority=settings.BOARDPACK_AUTHORITY_NAME,
        data_date=date(year or date.min.year, 12, 31),
        sections=(Section("No benchmarks", 1, (Paragraph(reason),)),),
    )


def build_appendix(query: AppendixQuery) -> Document:
    authority = this_authority()
    if authority is None:
        return _nothing(query.year, "This installation's authority is not in the imported list.")
    chosen = links()
    series = series_for(chosen, authority)
    ends = [c.span.end for s in series.values() for c in s.comparisons]
    if not ends:
        return _nothing(query.year, "No linked indicator has published figures.")
    year = query.year if query.year is not None else max(ends)
    grouped: dict[str, list[Line]] = defaultdict(list)
    for link in chosen:
        found = series[link.indicator_id]  # type: ignore[attr-defined]
        shown = [c for c in found.comparisons if c.span.end <= year]
        grouped[link.indicator.directorate.name].append(Line(link, found, shown))
    sections = [
        front_sheet(grouped, authority, year),
        _summary(grouped, authority, f"ending by {year}"),
    ]
    for director in sorted(grouped):
        sections.append(
            Section(
                director,
                1,
                (
                    Table(
                        caption=f"{director}: latest published figures ending by {year}, "
                        "beside England and the statistical neighbours' mean",
                        header=HEADER,
                        rows=tuple(_row(line) for line in grouped[director]),
                        widths=HEADER_WIDTHS,
                    ),
                ),
                page_break=True,
                sheet=director,
            )
        )
        sections.extend(_indicator(line) for line in grouped[director])
    return Document(
        title=f"{TITLE} {year}",
        authority=settings.BOARDPACK_AUTHORITY_NAME,
        data_date=date(year, 12, 31),
        cover_lines=(
            f"{authority.name} ({authority.number}) beside England, its region and its "
            "statistical neighbours",
            f"Published figures of years ending by {year}",
            f"{len(chosen)} linked indicators",
        ),
        sections=tuple(sections),
    )
