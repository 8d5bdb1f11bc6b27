"""The SPC rules (docs/spc.md): hand-worked series for each rule and edge, then properties."""

from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from boardpack.core.spc import (
    MIN_POINTS,
    TAIL,
    TOO_FEW_POINTS,
    Assurance,
    BaselineError,
    Limits,
    PointType,
    Rule,
    Side,
    Variation,
    analyse,
    assurance_of,
    baseline_limits,
    classify,
    limits_from_totals,
    variation_of,
)
from boardpack.core.status import Polarity

MIRROR = {Polarity.BIGGER: Polarity.SMALLER, Polarity.SMALLER: Polarity.BIGGER}
MIRROR[Polarity.NONE] = Polarity.NONE
FLIP = {Side.HIGH: Side.LOW, Side.LOW: Side.HIGH, None: None}


def D(*values: object) -> list[Decimal]:
    return [Decimal(str(v)) for v in values]


def F(*values: object) -> list[Fraction]:
    return [Fraction(str(v)) for v in values]


def around(mean: object = 0, moving_range: object = 1) -> Limits:
    """Limits of mean 0 and average moving range 1 by default: process ±2.66, near ±1.7733…"""
    return limits_from_totals(2, Fraction(str(mean)) * 2, Fraction(str(moving_range)))


def rules_of(values: list[Fraction], limits: Limits | None = None) -> list[tuple[Rule, ...]]:
    return [p.rules for p in classify(values, limits or around(), Polarity.BIGGER)]


# The limits


def test_the_limits_of_an_alternating_series_are_worked_by_hand():
    # 10, 12, 10, … (12 points): mean 11; eleven moving ranges of 2, so mR = 2.
    limits = baseline_limits(F(*[10, 12] * 6))
    assert limits is not None
    assert limits.mean == 11
    assert limits.moving_range == 2
    assert limits.upper_process == Fraction("16.32")  # 11 + 2.66 × 2
    assert limits.lower_process == Fraction("5.68")
    assert limits.upper_near == 11 + Fraction("10.64") / 3  # 11 + (2/3 × 2.66) × 2
    assert limits.lower_near == 11 - Fraction("10.64") / 3


def test_moving_ranges_are_not_screened_for_outliers():
    # One jump of 100 among eleven ranges of 0: mR = 200/11, nothing left out.
    limits = baseline_limits(F(*[0] * 6, 100, *[100] * 5))
    assert limits is not None
    assert limits.moving_range == Fraction(100, 11)


def test_eleven_points_give_no_limits_and_no_icons_and_say_why():
    analysis = analyse(D(*[10, 12] * 5, 10), Polarity.BIGGER, target=Decimal(0))
    assert analysis.limits is None
    assert analysis.reason == TOO_FEW_POINTS == "12 points are needed"
    assert analysis.variation is Variation.NONE
    assert analysis.assurance is Assurance.NONE
    assert [p.type for p in analysis.points] == [PointType.COMMON_CAUSE] * 11
    assert all(p.rules == () for p in analysis.points)


def test_twelve_points_give_limits_and_icons():
    analysis = analyse(D(*[10, 12] * 6), Polarity.BIGGER, target=Decimal(0))
    assert analysis.limits is not None
    assert analysis.reason == ""
    assert analysis.variation is Variation.COMMON_CAUSE
    assert analysis.assurance is Assurance.PASS


def test_a_baseline_fixes_the_limits_on_its_first_points():
    first = [10, 12] * 6
    later = [30] * 8
    fixed = analyse(D(*first, *later), Polarity.BIGGER, baseline=12)
    assert fixed.limits == baseline_limits(F(*first))
    # 30 > 16.32: each later point is astronomical, and the 8 of them a shift.
    assert all(p.rules[:2] == (Rule.ASTRONOMICAL, Rule.SHIFT) for p in fixed.points[12:])
    assert fixed.variation is Variation.IMPROVEMENT_HIGH
    moving = analyse(D(*first, *later), Polarity.BIGGER)
    assert moving.limits is not None
    assert moving.limits.mean == Fraction(12 * 11 + 8 * 30, 20)


def test_a_baseline_longer_than_the_series_takes_every_point():
    values = F(*[10, 12] * 7)
    assert baseline_limits(values, 20) == baseline_limits(values)


