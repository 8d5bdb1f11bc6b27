"""Turn status rows into what the scorecard page, its export and the CLI show."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from boardpack.accounts.models import OrgUnit
from boardpack.core.periods import Month
from boardpack.core.status import Direction, Status
from boardpack.core.symbols import Scheme, Symbol
from boardpack.core.units import format_value
from boardpack.lib.charts import Segment, proportion_bar, sparkline
from boardpack.lib.govuk import Tag
from boardpack.scorecard.selectors import ScorecardQuery, StatusRow
from boardpack.scorecard.spc.presenters import spc_cells
from boardpack.scorecard.spc.selectors import SpcSummary

DIRECTION_TEXT = {
    Direction.IMPROVING: ("↑", "Improving"),
    Direction.WORSENING: ("↓", "Worsening"),
    Direction.UNCHANGED: ("→", "Unchanged"),
    Direction.HIGHER: ("↗", "Higher (context only)"),
    Direction.LOWER: ("↘", "Lower (context only)"),
    Direction.NOT_COMPARABLE: ("", "No earlier value"),
    Direction.NO_ACTUAL: ("", "No actual yet"),
}
COMMENTARY_DUE = "Due"
COMMENTARY_GIVEN = "Given"
NO_ACTUAL_YET = "No actual yet"
NOT_DUE_YET = "Not due yet"
ON_TARGET = "No comment required (on target)"
NOT_REQUIRED = {
    Status.NO_ACTUAL: NO_ACTUAL_YET,
    Status.NO_TARGET: "No comment required (no target)",
    Status.NO_POLARITY: "No comment required (context only)",
}
"""Why a status that is not an exception needs no commentary; near and met are on target."""


@dataclass(frozen=True)
class Line:
    """One scorecard row as shown; the page reads hundreds, so each is worked out here once."""

    row: StatusRow
    href: str
    symbol: Symbol
    actual: str
    target: str
    vs_previous: tuple[str, str]
    vs_last_year: tuple[str, str]
    commentary: str
    spc_cells: SafeString
    """The Variation and Assurance cells (scorecard.spc.presenters.spc_cells)."""
    trend: SafeString
    """A sparkline of the last periods' actuals (trend_line)."""


@dataclass(frozen=True)
class DirectorateGroup:
    directorate: OrgUnit
    lines: list[Line]


@dataclass(frozen=True)
class ScorecardPage:
    query: ScorecardQuery
    title: str
    groups: list[DirectorateGroup]
    counts: list[tuple[Tag, int]]
    """(status tag with its number, number of indicators) in the scheme's order."""
    bar: SafeString
    """The counts as one proportion bar (status_bar)."""
    special_causes: int
    """How many of the rows' last points are special cause (SPC)."""


def status_tag(symbol: Symbol) -> Tag:
    """The one tag of a status, on every page: its shape, its words and its colour."""
    return Tag(symbol.text, f"bp-status bp-status--{symbol.key}", symbol.glyph)


def figures(row: StatusRow) -> tuple[str, str]:
    """Actual and target as shown; a milestone shows its completion and due date instead."""
    indicator = row.indicator
    if indicator.kind == indicator.Kind.MILESTONE:
        done = indicator.completed_date
        due = indicator.due_date
        return (
            f"Completed {done:%d/%m/%Y}" if done and done <= row.month.end else "Not completed",
            f"Due {due:%d/%m/%Y}" if due else "",
        )
    return (
        format_value(row.actual, indicator.unit_rule, indicator.decimals),
        format_value(row.target, indicator.unit_rule, indicator.decimals),
    )


def no_comment_text(row: StatusRow) -> str:
    """Why a row needs no commentary: on target only when it has an actual that is; a missing
    actual is "No actual yet" (a milestone not completed and not due: "Not due yet")."""
    if row.status is Status.NO_ACTUAL and row.indicator.kind == row.indicator.Kind.MILESTONE:
        return NOT_DUE_YET
    return NOT_REQUIRED.get(row.status, ON_TARGET)


def commentary_text(row: StatusRow) -> str:
    """The scorecard's commentary column: due or given for an exception, else why none is."""
    if not row.commentary_due:
        return no_comment_text(row)
    return COMMENTARY_GIVEN if row.has_comment else COMMENTARY_DUE


