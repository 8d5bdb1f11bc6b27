"""How values are written: rounded half up to the indicator's places, with a % where due."""

from decimal import Decimal

import pytest

from boardpack.core.units import Unit, format_value


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "expected"),
    [
        (Decimal("2.345"), Unit.NUMBER, 2, "2.35"),
        (Decimal("2.344"), Unit.NUMBER, 2, "2.34"),
        (Decimal("2.5"), Unit.NUMBER, 0, "3"),
        (Decimal("3.5"), Unit.NUMBER, 0, "4"),
        (Decimal("-2.345"), Unit.NUMBER, 2, "-2.35"),
        (Decimal("37.47"), Unit.NUMBER, 2, "37.47"),
        (Decimal("520"), Unit.NUMBER, 0, "520"),
        (Decimal("36"), Unit.NUMBER, 2, "36.00"),
        (Decimal("1234567.5"), Unit.NUMBER, 1, "1,234,567.5"),
        (Decimal("0.05"), Unit.RATIO, 1, "0.1"),
    ],
)
def test_it_rounds_half_up_to_the_decimal_places(value, unit, decimals, expected):
    assert format_value(value, unit, decimals) == expected


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        (Unit.PERCENT, "90.4%"),
        (Unit.NUMBER, "90.4"),
        (Unit.RATE_PER_10K, "90.4"),
        (Unit.DAYS, "90.4"),
        (Unit.NONE, "90.4"),
    ],
)
def test_only_a_percentage_carries_a_percent_sign(unit, expected):
    assert format_value(Decimal("90.35"), unit, 1) == expected


@pytest.mark.parametrize("unit", list(Unit))
def test_a_missing_value_is_written_as_nothing(unit):
    assert format_value(None, unit, 1) == ""
