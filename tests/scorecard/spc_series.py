"""An indicator with a hand-written series of actuals (and targets), for the SPC tests."""

from decimal import Decimal

from boardpack.core.periods import Month
from boardpack.scorecard.models import Actual, Indicator, Target
from tests.factories import ActualFactory, IndicatorFactory, TargetFactory

ALTERNATING = [10, 12] * 6
"""Mean 11, average moving range 2: process limits 5.68 and 16.32, near 7.4533 and 14.5467."""
FIRST = Month(2020, 4)


def months(count: int, first: Month = FIRST) -> list[Month]:
    return [first.shift(i) for i in range(count)]


def series_indicator(
    code: str,
    values: list[object],
    *,
    polarity: str = "bigger",
    targets: dict[Month, object] | None = None,
    first: Month = FIRST,
    **fields: object,
) -> Indicator:
    """A monthly indicator whose actuals are `values` from `first` on, in order."""
    indicator = IndicatorFactory(
        code=code, directorate__name="SPC tests", polarity=polarity, **fields
    )
    Actual.objects.bulk_create(
        ActualFactory.build(indicator=indicator, period=m.end, value=Decimal(str(v)))
        for m, v in zip(months(len(values), first), values, strict=True)
    )
    Target.objects.bulk_create(
        TargetFactory.build(indicator=indicator, period=m.end, value=Decimal(str(v)))
        for m, v in (targets or {}).items()
    )
    return indicator