def trend_line(row: StatusRow, values: Sequence[float | None]) -> SafeString:
    """The row's sparkline, read out as its span: "12 of the last 12 periods, from 91.9% to
    94.2%" (the chart module escapes every text it writes)."""
    present = [v for v in values if v is not None]
    if not present:
        return mark_safe(sparkline([], "No values in the last periods"))
    indicator = row.indicator
    first, last = (
        format_value(Decimal(str(v)), indicator.unit_rule, indicator.decimals)
        for v in (present[0], present[-1])
    )
    label = f"{len(present)} of the last {len(values)} periods, from {first} to {last}"
    return mark_safe(sparkline(values, label))


def status_bar(counts: Sequence[tuple[Symbol, int]]) -> SafeString:
    """The summary's counts as a bar of parts with their glyphs and counts."""
    label = ", ".join(f"{symbol.text}: {number}" for symbol, number in counts)
    segments = [Segment(s.key, s.text, s.glyph, number) for s, number in counts]
    return mark_safe(proportion_bar(segments, f"Indicators by status: {label}"))


def _line(row: StatusRow, href: str, spc: SpcSummary, values: Sequence[float | None]) -> Line:
    actual, target = figures(row)
    return Line(
        row=row,
        href=href,
        symbol=row.symbol,
        actual=actual,
        target=target,
        vs_previous=DIRECTION_TEXT[row.vs_previous],
        vs_last_year=DIRECTION_TEXT[row.vs_last_year],
        commentary=commentary_text(row),
        spc_cells=spc_cells(spc),
        trend=trend_line(row, values),
    )


def period_title(month: Month) -> str:
    """'Quarter 1 2012/13' for a quarter end, else 'May 2012 (2012/13)'."""
    return month.quarter_label if month.is_quarter_end else f"{month.label} ({month.fy_label})"


def scorecard_page(
    rows: list[StatusRow],
    query: ScorecardQuery,
    scheme: Scheme,
    spc: Mapping[int, SpcSummary],
    recent: Mapping[int, Sequence[float | None]],
) -> ScorecardPage:
    """Group by directorate; within each, the scheme's section order then code, unless sorted.
    `spc`: the rows' SPC summaries by indicator id (scorecard.selectors.row_summaries);
    `recent`: their last periods' actuals (scorecard.selectors.recent_values)."""
    order = {key: i for i, key in enumerate(scheme.section_order)}
    ranked = rows
    if not query.sort:
        ranked = sorted(
            rows,
            key=lambda r: (
                r.indicator.directorate.name,
                order.get(r.symbol.key, len(order)),
                r.indicator.code,
            ),
        )
    groups: dict[int, DirectorateGroup] = {}
    for row in ranked:
        directorate = row.indicator.directorate
        href = reverse("indicator", args=[row.indicator.pk])
        groups.setdefault(directorate.pk, DirectorateGroup(directorate, [])).lines.append(
            _line(row, href, spc[row.indicator.pk], recent.get(row.indicator.pk, ()))
        )
    tally = Counter(row.symbol.key for row in rows)
    symbols = {row.symbol.key: row.symbol for row in rows}
    shown = [
        (symbols[key], tally[key])
        for key in [*scheme.section_order, *sorted(set(tally) - set(scheme.section_order))]
        if key in tally
    ]
    return ScorecardPage(
        query=query,
        title=period_title(query.month),
        groups=list(groups.values()),
        counts=[
            (replace(status_tag(symbol), text=f"{symbol.text}: {number}"), number)
            for symbol, number in shown
        ],
        bar=status_bar(shown),
        special_causes=sum(1 for found in spc.values() if found.special_cause),
    )


def status_choices(scheme: Scheme) -> list[tuple[str, str]]:
    """The symbol keys a user can filter by, in the scheme's order."""
    seen: dict[str, str] = {}
    for symbol in scheme.symbols.values():
        seen.setdefault(symbol.key, symbol.text)
    ordered = [*scheme.section_order, *(k for k in seen if k not in scheme.section_order)]
    return [(key, seen[key]) for key in ordered]


EXPORT_COLUMNS = (
    "code",
    "title",
    "director",
    "owner",
    "period",
    "actual",
    "target",
    "status",
    "symbol",
    "vs_previous",
    "vs_last_year",
    "commentary",
)


def status_record(row: StatusRow) -> dict[str, str]:
    """One row as text, for the CLI and the CSV/XLSX export."""
    indicator = row.indicator
    actual, target = figures(row)
    return {
        "code": indicator.code,
        "title": indicator.title,
        "director": indicator.directorate.name,
        "owner": indicator.owner.name if indicator.owner else "",
        "period": row.month.key,
        "actual": actual,
        "target": target,
        "status": row.status.value,
        "symbol": row.symbol.text,
        "vs_previous": row.vs_previous.value,
        "vs_last_year": row.vs_last_year.value,
        "commentary": commentary_text(row),
    }
