"""The quarterly performance report (seed 001), built from the database as a document.

Fixed number of queries however many indicators: the scorecard rows, the values of two
financial years and the approved commentary of the month, each read once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet, prefetch_related_objects

from boardpack.accounts.models import OrgUnit
from boardpack.core.periods import Month, fy_label, fy_months
from boardpack.core.symbols import Scheme, Symbol
from boardpack.core.units import format_value
from boardpack.reports.builders.bars import status_bars
from boardpack.reports.builders.spc import spc_chart, spc_signals, special_causes
from boardpack.reports.document import (
    Cell,
    Chart,
    Commentary,
    Document,
    Fact,
    IndicatorBlock,
    Line,
    Mark,
    Paragraph,
    Section,
    Table,
)
from boardpack.scorecard.indicators.presenters import trend_chart
from boardpack.scorecard.indicators.selectors import MonthFacts, YearValues, year_grid
from boardpack.scorecard.models import Actual, Comment, CommentState, Indicator, Tag, Target
from boardpack.scorecard.presenters import figures, no_comment_text, period_title
from boardpack.scorecard.selectors import (
    ScorecardQuery,
    StatusRow,
    row_summaries,
    scorecard_rows,
    status_rows,
)
from boardpack.scorecard.spc.selectors import IndicatorSpc, SpcSummary, spc_charts

ALL_DIRECTORS = "All directors"
COMMENTARY_MISSING = "Commentary required: none has been approved for this period."


@dataclass(frozen=True)
class QuarterlyQuery:
    month: Month
    director: OrgUnit | None = None
    service: OrgUnit | None = None
    tag: Tag | None = None
    indicators: QuerySet[Indicator] | None = None
    """Exactly these indicators (e.g. a board's scorecard selection) instead of the filters."""
    selection: str = ""
    """Whose selection that is, for the cover."""
    spc_charts: bool = False
    """Each indicator's SPC chart after its trend chart (docs/spc.md)."""


def mark(symbol: Symbol) -> Mark:
    return Mark(symbol.key, symbol.glyph, symbol.text)


def _year_values(indicators: list[Indicator], start_year: int) -> dict[int, YearValues]:
    """Actuals and targets of the year and the year before, for every indicator at once."""
    first, last = fy_months(start_year - 1)[0].end, fy_months(start_year)[-1].end
    span = {"indicator__in": indicators, "period__gte": first, "period__lte": last}
    actuals: dict[int, dict[Month, Actual]] = defaultdict(dict)
    targets: dict[int, dict[Month, Decimal]] = defaultdict(dict)
    for actual in Actual.objects.filter(**span):
        actuals[actual.indicator_id][actual.month] = actual  # type: ignore[attr-defined]
    for target in Target.objects.filter(**span):
        targets[target.indicator_id][target.month] = target.value  # type: ignore[attr-defined]
    return {
        i.pk: YearValues(start_year, actuals.get(i.pk, {}), targets.get(i.pk, {}))
        for i in indicators
    }


def _approved(indicators: list[Indicator], month: Month) -> dict[int, list[Comment]]:
    found: dict[int, list[Comment]] = defaultdict(list)
    comments = (
        Comment.objects.filter(
            indicator__in=indicators, period=month.end, state=CommentState.APPROVED
        )
        .select_related("author")
        .order_by("set_at", "pk")
    )
    for comment in comments:
        found[comment.indicator_id].append(comment)  # type: ignore[attr-defined]
    return found


def _number(indicator: Indicator, value: Decimal | None, suffix: str = "") -> Cell:
    if value is None:
        return Cell("")
    text = format_value(value, indicator.unit_rule, indicator.decimals) + suffix
    return Cell(text, value, indicator.decimals)


def _grid(indicator: Indicator, months: list[MonthFacts], scheme: Scheme, year: str) -> Table:
    """Twelve months × actual / target / symbol, as seed 001 prints it."""
    actuals = [_number(indicator, f.actual, " (p)" if f.provisional else "") for f in months]
    targets = [_number(indicator, f.target) for f in months]
    symbols = [
        Cell("", mark=mark(scheme.symbol(f.status)), glyph_only=True) if f.status else Cell("")
        for f in months
    ]
    return Table(
        caption=f"{indicator.code}: actual, target and symbol by month, {year}",
        header=("", *(f"{f.month.end:%d/%m/%y}" for f in months)),
        rows=(
            (Cell("Actual"), *actuals),
            (Cell("Target"), *targets),
            (Cell("Symbol"), *symbols),
        ),
        row_headers=True,
    )


TREND_STYLES = (("1D70B8", ""), ("505A5F", "dashed"), ("0B0C0C", "dotted"))
"""This year's actuals, last year's and the target, as the SVG draws them."""


def _chart(indicator: Indicator, values: YearValues, months: list[MonthFacts]) -> Chart:
    trend = trend_chart(indicator, values, months)
    numbers = list(trend.values.values())
    data = Table(
        caption=f"Chart data: {trend.caption}",
        header=("Month", *trend.headings),
        rows=tuple(
            (
                Cell(label),
                *(
                    Cell(text, numbers[n][row], indicator.decimals)
                    if numbers[n][row] is not None
                    else Cell(text)
                    for n, text in enumerate(texts)
                ),
            )
            for row, (label, texts) in enumerate(trend.rows)
        ),
        row_headers=True,
    )
    lines = tuple(
        Line(name, tuple(line), colour, dash, markers=dash != "dotted")
        for (name, line), (colour, dash) in zip(trend.values.items(), TREND_STYLES, strict=True)
    )
    return Chart(
        title=trend.caption,
        svg=trend.svg,
        data=data,
        labels=tuple(trend.labels),
        lines=lines,
        decimals=indicator.decimals,
    )


def _facts(indicator: Indicator) -> tuple[Fact, ...]:
    return (
        Fact("Owner", indicator.owner.name if indicator.owner else "None"),
        Fact("Polarity", indicator.get_polarity_display()),
        Fact("Unit", indicator.get_unit_display() or "None"),
        Fact("Plans", "; ".join(t.code for t in indicator.tags.all()) or "None"),
    )


def _block(
    row: StatusRow,
    values: YearValues,
    comments: list[Comment],
    scheme: Scheme,
    spc: tuple[SpcSummary, IndicatorSpc | None],
) -> IndicatorBlock:
    indicator = row.indicator
    if indicator.kind == Indicator.Kind.MILESTONE:
        due, completed = figures(row)
        grid = Table(
            caption=f"{indicator.code}: milestone",
            header=("Due", "Completion"),
            rows=((Cell(due), Cell(completed)),),
        )
        chart = None
    else:
        months = year_grid(indicator, values)
        grid = _grid(indicator, months, scheme, fy_label(values.start_year))
        chart = _chart(indicator, values, months)
    return IndicatorBlock(
        code=indicator.code,
        title=indicator.title,
        facts=_facts(indicator),
        mark=mark(row.symbol),
        grid=grid,
        chart=chart,
        commentary=tuple(Commentary(c.author.name, c.subject, c.text) for c in comments),
        no_comment_text=COMMENTARY_MISSING if row.commentary_due else no_comment_text(row),
        signals=spc_signals(spc[0]),
        spc_chart=spc_chart(spc[1]) if spc[1] is not None else None,
    )


def _summary(
    rows: list[StatusRow],
    scheme: Scheme,
    comments: dict[int, list[Comment]],
    summaries: dict[int, SpcSummary],
) -> Section:
    """Counts of each status per director, the special causes (SPC), and every exception still
    without approved text."""
    keys = list(dict.fromkeys([*scheme.section_order, *(r.symbol.key for r in rows)]))
    texts = {r.symbol.key: r.symbol for r in rows}
    shown = [k for k in keys if k in texts]
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        counts[row.indicator.directorate.name][row.symbol.key] += 1
    counted = [*sorted(counts.items()), (ALL_DIRECTORS, Counter(r.symbol.key for r in rows))]
    table = Table(
        caption="Indicators by director and status",
        header=("Director", *(f"{texts[k].glyph} {texts[k].text}" for k in shown), "Total"),
        rows=tuple(
            (
                Cell(director),
                *(Cell(str(by_key.get(k, 0)), Decimal(by_key.get(k, 0))) for k in shown),
                Cell(str(sum(by_key.values())), Decimal(sum(by_key.values()))),
            )
            for director, by_key in counted
        ),
        row_headers=True,
    )
    chart = status_bars(
        "Indicators by director and status",
        [
            (director, [(mark(texts[k]), by_key.get(k, 0)) for k in shown])
            for director, by_key in counted
        ],
        table,
    )
    missing = [r for r in rows if r.commentary_due and not comments.get(r.indicator.pk)]
    blocks: list[Paragraph | Table | Chart] = [chart]
    if missing:
        blocks.append(
            Table(
                caption="Commentary required but missing or not yet approved",
                header=("Code", "Indicator", "Owner", "Status"),
                rows=tuple(
                    (
                        Cell(r.indicator.code),
                        Cell(r.indicator.title),
                        Cell(r.indicator.owner.name if r.indicator.owner else "None"),
                        Cell("", mark=mark(r.symbol)),
                    )
                    for r in missing
                ),
            )
        )
    else:
        blocks.append(Paragraph("Every indicator that needs commentary has approved commentary."))
    blocks.append(special_causes(rows, summaries))
    return Section("Summary", 1, tuple(blocks), sheet="Summary")


def build_quarterly(query: QuarterlyQuery, *, scheme: Scheme) -> Document:
    """Per director: the scheme's sections in order (red, green, blue), each indicator once."""
    if query.indicators is not None:
        rows = status_rows(query.month, indicators=query.indicators, scheme=scheme)
    else:
        rows = scorecard_rows(
            ScorecardQuery(
                month=query.month, director=query.director, service=query.service, tag=query.tag
            ),
            scheme=scheme,
        )
    indicators = [r.indicator for r in rows]
    prefetch_related_objects(indicators, "tags")
    values = _year_values(indicators, query.month.fy_start_year)
    comments = _approved(indicators, query.month)
    summaries = row_summaries(rows)
    charts = spc_charts(indicators, query.month) if query.spc_charts else {}
    order = {key: n for n, key in enumerate(scheme.section_order)}
    by_director: dict[str, list[StatusRow]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (order.get(r.symbol.key, len(order)), r.indicator.code)):
        by_director[row.indicator.directorate.name].append(row)
    sections = [_summary(rows, scheme, comments, summaries)]
    for director in sorted(by_director):
        sections.append(Section(director, 1, page_break=True, sheet=director))
        by_symbol: dict[str, list[StatusRow]] = defaultdict(list)
        for row in by_director[director]:
            by_symbol[row.symbol.key].append(row)
        for group in by_symbol.values():
            sections.append(
                Section(
                    group[0].symbol.text,
                    2,
                    tuple(
                        _block(
                            r,
                            values[r.indicator.pk],
                            comments.get(r.indicator.pk, []),
                            scheme,
                            (summaries[r.indicator.pk], charts.get(r.indicator.pk)),
                        )
                        for r in group
                    ),
                    mark=mark(group[0].symbol),
                )
            )
    title = f"Performance Report – {period_title(query.month)}"
    filters = [
        f"{label}: {value}"
        for label, value in (
            ("Director", query.director),
            ("Service", query.service),
            ("Plan", query.tag),
            ("Selection", query.selection or None),
        )
        if value is not None
    ]
    return Document(
        title=title,
        authority=settings.BOARDPACK_AUTHORITY_NAME,
        data_date=query.month.end,
        cover_lines=(
            f"Data as at {query.month.end:%d %B %Y}",
            f"{len(rows)} indicators",
            *filters,
            *(["With each indicator's SPC chart"] if query.spc_charts else []),
        ),
        sections=tuple(sections),
    )
