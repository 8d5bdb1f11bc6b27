"""The provenance panel of an indicator's page: where its latest calculated actual of the year
shown came from (measure, fraction, period, engine, input files, when and who). Two queries."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from boardpack.calc.engine import MEASURES
from boardpack.calc.periods import Period
from boardpack.calculated_indicators.models import CalculatedValue
from boardpack.calculated_indicators.selectors import latest_calculated, measure_link
from boardpack.core.periods import Month, fy_label
from boardpack.core.units import Unit, format_value
from boardpack.scorecard.models import Indicator

HASH_SHOWN = 12


@dataclass(frozen=True)
class ProvenancePanel:
    year_label: str
    linked: str  # the measure the indicator is calculated from now, '' when none
    value: CalculatedValue | None = None
    measure: str = ""  # the measure that computed the value, with its title
    shown_value: str = ""
    fraction: str = ""
    period: str = ""
    inputs: tuple[tuple[str, str], ...] = ()  # (file, shortened SHA-256)
    who: str = ""
    replaced_by: str = ""  # the actual stored now, where it is no longer the calculated value


def _titled(measure_id: str) -> str:
    measure = MEASURES.get(measure_id)
    return f"{measure_id}: {measure.title}" if measure else measure_id


def provenance_panel(indicator: Indicator, year: int | None) -> ProvenancePanel | None:
    """None for an indicator neither linked to a measure nor holding a calculated value."""
    if indicator.kind != Indicator.Kind.MEASURE:
        return None
    link = measure_link(indicator)
    value = latest_calculated(indicator, year) if year is not None else None
    if link is None and value is None:
        return None
    year_label = fy_label(year) if year is not None else "any year"
    linked = _titled(link.measure_id) if link else ""
    if value is None:
        return ProvenancePanel(year_label, linked)
    unit, decimals = Unit(indicator.unit), indicator.decimals
    stored: Decimal | None = getattr(value, "stored", None)
    calculation = value.calculation
    month = Month.of(value.month)
    period = Period(month)
    fraction = f"{value.numerator:,}"
    if value.denominator is not None:
        fraction += f" / {value.denominator:,}"
    user = calculation.run_by
    who = f"{user.get_username()}, " if user is not None else ""
    return ProvenancePanel(
        year_label=year_label,
        linked=linked,
        value=value,
        measure=_titled(value.measure_id),
        shown_value=f"{format_value(value.value, unit, decimals)} for {month.label}",
        fraction=fraction,
        period=f"{period.label}: {period.start:%-d %B %Y} to {period.end:%-d %B %Y}",
        inputs=tuple((name, digest[:HASH_SHOWN]) for name, digest in calculation.inputs.items()),
        who=f"{who}{calculation.command}",
        replaced_by=""
        if stored is not None and stored == value.value
        else format_value(stored, unit, decimals) or "no actual",
    )
