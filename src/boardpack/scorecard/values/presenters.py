"""What the pages of values show around the form."""

from __future__ import annotations

from typing import Any

from boardpack.core.periods import fy_label
from boardpack.scorecard.models import Indicator


def year_context(indicator: Indicator, year: int) -> dict[str, Any]:
    """One indicator's financial year, with the years either side to move to."""
    return {
        "indicator": indicator,
        "year": year,
        "year_label": fy_label(year),
        "previous": (year - 1, fy_label(year - 1)),
        "next": (year + 1, fy_label(year + 1)),
    }
