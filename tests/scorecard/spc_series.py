"""An indicator with a hand-written series of actuals (and targets), for the SPC tests."""

from decimal import Decimal

from django.utils import timezone

from boardpack.accounts.models import OrgUnit
from boardpack.core.periods import Month
from boardpack.scorecard.models import Actual, Indicator, Source, Target

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
    directorate, _ = OrgUnit.objects.get_or_create(name="SPC tests", kind=OrgUnit.Kind.DIRECTORATE)
    indicator = Indicator.objects.create(
        code=code, title=f"Indicator {code}", directorate=directorate, polarity=polarity, **fields
    )
    stamp = {"source": Source.FORM, "set_at": timezone.now()}
    Actual.objects.bulk_create(
        Actual(indicator=indicator, period=m.end, value=Decimal(str(v)), **stamp)
        for m, v in zip(months(len(values), first), values, strict=True)
    )
    Target.objects.bulk_create(
        Target(indicator=indicator, period=m.end, value=Decimal(str(v)), **stamp)
        for m, v in (targets or {}).items()
    )
    return indicator
