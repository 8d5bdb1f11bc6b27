"""Units of measure and how values are written."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum


class Unit(StrEnum):
    PERCENT = "%"
    NUMBER = "number"
    RATE_PER_10K = "per 10,000"
    RATIO = "ratio"
    DAYS = "days"
    NONE = ""


def format_value(value: Decimal | None, unit: Unit, decimals: int) -> str:
    """37.47, 90.4%, 520 — rounded half up to the indicator's decimal places."""
    if value is None:
        return ""
    quantum = Decimal(1).scaleb(-decimals)
    text = f"{value.quantize(quantum, rounding=ROUND_HALF_UP):,f}"
    return f"{text}%" if unit is Unit.PERCENT else text