@pytest.mark.parametrize("baseline", [0, 1, 11])
def test_a_baseline_of_fewer_than_twelve_points_is_refused(baseline):
    with pytest.raises(BaselineError, match="at least 12 points"):
        baseline_limits(F(*[10, 12] * 6), baseline)


# Astronomical points


def test_a_point_beyond_a_process_limit_is_astronomical_but_one_on_it_is_not():
    values = F(0, "2.66", "2.67", 0, "-2.66", "-2.67")
    assert rules_of(values) == [
        (),
        (),
        (Rule.ASTRONOMICAL,),
        (),
        (),
        (Rule.ASTRONOMICAL,),
    ]
    points = classify(values, around(), Polarity.BIGGER)
    assert (points[2].type, points[2].side) == (PointType.IMPROVEMENT, Side.HIGH)
    assert (points[5].type, points[5].side) == (PointType.CONCERN, Side.LOW)


# Shifts


def test_six_points_above_the_mean_are_not_a_shift():
    assert rules_of(F(-0.5, *[0.5] * 6, -0.5)) == [()] * 8


def test_seven_points_above_the_mean_are_a_shift_and_every_one_is_flagged():
    assert rules_of(F(-0.5, *[0.5] * 7, -0.5)) == [(), *[(Rule.SHIFT,)] * 7, ()]


def test_seven_points_below_the_mean_are_a_low_shift():
    points = classify(F(*[-0.5] * 7), around(), Polarity.BIGGER)
    assert {(p.rules, p.type, p.side) for p in points} == {
        ((Rule.SHIFT,), PointType.CONCERN, Side.LOW)
    }


def test_a_point_on_the_mean_breaks_a_run():
    assert rules_of(F(*[0.5] * 4, 0, *[0.5] * 4)) == [()] * 9


# Trends


def test_six_rising_points_are_not_a_trend():
    assert rules_of(F(-0.3, -0.2, -0.1, 0.1, 0.2, 0.3)) == [()] * 6


def test_seven_rising_points_are_a_trend_and_every_one_is_flagged():
    points = classify(F(-0.4, -0.3, -0.2, 0, 0.1, 0.2, 0.3), around(), Polarity.SMALLER)
    assert [p.rules for p in points] == [(Rule.TREND,)] * 7
    assert {(p.type, p.side) for p in points} == {(PointType.CONCERN, Side.HIGH)}


def test_a_tie_inside_a_trend_breaks_it():
    # 4 rises, a tie, 3 rises: no run of 6 rises.
    assert rules_of(F(-0.4, -0.3, -0.2, -0.1, 0, 0, 0.1, 0.2, 0.3)) == [()] * 9


def test_seven_falling_points_are_a_low_trend():
    points = classify(F(0.3, 0.2, 0.1, 0, -0.1, -0.2, -0.3), around(), Polarity.SMALLER)
    assert {(p.rules, p.type, p.side) for p in points} == {
        ((Rule.TREND,), PointType.IMPROVEMENT, Side.LOW)
    }


# Two in three


def test_two_of_three_beyond_the_near_limit_flag_those_two_not_the_third():
    # Near limits ±1.7733…: 1.8 and 1.9 are beyond, 0.5 is not; all three are above the mean.
    assert rules_of(F(0, 1.8, 0.5, 1.9, 0)) == [
        (),
        (Rule.TWO_IN_THREE,),
        (),
        (Rule.TWO_IN_THREE,),
        (),
    ]


def test_one_of_three_beyond_the_near_limit_is_not_enough():
    assert rules_of(F(0.5, 1.8, 0.5, 0.4)) == [()] * 4


def test_two_in_three_counts_a_point_beyond_the_process_limit():
    # The November 2023 rule: 3.0 is beyond 2.66 and counts as beyond the near limit too.
    assert rules_of(F(0, 1.8, 3.0, 0.2, 0)) == [
        (),
        (Rule.TWO_IN_THREE,),
        (Rule.ASTRONOMICAL, Rule.TWO_IN_THREE),
        (),
        (),
    ]


