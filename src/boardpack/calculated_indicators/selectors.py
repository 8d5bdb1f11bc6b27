"""Reads of calculated indicators, each a fixed number of queries."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery

from boardpack.calculated_indicators.models import CalculatedValue, MeasureLink
from boardpack.core.periods import Month, fy_months
from boardpack.scorecard.models import Actual, Indicator


def linkable_indicators() -> QuerySet[Indicator]:
    """Indicators that can be calculated (measures, not milestones), with their link: one query."""
    return (
        Indicator.objects.filter(kind=Indicator.Kind.MEASURE)
        .select_related("measure_link")
        .order_by("code")
    )


def measure_link(indicator: Indicator) -> MeasureLink | None:
    return MeasureLink.objects.filter(indicator=indicator).first()


def _with_stored() -> QuerySet[CalculatedValue]:
    """Calculated values with their calculation and, as ``stored``, the actual stored for their
    month now."""
    stored = Actual.objects.filter(indicator=OuterRef("indicator"), period=OuterRef("month"))
    return CalculatedValue.objects.select_related("calculation", "calculation__run_by").annotate(
        stored=Subquery(stored.values("value")[:1])
    )


def latest_calculated(indicator: Indicator, year: int) -> CalculatedValue | None:
    """The latest value calculated for a month of the financial year starting in April ``year``
    (the latest month, then the latest run), with its calculation and, as ``stored``, the actual
    stored for that month now: one query."""
    months = fy_months(year)
    return (
        _with_stored()
        .filter(indicator=indicator, month__gte=months[0].end, month__lte=months[-1].end)
        .order_by("-month", "-calculation__at", "-pk")
        .first()
    )


def calculated_in_month(month: Month) -> list[CalculatedValue]:
    """Each indicator's latest calculated value for the month (from the latest run), by code,
    with its indicator, calculation and ``stored`` actual: one query."""
    values = (
        _with_stored()
        .select_related("indicator")
        .filter(month=month.end)
        .order_by("indicator__code", "-calculation__at", "-pk")
    )
    latest: dict[int, CalculatedValue] = {}
    for value in values:
        latest.setdefault(value.indicator_id, value)  # type: ignore[attr-defined]
    return list(latest.values())


def latest_values(indicator_ids: list[int]) -> dict[int, CalculatedValue]:
    """Each indicator's latest calculated value (the latest month, then the latest run), by
    indicator id: one query."""
    newest = (
        CalculatedValue.objects.filter(indicator=OuterRef("indicator"))
        .order_by("-month", "-calculation__at", "-pk")
        .values("pk")[:1]
    )
    rows = CalculatedValue.objects.filter(indicator_id__in=indicator_ids, pk=Subquery(newest))
    return {value.indicator_id: value for value in rows}  # type: ignore[attr-defined]
