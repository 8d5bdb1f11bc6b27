"""Reads of the scorecard: each indicator's effective target, status and direction for a month."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import CharField, FloatField, Q, QuerySet
from django.db.models.functions import Cast

from boardpack.accounts.models import OrgUnit, Person
from boardpack.core.periods import Month, fy_months
from boardpack.core.status import (
    EXCEPTIONS,
    Direction,
    Status,
    compute_status,
    direction_of_travel,
    effective_target,
    milestone_status,
)
from boardpack.core.symbols import Scheme, Symbol, get_scheme
from boardpack.scorecard.models import Actual, Comment, DataVersion, Indicator, Tag, Target
from boardpack.scorecard.spc.selectors import SpcSummary, spc_summaries

FREQUENCY_STEP = {
    Indicator.Frequency.MONTHLY: 1,
    Indicator.Frequency.QUARTERLY: 3,
    Indicator.Frequency.ANNUAL: 12,
}


@dataclass(frozen=True)
class StatusRow:
    indicator: Indicator
    month: Month
    actual: Decimal | None
    provisional: bool
    target: Decimal | None
    status: Status
    symbol: Symbol
    vs_previous: Direction
    vs_last_year: Direction
    commentary_due: bool
    has_comment: bool


def judge(
    indicator: Indicator, month: Month, actual: Decimal | None, targets: Mapping[Month, Decimal]
) -> tuple[Decimal | None, Status]:
    """The target that applies to the month and the status: the one place the core rules are
    put together for an indicator (a milestone is judged by its dates instead)."""
    target = effective_target(targets, month, cumulative=indicator.cumulative)
    if indicator.kind == Indicator.Kind.MILESTONE:
        return target, milestone_status(
            due=indicator.due_date, completed=indicator.completed_date, as_of=month.end
        )
    return target, compute_status(
        actual=actual,
        target=target,
        polarity=indicator.polarity_rule,
        worse=indicator.worse_band,
        better=indicator.better_band,
    )


def reporting_step(indicator: Indicator) -> int:
    """Months between two of the indicator's reporting periods."""
    return FREQUENCY_STEP.get(indicator.frequency, 1)  # type: ignore[call-overload]


def reports_in(frequency: str, month: Month) -> bool:
    """Whether an indicator of this frequency reports a value for the month: a monthly one
    every month, a quarterly one at the quarter ends, an annual one in March (the year end)."""
    step = FREQUENCY_STEP.get(frequency, 1)  # type: ignore[call-overload]
    return bool(month.fy_index % step == step - 1)


def previous_period(indicator: Indicator, month: Month) -> Month | None:
    """The period a month's actual is compared with for direction of travel.

    One reporting period back; none for a cumulative (year-to-date) indicator at the start of
    its financial year, whose figure cannot be compared with last year's full-year total.
    """
    previous = month.shift(-reporting_step(indicator))
    if indicator.cumulative and previous.fy_start_year != month.fy_start_year:
        return None
    return previous


def current_scheme() -> Scheme:
    return get_scheme(settings.BOARDPACK_STATUS_SCHEME)


def indicators_for_scorecard() -> QuerySet[Indicator]:
    """With what every status row shows; a reader that prints plan tags prefetches them."""
    return Indicator.objects.select_related("directorate", "service", "owner")


def _values_by_indicator(
    rows: Iterable[tuple[Any, ...]],
) -> dict[int, dict[Month, tuple[Any, ...]]]:
    """(indicator id, period, value, …) rows as {indicator id: {month: (value, …)}}.

    Plain tuples, not model instances: the scorecard reads thousands of values per page.
    """
    months: dict[Any, Month] = {}
    found: dict[int, dict[Month, tuple[Any, ...]]] = defaultdict(dict)
    for indicator_id, period, *rest in rows:
        month = months.get(period) or months.setdefault(period, Month.of(period))
        found[indicator_id][month] = tuple(rest)
    return found


def status_rows(
    month: Month, *, indicators: QuerySet[Indicator] | None = None, scheme: Scheme | None = None
) -> list[StatusRow]:
    """One row per indicator for the month. Five queries, however many indicators."""
    scheme = scheme or current_scheme()
    chosen = list(indicators if indicators is not None else indicators_for_scorecard())
    ids = [i.pk for i in chosen]
    year = fy_months(month.fy_start_year)
    targets = _values_by_indicator(
        Target.objects.filter(
            indicator_id__in=ids, period__gte=year[0].end, period__lte=year[-1].end
        ).values_list("indicator_id", "period", "value")
    )
    wanted = {month.end, *(month.shift(-s).end for s in (1, 3, 12))}
    actuals = _values_by_indicator(
        Actual.objects.filter(indicator_id__in=ids, period__in=wanted).values_list(
            "indicator_id", "period", "value", "provisional"
        )
    )
    commented = set(
        Comment.objects.filter(indicator_id__in=ids, period=month.end).values_list(
            "indicator_id", flat=True
        )
    )
    rows = []
    for indicator in chosen:
        own_actuals = actuals.get(indicator.pk, {})
        stored = own_actuals.get(month)
        actual = stored[0] if stored else None
        target_values = {m: value for m, (value,) in targets.get(indicator.pk, {}).items()}
        target, status = judge(indicator, month, actual, target_values)

        def value_at(when: Month | None, values: dict[Month, Any] = own_actuals) -> Decimal | None:
            found = values.get(when) if when else None
            return found[0] if found else None

        rows.append(
            StatusRow(
                indicator=indicator,
                month=month,
                actual=actual,
                provisional=bool(stored and stored[1]),
                target=target,
                status=status,
                symbol=scheme.symbol(status),
                vs_previous=direction_of_travel(
                    actual, value_at(previous_period(indicator, month)), indicator.polarity_rule
                ),
                vs_last_year=direction_of_travel(
                    actual, value_at(month.year_before()), indicator.polarity_rule
                ),
                commentary_due=status in EXCEPTIONS,
                has_comment=indicator.pk in commented,
            )
        )
    return rows


