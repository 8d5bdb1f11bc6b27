"""Direction of travel: against the previous period and the same month a year before."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpack.core.status import Direction, Polarity, direction_of_travel

values = st.decimals(min_value=-(10**6), max_value=10**6, places=2)
OPPOSITE = {Direction.IMPROVING: Direction.WORSENING, Direction.WORSENING: Direction.IMPROVING}


@pytest.mark.parametrize(
    ("current", "earlier", "polarity", "expected"),
    [
        (Decimal("90.4"), Decimal("88"), Polarity.BIGGER, Direction.IMPROVING),
        (Decimal("88"), Decimal("90.4"), Polarity.BIGGER, Direction.WORSENING),
        (Decimal("37.47"), Decimal("36"), Polarity.SMALLER, Direction.WORSENING),
        (Decimal("36"), Decimal("37.47"), Polarity.SMALLER, Direction.IMPROVING),
        (Decimal("-1"), Decimal("-2"), Polarity.BIGGER, Direction.IMPROVING),
        (Decimal("5"), Decimal("4"), Polarity.NONE, Direction.HIGHER),
        (Decimal("4"), Decimal("5"), Polarity.NONE, Direction.LOWER),
    ],
)
def test_a_change_is_improving_or_worsening_as_the_polarity_says(
    current, earlier, polarity, expected
):
    assert direction_of_travel(current, earlier, polarity) is expected


@pytest.mark.parametrize("polarity", list(Polarity))
@pytest.mark.parametrize(
    ("current", "earlier"), [(Decimal(36), Decimal(36)), (Decimal("36.0"), Decimal("36.00"))]
)
def test_an_equal_value_is_unchanged_whatever_its_precision(current, earlier, polarity):
    assert direction_of_travel(current, earlier, polarity) is Direction.UNCHANGED


@pytest.mark.parametrize("polarity", list(Polarity))
def test_a_missing_earlier_value_is_not_comparable(polarity):
    assert direction_of_travel(Decimal(1), None, polarity) is Direction.NOT_COMPARABLE


@pytest.mark.parametrize("polarity", list(Polarity))
@pytest.mark.parametrize("earlier", [Decimal(1), None])
def test_a_missing_actual_is_no_actual_never_an_earlier_value_missing(earlier, polarity):
    assert direction_of_travel(None, earlier, polarity) is Direction.NO_ACTUAL


@given(values, values)
def test_the_two_polarities_always_disagree_about_a_change(current, earlier):
    bigger = direction_of_travel(current, earlier, Polarity.BIGGER)
    smaller = direction_of_travel(current, earlier, Polarity.SMALLER)
    assert smaller is OPPOSITE.get(bigger, Direction.UNCHANGED)
    assert (bigger is Direction.UNCHANGED) == (current == earlier)
