"""Turn one indicator's facts into what its page shows: header, grid, chart, comments, history."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from boardpack.core.periods import Month, fy_label
from boardpack.core.status import milestone_status
from boardpack.core.symbols import Scheme, Symbol
from boardpack.core.units import Unit, format_value
from boardpack.lib.charts import Dash, Marker, Series, line_chart
from boardpack.lib.govuk import Tag
from boardpack.scorecard.commentary.presenters import state_tag
from boardpack.scorecard.indicators.history_presenters import (
    HistoryEntry,
    history_entries,
    person_name,
)
from boardpack.scorecard.indicators.selectors import (
    HISTORY_LIMIT,
    IndicatorFacts,
    MonthFacts,
    Travel,
    YearValues,
    latest_travel,
    year_grid,
)
from boardpack.scorecard.models import Comment, Indicator
from boardpack.scorecard.presenters import DIRECTION_TEXT, period_title
from boardpack.scorecard.selectors import reporting_step

NONE_TEXT = "None"
CHART_SIZES = ((640, 320), (300, 300))
"""(width, height) of the trend chart as the page shows it: wide, then narrow."""


def header_rows(indicator: Indicator) -> list[tuple[str, str]]:
    """The indicator's definition as (label, text) pairs for a summary list."""
    rows = [
        ("Code", indicator.code),
        ("Title", indicator.title),
        ("Definition", indicator.definition or NONE_TEXT),
        ("Director", indicator.directorate.name),
        ("Service", indicator.service.name if indicator.service else NONE_TEXT),
        ("Owner", indicator.owner.name if indicator.owner else NONE_TEXT),
    ]
    measure = indicator.kind != Indicator.Kind.MILESTONE
    if measure:
        rows += [
            ("Polarity", indicator.get_polarity_display()),
            ("Unit", indicator.get_unit_display() or NONE_TEXT),
            ("Decimal places", str(indicator.decimals)),
            ("Frequency", indicator.get_frequency_display()),
            (
                "Cumulative",
                "Yes: values count year to date"
                if indicator.cumulative
                else "No: each value is a snapshot",
            ),
        ]
    rows.append(("Plan tags", ", ".join(t.code for t in indicator.tags.all()) or NONE_TEXT))
    if measure:
        rows += [
            ("Tolerance (worse)", str(indicator.worse_band) or "0"),
            ("Tolerance (better)", str(indicator.better_band) or "0"),
        ]
    rows.append(("Data source", indicator.get_data_source_display()))
    return rows


@dataclass(frozen=True)
class GridCell:
    heading: str
    """The month's last day as the seeds print it: 30/06/12."""
    actual: str
    provisional: bool
    target: str
    symbol: Symbol | None


def _value(indicator: Indicator, value: Decimal | None) -> str:
    return format_value(value, indicator.unit_rule, indicator.decimals)


def grid_cells(
    indicator: Indicator, months: list[MonthFacts], scheme: Scheme
) -> dict[Month, GridCell]:
    """Every month of the year, as the seed's grid prints even a quarterly indicator, by month."""
    return {
        facts.month: GridCell(
            heading=f"{facts.month.end:%d/%m/%y}",
            actual=_value(indicator, facts.actual),
            provisional=facts.provisional,
            target=_value(indicator, facts.target),
            symbol=scheme.symbol(facts.status) if facts.status is not None else None,
        )
        for facts in months
    }


@dataclass(frozen=True)
class TravelView:
    """The latest actual the page shows first: its target, status and direction of travel."""

    month: str
    actual: str
    target: str
    symbol: Symbol | None
    previous_month: str
    vs_previous: tuple[str, str]
    last_year_month: str
    vs_last_year: tuple[str, str]


def travel_view(
    indicator: Indicator, travel: Travel, values: YearValues, cells: Mapping[Month, GridCell]
) -> TravelView:
    actual = values.actuals[travel.month]
    cell = cells.get(travel.month)
    return TravelView(
        month=travel.month.label,
        actual=_value(indicator, actual.value),
        target=cell.target if cell else "",
        symbol=cell.symbol if cell else None,
        previous_month=travel.previous.label if travel.previous else "none in this year",
        vs_previous=DIRECTION_TEXT[travel.vs_previous],
        last_year_month=travel.month.year_before().label,
        vs_last_year=DIRECTION_TEXT[travel.vs_last_year],
    )


@dataclass(frozen=True)
class TrendChart:
    svg: str
    svg_narrow: str
    """The same chart drawn for a phone's width, where the wide one would shrink unreadably."""
    caption: str
    headings: list[str]
    rows: list[tuple[str, list[str]]]


def _floats(numbers: list[Decimal | None]) -> list[float | None]:
    return [float(v) if v is not None else None for v in numbers]