def row_summaries(rows: Sequence[StatusRow]) -> dict[int, SpcSummary]:
    """The SPC icons of the rows' indicators for their month, by indicator id: the rows'
    targets are those of the month, so only an earlier last point's target is read."""
    if not rows:
        return {}
    targets = {r.indicator.pk: r.target for r in rows}
    return spc_summaries([r.indicator for r in rows], rows[0].month, targets=targets)


SPARK_PERIODS = 12
"""How many reporting periods a scorecard row's sparkline shows, the row's own the last."""


def recent_values(rows: Sequence[StatusRow]) -> dict[int, list[float | None]]:
    """The actuals of each row's last SPARK_PERIODS reporting periods (a quarterly indicator's
    quarters, an annual one's years), oldest first, None where a period has none, by indicator id;
    one query for the page, read as plain text and floats (a sparkline needs no Decimal). A
    milestone has no series and is left out."""
    series = [r for r in rows if r.indicator.kind != Indicator.Kind.MILESTONE]
    if not series:
        return {}
    month = series[0].month
    ids_of: dict[int, list[int]] = defaultdict(list)
    for row in series:
        ids_of[reporting_step(row.indicator)].append(row.indicator.pk)
    days_of = {
        step: [month.shift(-step * back).end for back in range(SPARK_PERIODS - 1, -1, -1)]
        for step in ids_of
    }
    window = Q()
    for step, ids in ids_of.items():
        window |= Q(indicator_id__in=ids, period__gte=days_of[step][0])
    found = {
        (indicator, period): value
        for indicator, period, value in Actual.objects.filter(window, period__lte=month.end)
        .order_by()
        .values_list("indicator_id", Cast("period", CharField()), Cast("value", FloatField()))
    }
    keys = {step: [day.isoformat() for day in days] for step, days in days_of.items()}
    return {
        pk: [found.get((pk, day)) for day in keys[step]]
        for step, ids in ids_of.items()
        for pk in ids
    }


def data_version() -> str | None:
    """The token the database replaces on every write the scorecard page could show; none
    while the table is empty (just after a flush), when nothing may be cached."""
    return DataVersion.objects.filter(pk=1).values_list("token", flat=True).first()


def actual_months() -> list[Month]:
    """Every month that has an actual, oldest first."""
    periods = Actual.objects.order_by("period").values_list("period", flat=True).distinct()
    return [Month.of(p) for p in periods]


@dataclass(frozen=True)
class ScorecardQuery:
    month: Month
    director: OrgUnit | None = None
    service: OrgUnit | None = None
    tag: Tag | None = None
    owner: Person | None = None
    status: str = ""
    """A symbol key of the scheme, e.g. red-diamond."""
    sort: str = ""
    """A column (code, title, owner, actual, target, status), '-' first for descending."""
    special_cause: bool = False
    """Only the indicators whose last point is special cause (docs/spc.md)."""


SORT_KEYS: dict[str, Callable[[StatusRow], Any]] = {
    "code": lambda r: r.indicator.code,
    "title": lambda r: r.indicator.title.lower(),
    "owner": lambda r: r.indicator.owner.name if r.indicator.owner else "",
    "actual": lambda r: (r.actual is None, r.actual or 0),
    "target": lambda r: (r.target is None, r.target or 0),
}


def _sort_key(column: str, scheme: Scheme) -> Callable[[StatusRow], Any]:
    """Status sorts in the scheme's section order (worst first); other columns by value."""
    if column == "status":
        rank = {key: i for i, key in enumerate(scheme.section_order)}
        return lambda r: rank.get(r.symbol.key, len(rank))
    return SORT_KEYS[column]


def scorecard_rows(query: ScorecardQuery, *, scheme: Scheme) -> list[StatusRow]:
    """The rows the scorecard shows for a query: filtered, then sorted if asked."""
    indicators = indicators_for_scorecard()
    for field, value in (
        ("directorate", query.director),
        ("service", query.service),
        ("tags", query.tag),
        ("owner", query.owner),
    ):
        if value is not None:
            indicators = indicators.filter(**{field: value})
    rows = status_rows(query.month, indicators=indicators, scheme=scheme)
    if query.status:
        rows = [r for r in rows if r.symbol.key == query.status]
    if query.special_cause:
        found = row_summaries(rows)
        rows = [r for r in rows if found[r.indicator.pk].special_cause]
    if query.sort:
        key = _sort_key(query.sort.lstrip("-"), scheme)
        rows = sorted(rows, key=key, reverse=query.sort.startswith("-"))
    return rows
