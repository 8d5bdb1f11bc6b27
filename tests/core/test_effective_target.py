"""The target that applies to a month with none of its own: carried forward or interpolated."""

from decimal import Decimal

import pytest

from boardpack.core.periods import Month
from boardpack.core.status import effective_target

# CS156 (cumulative) in 2012/13: quarter-end targets, counting from zero before April.
CS156 = {
    Month(2012, 6): Decimal(182),
    Month(2012, 9): Decimal(365),
    Month(2012, 12): Decimal(547),
    Month(2013, 3): Decimal(730),
}

# A snapshot indicator with a target from June 2012 and a new one from April 2013.
SNAPSHOT = {
    Month(2012, 6): Decimal("90.5"),
    Month(2012, 11): Decimal(92),
    Month(2013, 4): Decimal(95),
}


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        (Month(2012, 4), Decimal(182) / 3),
        (Month(2012, 5), Decimal(364) / 3),
        (Month(2012, 6), Decimal(182)),
        (Month(2012, 7), Decimal(243)),
        (Month(2012, 8), Decimal(304)),
        (Month(2012, 10), Decimal(365) + Decimal(182) / 3),
        (Month(2012, 11), Decimal(365) + Decimal(364) / 3),
        (Month(2013, 1), Decimal(608)),
        (Month(2013, 2), Decimal(669)),
        (Month(2013, 3), Decimal(730)),
    ],
)
def test_a_cumulative_target_is_interpolated_from_zero_at_the_start_of_the_year(month, expected):
    assert effective_target(CS156, month, cumulative=True) == expected


def test_july_lies_between_the_june_and_september_targets():
    july = effective_target(CS156, Month(2012, 7), cumulative=True)
    assert july is not None
    assert Decimal(182) < july < Decimal(365)


@pytest.mark.parametrize("month", [Month(2013, 4), Month(2012, 3), Month(2011, 12)])
def test_a_cumulative_target_does_not_reach_into_another_financial_year(month):
    assert effective_target(CS156, month, cumulative=True) is None


def test_a_cumulative_month_after_the_last_target_of_its_year_has_none():
    up_to_september = {m: v for m, v in CS156.items() if m <= Month(2012, 9)}
    assert effective_target(up_to_september, Month(2012, 10), cumulative=True) is None


def test_an_annual_cumulative_target_is_spread_evenly_over_the_year():
    annual = {Month(2013, 3): Decimal(120)}
    assert [
        effective_target(annual, Month(2012, 4).shift(i), cumulative=True) for i in range(12)
    ] == [Decimal(10 * (i + 1)) for i in range(12)]


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        (Month(2012, 4), None),
        (Month(2012, 5), None),
        (Month(2012, 6), Decimal("90.5")),
        (Month(2012, 7), Decimal("90.5")),
        (Month(2012, 10), Decimal("90.5")),
        (Month(2012, 11), Decimal(92)),
        (Month(2013, 3), Decimal(92)),
        (Month(2013, 4), Decimal(95)),
        (Month(2013, 5), Decimal(95)),
    ],
)
def test_a_snapshot_target_carries_forward_within_its_financial_year(month, expected):
    assert effective_target(SNAPSHOT, month, cumulative=False) == expected


def test_a_snapshot_target_does_not_carry_across_the_first_of_april():
    june_only = {Month(2012, 6): Decimal("90.5")}
    assert effective_target(june_only, Month(2013, 3), cumulative=False) == Decimal("90.5")
    assert effective_target(june_only, Month(2013, 4), cumulative=False) is None


@pytest.mark.parametrize("cumulative", [True, False])
def test_a_month_with_its_own_target_uses_it(cumulative):
    assert effective_target(SNAPSHOT, Month(2012, 11), cumulative=cumulative) == Decimal(92)


@pytest.mark.parametrize("cumulative", [True, False])
def test_there_is_no_target_when_none_is_set(cumulative):
    assert effective_target({}, Month(2012, 6), cumulative=cumulative) is None