def test_two_in_three_needs_all_three_points_on_the_same_side():
    assert rules_of(F(1.8, -0.5, 1.9)) == [()] * 3
    assert rules_of(F(1.8, 0, 1.9)) == [()] * 3  # on the mean is on neither side
    assert rules_of(F(1.8, -1.8, 1.9, -1.9)) == [()] * 4


def test_two_in_three_below_the_mean_is_low():
    points = classify(F(-1.8, -1.9, -0.1), around(), Polarity.BIGGER)
    assert [(p.rules, p.type) for p in points] == [
        ((Rule.TWO_IN_THREE,), PointType.CONCERN),
        ((Rule.TWO_IN_THREE,), PointType.CONCERN),
        ((), PointType.COMMON_CAUSE),
    ]


def test_a_near_limit_value_is_not_beyond_it():
    limits = around(0, 3)  # near limits exactly ±5.32
    assert limits.upper_near == Fraction("5.32")
    assert rules_of(F("5.32", "5.32", 1), limits) == [()] * 3
    assert rules_of(F("5.33", "5.33", 1), limits) == [(Rule.TWO_IN_THREE,)] * 2 + [()]


# Improvement, concern and neutral


@pytest.mark.parametrize(
    ("polarity", "kind", "variation"),
    [
        (Polarity.BIGGER, PointType.IMPROVEMENT, Variation.IMPROVEMENT_HIGH),
        (Polarity.SMALLER, PointType.CONCERN, Variation.CONCERN_HIGH),
        (Polarity.NONE, PointType.NEUTRAL, Variation.NEUTRAL_HIGH),
    ],
)
def test_a_high_point_is_read_by_the_polarity(polarity, kind, variation):
    point = classify(F(0, 3), around(), polarity)[-1]
    assert (point.type, point.variation) == (kind, variation)


@pytest.mark.parametrize(
    ("polarity", "variation"),
    [
        (Polarity.BIGGER, Variation.CONCERN_LOW),
        (Polarity.SMALLER, Variation.IMPROVEMENT_LOW),
        (Polarity.NONE, Variation.NEUTRAL_LOW),
    ],
)
def test_a_low_point_is_read_by_the_polarity(polarity, variation):
    assert classify(F(0, -3), around(), polarity)[-1].variation is variation


FALLING_ABOVE = F(1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.9)
"""Seven points above the mean (a high shift), each lower than the one before (a low trend),
none beyond the near limit."""


@pytest.mark.parametrize(
    ("polarity", "variation"),
    [
        (Polarity.BIGGER, Variation.IMPROVEMENT_HIGH),
        (Polarity.SMALLER, Variation.IMPROVEMENT_LOW),
        (Polarity.NONE, Variation.NEUTRAL_HIGH),  # shown by where the points lie
    ],
)
def test_a_point_that_is_both_an_improvement_and_a_concern_is_an_improvement(polarity, variation):
    points = classify(FALLING_ABOVE, around(), polarity)
    assert {p.rules for p in points} == {(Rule.SHIFT, Rule.TREND)}
    assert {p.variation for p in points} == {variation}


def test_a_neutral_point_on_the_mean_at_the_turn_of_two_trends_is_shown_by_the_trend_it_ends():
    rise = F(-0.6, -0.5, -0.4, -0.3, -0.2, -0.1, 0)
    peak = classify([*rise, *reversed(rise[:-1])], around(), Polarity.NONE)[6]
    assert (peak.rules, peak.variation) == ((Rule.TREND,), Variation.NEUTRAL_HIGH)
    trough = classify([-v for v in [*rise, *reversed(rise[:-1])]], around(), Polarity.NONE)[6]
    assert trough.variation is Variation.NEUTRAL_LOW


def test_the_variation_icon_is_the_last_points_type():
    values = D(*[10, 12] * 6, 20)  # 20 > 16.32 with the 12 first points, and with all 13
    assert analyse(values, Polarity.BIGGER, baseline=12).variation is Variation.IMPROVEMENT_HIGH
    assert analyse(values, Polarity.SMALLER, baseline=12).variation is Variation.CONCERN_HIGH
    assert analyse(D(*[10, 12] * 6, 11), Polarity.BIGGER).variation is Variation.COMMON_CAUSE


# Assurance


