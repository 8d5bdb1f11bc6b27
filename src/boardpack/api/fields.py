"""Field types the API's schemas share: numbers as JSON numbers, and text a person typed."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import PlainSerializer


class _UserText:
    """Marks a field whose text a person typed: neutralised in CSV (listing.csv_text)."""


USER_TEXT = _UserText()
UserText = Annotated[str, USER_TEXT]
UserTexts = Annotated[list[str], USER_TEXT]


def _number(value: Decimal) -> int | float:
    """A stored figure (six decimal places in the database) as the JSON number it is."""
    normal = value.normalize()
    return int(normal) if normal == normal.to_integral_value() else float(normal)


Number = Annotated[Decimal, PlainSerializer(_number, return_type=float, when_used="json")]