def trend_chart(indicator: Indicator, values: YearValues, months: list[MonthFacts]) -> TrendChart:
    """This year's and last year's actuals with this year's target line, and the same as a table.

    The months shown are the indicator's reporting periods (every month, quarter ends or March)
    plus any other month holding an actual or a target; a missing value breaks its line. The
    target line is the target each month is judged against.
    """

    def year_before(facts: MonthFacts) -> Decimal | None:
        found = values.actuals.get(facts.month.year_before())
        return found.value if found else None

    step = reporting_step(indicator)
    shown = [
        f
        for f in months
        if f.month.fy_index % step == step - 1
        or any(v is not None for v in (f.actual, f.target, year_before(f)))
    ]
    this_year, last_year = fy_label(values.start_year), fy_label(values.start_year - 1)
    lines = {
        f"{this_year} actual": [f.actual for f in shown],
        f"{last_year} actual": [year_before(f) for f in shown],
        f"{this_year} target": [f.applied_target for f in shown],
    }
    (now, now_values), (before, before_values), (target, target_values) = lines.items()
    texts = {name: [_value(indicator, v) for v in numbers] for name, numbers in lines.items()}
    series = [
        Series(now, _floats(now_values), labels=texts[now]),
        Series(
            before,
            _floats(before_values),
            dash=Dash.DASHED,
            marker=Marker.SQUARE,
            colour="#505a5f",
            filled=False,
            labels=texts[before],
        ),
        Series(
            target,
            _floats(target_values),
            dash=Dash.DOTTED,
            marker=Marker.BAR,
            colour="#0b0c0c",
            stepped=not indicator.cumulative,
            labels=texts[target],
        ),
    ]
    x_labels = [calendar.month_abbr[f.month.month] for f in shown]
    caption = f"{indicator.code}: {this_year} and {last_year} against target"
    svgs = [
        line_chart(
            series,
            x_labels=x_labels,
            title=caption,
            unit_suffix="%" if indicator.unit_rule is Unit.PERCENT else "",
            description=f"Unit: {indicator.get_unit_display() or 'none'}. "
            "The data follow as a table.",
            chart_id=f"trend-{indicator.pk}-{width}",
            width=width,
            height=height,
        )
        for width, height in CHART_SIZES
    ]
    rows = [(label, [texts[name][n] for name in lines]) for n, label in enumerate(x_labels)]
    return TrendChart(
        svg=svgs[0], svg_narrow=svgs[1], caption=caption, headings=list(lines), rows=rows
    )


@dataclass(frozen=True)
class MilestoneView:
    due: str
    completed: str
    symbol: Symbol


def milestone_view(indicator: Indicator, scheme: Scheme, today: date) -> MilestoneView:
    status = milestone_status(
        due=indicator.due_date, completed=indicator.completed_date, as_of=today
    )
    return MilestoneView(
        due=f"{indicator.due_date:%d/%m/%Y}" if indicator.due_date else "No due date",
        completed=(
            f"{indicator.completed_date:%d/%m/%Y}" if indicator.completed_date else "Not completed"
        ),
        symbol=scheme.symbol(status),
    )


@dataclass(frozen=True)
class EventView:
    state: str
    who: str
    at: datetime
    reason: str


@dataclass(frozen=True)
class CommentView:
    comment: Comment
    period: str
    state: Tag
    events: list[EventView]


def comment_views(comments: list[Comment]) -> list[CommentView]:
    return [
        CommentView(
            comment=comment,
            period=period_title(Month.of(comment.period)),
            state=state_tag(comment),
            events=[
                EventView(
                    state=event.get_state_display(),
                    who=person_name(event.by),
                    at=event.at,
                    reason=event.reason,
                )
                for event in comment.events.all()
            ],
        )
        for comment in comments
    ]


@dataclass(frozen=True)
class IndicatorPage:
    indicator: Indicator
    header: list[tuple[str, str]]
    year: int | None
    year_label: str
    year_choices: list[tuple[int, str]]
    grid: list[GridCell]
    travel: TravelView | None
    chart: TrendChart | None
    milestone: MilestoneView | None
    comments: list[CommentView]
    history: list[HistoryEntry]
    comment_month: Month | None
    """The month a new comment is written for: the latest actual shown (a milestone: now)."""
    comment_title: str
    """That month as the commentary pages name it (period_title)."""
    history_limit: int = HISTORY_LIMIT


def indicator_page(facts: IndicatorFacts, *, scheme: Scheme, today: date) -> IndicatorPage:
    indicator, values = facts.indicator, facts.values
    months = year_grid(indicator, values) if values is not None else []
    travel = latest_travel(indicator, values) if values is not None else None
    milestone = indicator.kind == Indicator.Kind.MILESTONE
    comment_month = Month.of(today) if milestone else facts.years.latest_actual
    chosen = travel.month if travel else comment_month
    cells = grid_cells(indicator, months, scheme)
    return IndicatorPage(
        indicator=indicator,
        header=header_rows(indicator),
        year=values.start_year if values is not None else None,
        year_label=fy_label(values.start_year) if values is not None else "",
        year_choices=[(year, fy_label(year)) for year in reversed(facts.years.years)],
        grid=list(cells.values()),
        travel=travel_view(indicator, travel, values, cells) if travel and values else None,
        chart=trend_chart(indicator, values, months) if values is not None else None,
        milestone=milestone_view(indicator, scheme, today) if milestone else None,
        comments=comment_views(facts.comments),
        history=history_entries(facts.history),
        comment_month=chosen,
        comment_title=period_title(chosen) if chosen else "",
    )
