"""Turn status rows into what the scorecard page shows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from boardpack.accounts.models import OrgUnit
from boardpack.core.periods import Month
from boardpack.core.status import Direction
from boardpack.core.symbols import Scheme
from boardpack.core.units import format_value
from boardpack.scorecard.selectors import StatusRow

DIRECTION_TEXT = {
    Direction.IMPROVING: ("↑", "Improving"),
    Direction.WORSENING: ("↓", "Worsening"),
    Direction.UNCHANGED: ("→", "Unchanged"),
    Direction.HIGHER: ("↗", "Higher (context only)"),
    Direction.LOWER: ("↘", "Lower (context only)"),
    Direction.NOT_COMPARABLE: ("", "No earlier value"),
}


@dataclass(frozen=True)
class Line:
    row: StatusRow
    actual: str
    target: str
    vs_previous: tuple[str, str]
    vs_last_year: tuple[str, str]


@dataclass(frozen=True)
class DirectorateGroup:
    directorate: OrgUnit
    lines: list[Line]


@dataclass(frozen=True)
class ScorecardPage:
    month: Month
    title: str
    groups: list[DirectorateGroup]
    counts: list[tuple[str, str, int]]


def _figures(row: StatusRow) -> tuple[str, str]:
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


def _line(row: StatusRow) -> Line:
    actual, target = _figures(row)
    return Line(
        row=row,
        actual=actual,
        target=target,
        vs_previous=DIRECTION_TEXT[row.vs_previous],
        vs_last_year=DIRECTION_TEXT[row.vs_last_year],
    )


def scorecard_page(rows: list[StatusRow], month: Month, scheme: Scheme) -> ScorecardPage:
    """Group by directorate; within each, the scheme's section order, then code."""
    order = {key: i for i, key in enumerate(scheme.section_order)}
    ranked = sorted(
        rows,
        key=lambda r: (
            r.indicator.directorate.name,
            order.get(r.symbol.key, len(order)),
            r.indicator.code,
        ),
    )
    groups: list[DirectorateGroup] = []
    for row in ranked:
        if not groups or groups[-1].directorate != row.indicator.directorate:
            groups.append(DirectorateGroup(row.indicator.directorate, []))
        groups[-1].lines.append(_line(row))
    tally = Counter(row.symbol.key for row in rows)
    symbols = {row.symbol.key: row.symbol for row in rows}
    counts = [
        (symbols[key].text, symbols[key].glyph, tally[key])
        for key in [*scheme.section_order, *sorted(set(tally) - set(scheme.section_order))]
        if key in tally
    ]
    title = month.quarter_label if month.is_quarter_end else f"{month.label} ({month.fy_label})"
    return ScorecardPage(month=month, title=title, groups=groups, counts=counts)
