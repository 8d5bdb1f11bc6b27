"""The calculated-indicators page, composing two sibling apps that must not import each other.

``calculated_links``: each indicator with the measure it is calculated from
(calculated_indicators) and its latest calculated value beside the figure the DfE published for
this authority for the same year, with the difference (benchmarks, through reports.reconcile).
Performance officers only; anyone else is refused (403).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from boardpack.accounts.permissions import officer_required
from boardpack.calc.periods import Period
from boardpack.calculated_indicators.models import CalculatedValue
from boardpack.calculated_indicators.selectors import latest_values, linkable_indicators
from boardpack.core.periods import Month
from boardpack.core.units import Unit, format_value
from boardpack.reports.reconcile import Beside, beside_values
from boardpack.scorecard.models import Indicator


@dataclass(frozen=True)
class Row:
    indicator: Indicator
    value: CalculatedValue | None = None
    beside: Beside | None = None

    @property
    def calculated(self) -> str:
        """'84.62%', to two places as calculated; '' when nothing is."""
        if self.value is None:
            return ""
        return format_value(self.value.value, Unit(self.indicator.unit), 2)

    @property
    def period(self) -> str:
        return Period(Month.of(self.value.month)).label if self.value is not None else ""


@officer_required
@require_GET
def calculated_links(request: HttpRequest) -> HttpResponse:
    indicators = list(linkable_indicators())
    values = latest_values([i.pk for i in indicators])
    beside = beside_values({k: (v.measure_id, v.month, v.value) for k, v in values.items()})
    rows = [Row(i, values.get(i.pk), beside.get(i.pk)) for i in indicators]
    return render(request, "calculated/links.html", {"indicators": indicators, "rows": rows})