@pytest.mark.parametrize(
    ("target", "polarity", "expected"),
    [
        # process limits 5.68 to 16.32
        ("5.67", Polarity.BIGGER, Assurance.PASS),
        ("5.68", Polarity.BIGGER, Assurance.HIT_AND_MISS),
        ("11", Polarity.BIGGER, Assurance.HIT_AND_MISS),
        ("16.32", Polarity.BIGGER, Assurance.HIT_AND_MISS),
        ("16.33", Polarity.BIGGER, Assurance.FAIL),
        ("5.67", Polarity.SMALLER, Assurance.FAIL),
        ("11", Polarity.SMALLER, Assurance.HIT_AND_MISS),
        ("16.33", Polarity.SMALLER, Assurance.PASS),
        ("16.33", Polarity.NONE, Assurance.NONE),
    ],
)
def test_assurance_compares_the_target_with_the_process_limits(target, polarity, expected):
    limits = baseline_limits(F(*[10, 12] * 6))
    assert assurance_of(Decimal(target), limits, polarity) is expected


def test_there_is_no_assurance_without_a_target():
    assert assurance_of(None, baseline_limits(F(*[10, 12] * 6)), Polarity.BIGGER) is Assurance.NONE


# Properties

values = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False)
series = st.lists(values, min_size=MIN_POINTS, max_size=40)
polarities = st.sampled_from(list(Polarity))


def described(analysis):
    return [(p.rules, p.type, p.side) for p in analysis.points]


@given(series, polarities)
def test_mirroring_the_series_and_the_polarity_swaps_high_and_low(numbers, polarity):
    analysis = analyse(numbers, polarity)
    mirrored = analyse([-v for v in numbers], MIRROR[polarity])
    assert [(r, t, FLIP[s]) for r, t, s in described(analysis)] == described(mirrored)


@given(series)
def test_the_limits_are_symmetric_about_the_mean(numbers):
    limits = baseline_limits([Fraction(v) for v in numbers])
    assert limits is not None
    assert limits.upper_process - limits.mean == limits.mean - limits.lower_process
    assert limits.upper_near - limits.mean == limits.mean - limits.lower_near
    assert limits.lower_process <= limits.lower_near <= limits.mean <= limits.upper_near


@given(series, values, polarities)
def test_adding_a_constant_shifts_the_limits_and_keeps_the_flags(numbers, constant, polarity):
    analysis = analyse(numbers, polarity)
    shifted = analyse([v + constant for v in numbers], polarity)
    assert analysis.limits is not None
    assert shifted.limits is not None
    c = Fraction(constant)
    assert shifted.limits.mean == analysis.limits.mean + c
    assert shifted.limits.moving_range == analysis.limits.moving_range
    assert shifted.limits.upper_process == analysis.limits.upper_process + c
    assert shifted.limits.lower_near == analysis.limits.lower_near + c
    assert described(shifted) == described(analysis)


@given(series, st.lists(values, max_size=20), st.integers(MIN_POINTS, 40))
def test_baseline_limits_do_not_move_when_points_are_added(numbers, more, baseline):
    assume(baseline <= len(numbers))
    before = analyse(numbers, Polarity.BIGGER, baseline=baseline)
    after = analyse([*numbers, *more], Polarity.BIGGER, baseline=baseline)
    assert before.limits == after.limits


@given(series, polarities)
def test_the_last_points_type_needs_only_the_last_points(numbers, polarity):
    analysis = analyse(numbers, polarity)
    tail = [Fraction(v) for v in numbers[-TAIL:]]
    assert variation_of(tail, analysis.limits, polarity) is analysis.variation


@given(st.lists(values, max_size=MIN_POINTS - 1), polarities)
def test_fewer_than_twelve_points_never_give_limits(numbers, polarity):
    analysis = analyse(numbers, polarity, target=Decimal(1))
    assert (analysis.limits, analysis.reason) == (None, TOO_FEW_POINTS)
    assert (analysis.variation, analysis.assurance) == (Variation.NONE, Assurance.NONE)


@given(series)
def test_limits_from_totals_agree_with_the_series(numbers):
    exact = [Fraction(v) for v in numbers]
    ranges = sum((abs(b - a) for a, b in pairwise(exact)), Fraction(0))
    assert limits_from_totals(len(exact), sum(exact, Fraction(0)), ranges) == (
        baseline_limits(exact)
    )
