"""The status rule: examples from the seeds, the unjudged statuses, milestones and properties."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpack.core.status import (
    EXCEPTIONS,
    Polarity,
    Status,
    Tolerance,
    compute_status,
    milestone_status,
)

NO_BAND = Tolerance()
TWO_PER_CENT = Tolerance(Decimal(2), relative=True)
RANK = {Status.WORSE: 0, Status.NEAR: 1, Status.MET: 2, Status.BETTER: 3}
MIRROR = {Polarity.BIGGER: Polarity.SMALLER, Polarity.SMALLER: Polarity.BIGGER}

values = st.decimals(min_value=-(10**6), max_value=10**6, places=2)
tolerances = st.builds(
    Tolerance,
    amount=st.decimals(min_value=0, max_value=100, places=2),
    relative=st.booleans(),
)
polarities = st.sampled_from([Polarity.BIGGER, Polarity.SMALLER])


def status(actual, target, polarity, worse=NO_BAND, better=NO_BAND):
    return compute_status(
        actual=actual, target=target, polarity=polarity, worse=worse, better=better
    )


def test_2042sc_above_its_target_is_worse_with_a_two_per_cent_worse_band():
    # d = 36 − 37.47 = −1.47, w = 0.02 × 36 = 0.72, so d < −w.
    assert status(Decimal("37.47"), Decimal(36), Polarity.SMALLER, TWO_PER_CENT) is Status.WORSE


@pytest.mark.parametrize(
    ("actual", "polarity", "expected"),
    [
        # target 36, worse band 2% (0.72), better band 1 (absolute)
        (Decimal("35.5"), Polarity.BIGGER, Status.NEAR),
        (Decimal("35.2"), Polarity.BIGGER, Status.WORSE),
        (Decimal("36.5"), Polarity.BIGGER, Status.MET),
        (Decimal("37.5"), Polarity.BIGGER, Status.BETTER),
        (Decimal("36.5"), Polarity.SMALLER, Status.NEAR),
        (Decimal("36.8"), Polarity.SMALLER, Status.WORSE),
        (Decimal("35.5"), Polarity.SMALLER, Status.MET),
        (Decimal("34.5"), Polarity.SMALLER, Status.BETTER),
    ],
)
def test_it_reads_the_difference_the_way_the_polarity_says(actual, polarity, expected):
    assert status(actual, Decimal(36), polarity, TWO_PER_CENT, Tolerance(Decimal(1))) is expected


@pytest.mark.parametrize(
    ("actual", "target", "polarity", "expected"),
    [
        (Decimal(5), Decimal(4), Polarity.NONE, Status.NO_POLARITY),
        (None, None, Polarity.NONE, Status.NO_POLARITY),
        (None, Decimal(4), Polarity.BIGGER, Status.NO_ACTUAL),
        (None, None, Polarity.SMALLER, Status.NO_ACTUAL),
        (Decimal(5), None, Polarity.BIGGER, Status.NO_TARGET),
    ],
)
def test_it_does_not_judge_without_polarity_actual_and_target(actual, target, polarity, expected):
    assert status(actual, target, polarity) is expected


def test_an_actual_exactly_on_target_with_no_bands_is_met():
    assert status(Decimal(10), Decimal(10), Polarity.BIGGER) is Status.MET


def test_any_shortfall_is_worse_when_there_is_no_worse_band():
    assert status(Decimal("9.99"), Decimal(10), Polarity.BIGGER) is Status.WORSE


def test_only_worse_and_better_need_commentary():
    assert {Status.WORSE, Status.BETTER} == EXCEPTIONS


@given(values, values, polarities, tolerances, tolerances)
def test_mirroring_polarity_and_values_mirrors_the_status(actual, target, polarity, worse, better):
    # A relative band is a share of |t|, and |−t| = |t|, so the bands are unchanged.
    assert status(actual, target, polarity, worse, better) is status(
        -actual, -target, MIRROR[polarity], worse, better
    )


@given(values, values, values, polarities, tolerances, tolerances)
def test_status_is_monotone_in_the_actual(first, second, target, polarity, worse, better):
    low, high = sorted([first, second])
    low_rank = RANK[status(low, target, polarity, worse, better)]
    high_rank = RANK[status(high, target, polarity, worse, better)]
    if polarity is Polarity.BIGGER:
        assert low_rank <= high_rank
    else:
        assert low_rank >= high_rank


@given(values, values, polarities, tolerances, tolerances)
def test_a_judged_status_is_one_of_the_four_judgements(actual, target, polarity, worse, better):
    assert status(actual, target, polarity, worse, better) in RANK


DUE = date(2012, 9, 30)


@pytest.mark.parametrize(
    ("due", "completed", "as_of", "expected"),
    [
        (None, None, date(2012, 9, 30), Status.NO_TARGET),
        (None, date(2012, 6, 1), date(2012, 9, 30), Status.NO_TARGET),
        (DUE, date(2012, 9, 1), date(2012, 9, 30), Status.MET),
        (DUE, DUE, date(2012, 10, 31), Status.MET),
        (DUE, date(2012, 10, 1), date(2012, 10, 31), Status.WORSE),
        (DUE, None, date(2012, 10, 1), Status.WORSE),
        (DUE, None, DUE, Status.NO_ACTUAL),
        (DUE, None, date(2012, 8, 31), Status.NO_ACTUAL),
        # Completed after the month being reported: not yet completed as of that month.
        (DUE, date(2012, 9, 15), date(2012, 8, 31), Status.NO_ACTUAL),
        (DUE, date(2012, 11, 15), date(2012, 10, 31), Status.WORSE),
    ],
)
def test_milestone_status_judges_completion_against_the_due_date(due, completed, as_of, expected):
    assert milestone_status(due=due, completed=completed, as_of=as_of) is expected
