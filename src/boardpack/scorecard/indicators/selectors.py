"""Reads for one indicator's page: its years of data, values, commentary and change history.

Each read is a fixed number of queries, however many values, comments or history rows exist.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Model, OuterRef, Prefetch, QuerySet, Subquery

from boardpack.core.periods import Month, fy_months
from boardpack.core.status import (
    Direction,
    Status,
    direction_of_travel,
)
from boardpack.scorecard.models import (
    Actual,
    Comment,
    CommentEvent,
    CommentState,
    Indicator,
    Target,
)
from boardpack.scorecard.selectors import judge, previous_period

HISTORY_LIMIT = 50


def readable_indicators() -> QuerySet[Indicator]:
    """Every signed-in person may read every indicator, with what its header shows."""
    return Indicator.objects.select_related("directorate", "service", "owner").prefetch_related(
        "tags"
    )


@dataclass(frozen=True)
class Years:
    """The financial years (by start year) that hold an actual or a target, oldest first."""

    years: list[int]
    latest_actual: Month | None

    @property
    def default(self) -> int | None:
        if self.latest_actual is not None:
            return self.latest_actual.fy_start_year
        return self.years[-1] if self.years else None


def indicator_years(indicator: Indicator) -> Years:
    actual_months = [
        Month.of(d) for d in Actual.objects.filter(indicator=indicator).dates("period", "month")
    ]
    target_months = [
        Month.of(d) for d in Target.objects.filter(indicator=indicator).dates("period", "month")
    ]
    years = sorted({m.fy_start_year for m in (*actual_months, *target_months)})
    return Years(years=years, latest_actual=max(actual_months, default=None))


@dataclass(frozen=True)
class YearValues:
    """Actuals and targets of a financial year and the year before it, by month."""

    start_year: int
    actuals: dict[Month, Actual]
    targets: dict[Month, Decimal]


def year_values(indicator: Indicator, start_year: int) -> YearValues:
    first, last = fy_months(start_year - 1)[0], fy_months(start_year)[-1]
    span = {"indicator": indicator, "period__gte": first.end, "period__lte": last.end}
    return YearValues(
        start_year=start_year,
        actuals={a.month: a for a in Actual.objects.filter(**span)},
        targets={t.month: t.value for t in Target.objects.filter(**span)},
    )


@dataclass(frozen=True)
class MonthFacts:
    """One month of the grid: what is stored, the target that applies and the status."""

    month: Month
    actual: Decimal | None
    provisional: bool
    target: Decimal | None
    """The target stored for this very month, as the seeds print it."""
    applied_target: Decimal | None
    """The target the status is judged against (see core.status.effective_target)."""
    status: Status | None
    """None where there is no actual: the grid leaves the symbol blank."""


def month_facts(indicator: Indicator, values: YearValues, month: Month) -> MonthFacts:
    stored = values.actuals.get(month)
    actual = stored.value if stored else None
    applied, judged = judge(indicator, month, actual, values.targets)
    status = judged if actual is not None else None
    return MonthFacts(
        month=month,
        actual=actual,
        provisional=bool(stored and stored.provisional),
        target=values.targets.get(month),
        applied_target=applied,
        status=status,
    )


def year_grid(indicator: Indicator, values: YearValues) -> list[MonthFacts]:
    """The twelve months of the chosen financial year, April first."""
    return [month_facts(indicator, values, m) for m in fy_months(values.start_year)]


@dataclass(frozen=True)
class Travel:
    """Direction of travel of the latest actual against the previous period and a year ago."""

    month: Month
    previous: Month | None
    vs_previous: Direction
    vs_last_year: Direction


def latest_travel(indicator: Indicator, values: YearValues) -> Travel | None:
    """For the chosen year's latest actual; the previous period follows the frequency."""
    months = [m for m in values.actuals if m.fy_start_year == values.start_year]
    if not months:
        return None
    month = max(months)
    previous = previous_period(indicator, month)

    def value(when: Month | None) -> Decimal | None:
        found = values.actuals.get(when) if when else None
        return found.value if found else None

    polarity = indicator.polarity_rule
    return Travel(
        month=month,
        previous=previous,
        vs_previous=direction_of_travel(value(month), value(previous), polarity),
        vs_last_year=direction_of_travel(value(month), value(month.year_before()), polarity),
    )


def indicator_comments(indicator: Indicator, *, drafts: bool) -> list[Comment]:
    """The indicator's commentary, newest period first, each with its workflow events.

    Without `drafts`, only approved commentary: what a reader of the board pack may see.
    """
    events = CommentEvent.objects.select_related("by__person").order_by("at", "pk")
    comments = Comment.objects.filter(indicator=indicator)
    if not drafts:
        comments = comments.filter(state=CommentState.APPROVED)
    return list(
        comments.select_related("author")
        .prefetch_related(Prefetch("events", queryset=events))
        .order_by("-period", "-set_at", "-pk")
    )


