"""Writes of calculated indicators: the measure links, and a calculation recorded as actuals.

A calculation's values go into the scorecard through scorecard.services.values_record, as
source "calculation", so they carry the same history as typed or imported values; the same
inputs for the same period give the same values, which values_record leaves unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from django.db import transaction
from django.utils import timezone

from boardpack.calc.engine import MEASURES, Measure, Result
from boardpack.calc.periods import Period
from boardpack.calculated_indicators.models import CalculatedValue, Calculation, MeasureLink
from boardpack.core.units import Unit
from boardpack.lib.audit import User, account, audited
from boardpack.scorecard.models import Indicator, Source
from boardpack.scorecard.services import ValueEntry, values_record

UNITS: Final[dict[str, Unit]] = {
    "percent": Unit.PERCENT,
    "rate per 10,000": Unit.RATE_PER_10K,
    "count": Unit.NUMBER,
    "days": Unit.DAYS,
}


class LinkError(ValueError):
    """A link the rules do not allow."""


def _measure(indicator: Indicator, measure_id: str) -> Measure:
    measure = MEASURES.get(measure_id)
    if measure is None:
        raise LinkError(f"{measure_id!r} is not a measure: use one of {', '.join(MEASURES)}")
    if indicator.kind != Indicator.Kind.MEASURE:
        raise LinkError(f"{indicator.code} is a milestone: it has no values to calculate")
    wanted = UNITS[measure.unit]
    if indicator.unit not in ("", wanted.value):
        shown = indicator.get_unit_display()  # type: ignore[attr-defined]
        raise LinkError(
            f"{measure.id} is a {measure.unit} but {indicator.code}'s unit is {shown}: "
            "link an indicator of the same unit"
        )
    return measure


@transaction.atomic
def measure_link_save(*, indicator: Indicator, measure_id: str, user: User) -> str:
    """Calculate the indicator from the measure, or from none when ``measure_id`` is blank (the
    values already recorded stay); returns created, changed, removed or unchanged."""
    link = MeasureLink.objects.select_for_update().filter(indicator=indicator).first()
    if not measure_id:
        if link is None:
            return "unchanged"
        audited(link, user)
        link.delete()
        return "removed"
    measure = _measure(indicator, measure_id)
    if link is not None and link.measure_id == measure.id:
        return "unchanged"
    outcome = "created" if link is None else "changed"
    link = link or MeasureLink(indicator=indicator)
    link.measure_id = measure.id
    audited(link, user)
    link.save()
    return outcome


@dataclass(frozen=True)
class Recorded:
    calculation: Calculation
    counts: dict[str, int]  # actuals created, updated, unchanged
    values: int  # values recorded (one per linked indicator of a computable measure)
    unlinked: tuple[str, ...]  # computable measures no indicator is linked to
    not_written: tuple[str, ...]  # linked measures not computable: their actuals are left alone


@transaction.atomic
def calculation_record(
    *,
    results: list[Result],
    period: Period,
    inputs: dict[str, str],
    engine_version: str,
    command: str,
    user: User,
) -> Recorded:
    """Record the computable results as the actuals of the indicators linked to them, with the
    provenance of the run beside each value."""
    calculation = Calculation.objects.create(
        at=timezone.now(),
        period_start=period.start,
        period_end=period.end,
        engine_version=engine_version,
        inputs=inputs,
        command=command[: Calculation._meta.get_field("command").max_length],
        run_by=account(user),
    )
    by_id = {r.measure: r for r in results}
    links = list(
        MeasureLink.objects.select_related("indicator").filter(measure_id__in=by_id.keys())
    )
    written = [link for link in links if by_id[link.measure_id].computable]
    entries = [
        ValueEntry(
            code=link.indicator.code,
            month=period.last,
            actual=by_id[link.measure_id].value,
            target=None,
            provisional=False,
        )
        for link in written
    ]
    counts = values_record(
        entries=entries,
        user=user,
        source=Source.CALCULATION,
        source_ref=f"calculation {calculation.pk}: {period.key}",
    )
    CalculatedValue.objects.bulk_create(
        CalculatedValue(
            calculation=calculation,
            indicator=link.indicator,
            month=period.end,
            measure_id=link.measure_id,
            numerator=by_id[link.measure_id].numerator or 0,
            denominator=by_id[link.measure_id].denominator,
            value=by_id[link.measure_id].value,
        )
        for link in written
    )
    linked = {link.measure_id for link in links}
    return Recorded(
        calculation=calculation,
        counts=counts,
        values=len(written),
        unlinked=tuple(r.measure for r in results if r.computable and r.measure not in linked),
        not_written=tuple(
            sorted({link.measure_id for link in links if not by_id[link.measure_id].computable})
        ),
    )
