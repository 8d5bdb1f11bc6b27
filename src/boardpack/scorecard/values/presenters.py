"""What the pages of values show around the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from boardpack.core.periods import Month, fy_label
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.values.selectors import Cell

PERIODS: dict[str, tuple[str, str, Callable[[Month], str]]] = {
    Indicator.Frequency.QUARTERLY: ("Quarter", "Quarters of {}", lambda m: m.quarter_label),
    Indicator.Frequency.ANNUAL: ("Year", "The year {}", lambda m: f"{m.fy_label} (to {m.label})"),
}
"""How an indicator's periods are called, by how often it reports: the column heading, the
table's caption and each period's name; monthly otherwise."""
MONTHLY: tuple[str, str, Callable[[Month], str]] = ("Month", "Months of {}", lambda m: m.label)


def period_name(indicator: Indicator) -> Callable[[Cell], str]:
    """Each cell's name in its labels and errors: Jun 2012, Quarter 1 2012/13, 2012/13."""
    name = PERIODS.get(indicator.frequency, MONTHLY)[2]
    return lambda cell: name(cell.month)


def year_context(indicator: Indicator, year: int) -> dict[str, Any]:
    """One indicator's financial year, with the years either side to move to, and what its
    periods are called (it shows only the months it reports in)."""
    heading, caption, _ = PERIODS.get(indicator.frequency, MONTHLY)
    return {
        "indicator": indicator,
        "year": year,
        "year_label": fy_label(year),
        "previous": (year - 1, fy_label(year - 1)),
        "next": (year + 1, fy_label(year + 1)),
        "period_heading": heading,
        "period_caption": caption.format(fy_label(year)),
    }