@dataclass(frozen=True)
class Revision:
    """One historical record with the record before it of the same object (None if created)."""

    kind: str
    """indicator, target, actual or comment."""
    record: Any
    previous: Any | None
    tags: tuple[str, ...] = field(default=())
    previous_tags: tuple[str, ...] = field(default=())


HISTORIES: tuple[tuple[str, type[Model], str, tuple[str, ...]], ...] = (
    ("indicator", Indicator, "id", ("directorate", "service", "owner")),
    ("target", Target, "indicator_id", ()),
    ("actual", Actual, "indicator_id", ()),
    ("comment", Comment, "indicator_id", ("author",)),
)
"""(kind, model, how its history names the indicator, foreign keys to show by name)."""


def _latest_records(
    model: type[Model], key: str, indicator: Indicator, related: tuple[str, ...], limit: int
) -> list[Any]:
    history = model.history.model  # type: ignore[attr-defined]
    before = history.objects.filter(
        id=OuterRef("id"), history_id__lt=OuterRef("history_id")
    ).order_by("-history_id")
    return list(
        history.objects.filter(**{key: indicator.pk})
        .select_related("history_user__person", *related)
        .annotate(previous_id=Subquery(before.values("history_id")[:1]))
        .order_by("-history_date", "-history_id")[:limit]
    )


def _records_by_id(model: type[Model], ids: set[int], related: tuple[str, ...]) -> dict[int, Any]:
    if not ids:
        return {}
    history = model.history.model  # type: ignore[attr-defined]
    return {
        r.history_id: r for r in history.objects.filter(history_id__in=ids).select_related(*related)
    }


def _tags_of(history_ids: set[int]) -> dict[int, tuple[str, ...]]:
    """The plan tags each historical indicator record had: one query for all of them."""
    if not history_ids:
        return {}
    through = Indicator.history.model.tags.model  # type: ignore[attr-defined]
    found: dict[int, list[str]] = defaultdict(list)
    rows = through.objects.filter(history_id__in=history_ids).values_list("history_id", "tag__code")
    for history_id, code in rows.order_by("tag__code"):
        found[history_id].append(code)
    return {key: tuple(codes) for key, codes in found.items()}


def indicator_history(
    indicator: Indicator, *, drafts: bool, limit: int = HISTORY_LIMIT
) -> list[Revision]:
    """The latest changes to the indicator, its targets, actuals and comments, newest first.

    Each kind's newest `limit` records are read with the id of the record before each (one
    query per kind), the records before them in one more query per kind, and the plan tags of
    indicator records in one: at most nine queries whatever the length of the history.
    """
    newest: list[tuple[str, Any]] = []
    for kind, model, key, related in HISTORIES:
        if kind == "comment" and not drafts:
            continue
        newest.extend((kind, r) for r in _latest_records(model, key, indicator, related, limit))
    order = {kind: index for index, (kind, *_) in enumerate(HISTORIES)}
    newest.sort(key=lambda e: (e[1].history_date, -order[e[0]], e[1].history_id), reverse=True)
    newest = newest[:limit]
    previous: dict[str, dict[int, Any]] = {}
    for kind, model, _, related in HISTORIES:
        wanted = {r.previous_id for k, r in newest if k == kind and r.previous_id is not None}
        previous[kind] = _records_by_id(model, wanted, related)
    indicator_ids = {r.history_id for k, r in newest if k == "indicator"}
    tags = _tags_of(indicator_ids | set(previous["indicator"]))
    revisions = []
    for kind, record in newest:
        before = previous[kind].get(record.previous_id) if record.previous_id else None
        revisions.append(
            Revision(
                kind=kind,
                record=record,
                previous=before,
                tags=tags.get(record.history_id, ()),
                previous_tags=tags.get(before.history_id, ()) if before is not None else (),
            )
        )
    return revisions


@dataclass(frozen=True)
class IndicatorFacts:
    """Everything the indicator page reads, for the chosen financial year (None: no values)."""

    indicator: Indicator
    years: Years
    values: YearValues | None
    comments: list[Comment]
    history: list[Revision]


def indicator_facts(
    indicator: Indicator, *, years: Years, year: int | None, drafts: bool
) -> IndicatorFacts:
    """`drafts`: whether the reader may see commentary before it is approved, and its history."""
    measure = indicator.kind != Indicator.Kind.MILESTONE
    return IndicatorFacts(
        indicator=indicator,
        years=years,
        values=year_values(indicator, year) if measure and year is not None else None,
        comments=indicator_comments(indicator, drafts=drafts),
        history=indicator_history(indicator, drafts=drafts),
    )
