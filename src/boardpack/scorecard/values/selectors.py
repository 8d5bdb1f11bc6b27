"""Reads for entering values: the stored cells of a form and the status they give.

A cell is one indicator and month: its stored actual, provisional flag and own target, and the
targets of its financial year (from which the effective target and the status come).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from boardpack.accounts.models import OrgUnit
from boardpack.accounts.selectors import saved_by
from boardpack.core.periods import Month, fy_months
from boardpack.core.status import Status
from boardpack.scorecard.models import Actual, Indicator, Target
from boardpack.scorecard.selectors import judge


@dataclass(frozen=True)
class Cell:
    indicator: Indicator
    month: Month
    actual: Decimal | None
    provisional: bool
    target: Decimal | None
    targets: Mapping[Month, Decimal]
    """The indicator's stored targets, at least those of the month's financial year."""

    @property
    def key(self) -> str:
        """Names the cell's inputs: '12-2012-06' for indicator 12, June 2012."""
        return f"{self.indicator.pk}-{self.month.key}"

    def status(self, *, actual: Decimal | None = None, target: Decimal | None = None) -> Status:
        """The status as stored, or as it would be with a typed actual or target.

        A typed value of None leaves the stored one, as saving a blank box does.
        """
        targets = dict(self.targets)
        if target is not None:
            targets[self.month] = target
        return judge(
            self.indicator, self.month, actual if actual is not None else self.actual, targets
        )[1]


def value_indicators(editable: QuerySet[Indicator]) -> QuerySet[Indicator]:
    """The indicators of a user's scope that take monthly values (milestones do not)."""
    return editable.filter(kind=Indicator.Kind.MEASURE)


def value_cells(indicators: list[Indicator], months: list[Month]) -> list[Cell]:
    """A cell per indicator and month, indicator by indicator. Two queries, however many; the
    values read as plain tuples (pages of a thousand cells)."""
    ids = [i.pk for i in indicators]
    years = {m.fy_start_year for m in months}
    first, last = fy_months(min(years))[0], fy_months(max(years))[-1]
    targets: dict[int, dict[Month, Decimal]] = defaultdict(dict)
    for indicator_id, period, value in Target.objects.filter(
        indicator_id__in=ids, period__gte=first.end, period__lte=last.end
    ).values_list("indicator_id", "period", "value"):
        targets[indicator_id][Month.of(period)] = value
    actuals = {
        (indicator_id, Month.of(period)): (value, provisional)
        for indicator_id, period, value, provisional in Actual.objects.filter(
            indicator_id__in=ids, period__in=[m.end for m in months]
        ).values_list("indicator_id", "period", "value", "provisional")
    }
    cells = []
    for indicator in indicators:
        own = targets[indicator.pk]
        for month in months:
            actual = actuals.get((indicator.pk, month))
            cells.append(
                Cell(
                    indicator=indicator,
                    month=month,
                    actual=actual[0] if actual else None,
                    provisional=actual[1] if actual else False,
                    target=own.get(month),
                    targets=own,
                )
            )
    return cells


def service_cells(indicators: QuerySet[Indicator], service: OrgUnit, month: Month) -> list[Cell]:
    """A cell per indicator of the service for the month, by code."""
    return value_cells(list(indicators.filter(service=service).order_by("code")), [month])


def this_month() -> Month:
    return Month.of(timezone.localdate())


def latest_year(indicator: Indicator) -> int:
    """The financial year of the indicator's latest actual, else the current one."""
    latest = Actual.objects.filter(indicator=indicator).order_by("-period").first()
    return (latest.month if latest else this_month()).fy_start_year


def value_services(indicators: QuerySet[Indicator]) -> QuerySet[OrgUnit]:
    """The services that hold at least one of these indicators."""
    return OrgUnit.objects.filter(
        kind=OrgUnit.Kind.SERVICE, service_indicators__in=indicators
    ).distinct()


def entry_months() -> list[Month]:
    """Months a value may be entered for, newest first: every financial year with actuals
    and the current one."""
    periods = Actual.objects.order_by().values_list("period", flat=True).distinct()
    years = {Month.of(p).fy_start_year for p in periods} | {this_month().fy_start_year}
    return [m for year in sorted(years, reverse=True) for m in reversed(fy_months(year))]


def latest_actual_month() -> Month:
    latest = Actual.objects.order_by("-period").values_list("period", flat=True).first()
    return Month.of(latest) if latest else this_month()


def stored_months(indicator: Indicator, first: Month | None, last: Month | None) -> list[Month]:
    """The months from `first` to `last` (either open) holding the indicator's actual or
    target, oldest first: one query."""
    span: dict[str, object] = {"indicator": indicator}
    if first is not None:
        span["period__gte"] = first.end
    if last is not None:
        span["period__lte"] = last.end
    actuals = Actual.objects.filter(**span).order_by().values_list("period", flat=True)
    targets = Target.objects.filter(**span).order_by().values_list("period", flat=True)
    return sorted(Month.of(p) for p in actuals.union(targets))


def who_set(cell: Cell, part: str) -> str:
    """Who last set the cell's actual or target (part), and when, for a refusal: one query,
    only when a save is refused."""
    model = Actual if part == "actual" else Target
    row = (
        model.objects.filter(indicator=cell.indicator, period=cell.month.end)
        .select_related("set_by__person")
        .first()
    )
    if row is None:
        return "someone (it has since been removed)"
    return saved_by(row.set_by, row.set_at, nobody=row.source)
