"""The indicator page's SPC panel: the chart of the series up to the end of the financial year
shown, and for a performance officer the baseline form."""

from __future__ import annotations

from typing import Any

from boardpack.core.periods import fy_months
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.spc.charts import spc_chart_view
from boardpack.scorecard.spc.forms import BaselineForm
from boardpack.scorecard.spc.selectors import indicator_spc


def spc_panel(indicator: Indicator, year: int | None, *, officer: bool) -> dict[str, Any]:
    """The page's `spc` (none for a milestone or before any value) and `baseline_form`."""
    if indicator.kind == Indicator.Kind.MILESTONE or year is None:
        return {"spc": None, "baseline_form": None}
    chart = indicator_spc(indicator, month=fy_months(year)[-1])
    form = BaselineForm(initial={"baseline": indicator.spc_baseline}) if officer else None
    return {"spc": spc_chart_view(chart), "baseline_form": form}
