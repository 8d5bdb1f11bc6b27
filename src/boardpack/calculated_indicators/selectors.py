"""Reads of calculated indicators, each a fixed number of queries."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery

from boardpack.calculated_indicators.models import CalculatedValue, MeasureLink
from boardpack.core.periods import fy_months
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


def latest_calculated(indicator: Indicator, year: int) -> CalculatedValue | None:
    """The latest value calculated for a month of the financial year starting in April ``year``
    (the latest month, then the latest run), with its calculation and, as ``stored``, the actual
    stored for that month now: one query."""
    months = fy_months(year)
    stored = Actual.objects.filter(indicator=OuterRef("indicator"), period=OuterRef("month"))
    return (
        CalculatedValue.objects.select_related("calculation", "calculation__run_by")
        .filter(indicator=indicator, month__gte=months[0].end, month__lte=months[-1].end)
        .annotate(stored=Subquery(stored.values("value")[:1]))
        .order_by("-month", "-calculation__at", "-pk")
        .first()
    )


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
