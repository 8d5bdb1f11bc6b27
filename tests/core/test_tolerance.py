"""Tolerance bands: how they are written, how wide they are, and where their edges fall."""

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from boardpack.core.status import Polarity, Status, Tolerance, ToleranceError, compute_status

TINY = Decimal("1e-9")
"""Smaller than any step the generated values can take, yet exact in Decimal arithmetic."""


@pytest.mark.parametrize(
    ("text", "amount", "relative"),
    [
        ("2%", Decimal(2), True),
        (" 2 % ", Decimal(2), True),
        ("0.5", Decimal("0.5"), False),
        (".5", Decimal("0.5"), False),
        ("2.5%", Decimal("2.5"), True),
        ("0", Decimal(0), False),
        ("", Decimal(0), False),
        ("   ", Decimal(0), False),
    ],
)
def test_it_parses_a_relative_or_absolute_band(text, amount, relative):
    assert Tolerance.parse(text) == Tolerance(amount=amount, relative=relative)


@pytest.mark.parametrize("text", ["-1", "-2%", "abc", "2%%", "%", "1.2.3", "2 %x", "1e3"])
def test_it_rejects_a_band_that_is_not_a_non_negative_number(text):
    with pytest.raises(ToleranceError, match="is not a tolerance"):
        Tolerance.parse(text)


def test_a_band_cannot_be_built_negative():
    with pytest.raises(ToleranceError, match="cannot be negative"):
        Tolerance(Decimal(-1))


@pytest.mark.parametrize(
    ("tolerance", "target", "band"),
    [
        (Tolerance(Decimal(2), relative=True), Decimal(36), Decimal("0.72")),
        (Tolerance(Decimal(2), relative=True), Decimal(-50), Decimal(1)),
        (Tolerance(Decimal(2), relative=True), Decimal(0), Decimal(0)),
        (Tolerance(Decimal("0.5")), Decimal(36), Decimal("0.5")),
        (Tolerance(Decimal("0.5")), Decimal(-50), Decimal("0.5")),
        (Tolerance(), Decimal(36), Decimal(0)),
    ],
)
def test_a_relative_band_is_a_share_of_the_absolute_target(tolerance, target, band):
    assert tolerance.band(target) == band


@pytest.mark.parametrize(
    ("tolerance", "text"),
    [
        (Tolerance(Decimal(2), relative=True), "2%"),
        (Tolerance(Decimal("2.50"), relative=True), "2.5%"),
        (Tolerance(Decimal("0.5")), "0.5"),
        (Tolerance(Decimal("10")), "10"),
        (Tolerance(), "0"),
    ],
)
def test_a_band_prints_as_it_would_be_written(tolerance, text):
    assert str(tolerance) == text
    assert Tolerance.parse(text) == Tolerance(tolerance.amount, tolerance.relative)


# Target 100 (bigger is better), worse band 2% (= 2), better band 1 (absolute).
@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        (Decimal("97.99"), Status.WORSE),
        (Decimal("98"), Status.NEAR),
        (Decimal("99.99"), Status.NEAR),
        (Decimal("100"), Status.MET),
        (Decimal("101"), Status.MET),
        (Decimal("101.01"), Status.BETTER),
    ],
)
def test_the_band_edges_fall_as_the_rule_states(actual, expected):
    status = compute_status(
        actual=actual,
        target=Decimal(100),
        polarity=Polarity.BIGGER,
        worse=Tolerance(Decimal(2), relative=True),
        better=Tolerance(Decimal(1)),
    )
    assert status is expected


targets = st.decimals(min_value=-(10**6), max_value=10**6, places=2)
tolerances = st.builds(
    Tolerance,
    amount=st.decimals(min_value=0, max_value=100, places=2),
    relative=st.booleans(),
)


def status_at(d, target, polarity, worse, better):
    """The status of the actual whose difference from target, as polarity reads it, is d."""
    actual = target + d if polarity is Polarity.BIGGER else target - d
    return compute_status(
        actual=actual, target=target, polarity=polarity, worse=worse, better=better
    )


@given(targets, st.sampled_from([Polarity.BIGGER, Polarity.SMALLER]), tolerances, tolerances)
def test_each_band_edge_falls_exactly_where_stated(target, polarity, worse, better):
    w, b = worse.band(target), better.band(target)
    assert status_at(-w - TINY, target, polarity, worse, better) is Status.WORSE
    assert status_at(Decimal(0), target, polarity, worse, better) is Status.MET
    assert status_at(b, target, polarity, worse, better) is Status.MET
    assert status_at(b + TINY, target, polarity, worse, better) is Status.BETTER


@given(targets, st.sampled_from([Polarity.BIGGER, Polarity.SMALLER]), tolerances, tolerances)
def test_the_worse_edge_itself_is_near(target, polarity, worse, better):
    w = worse.band(target)
    assume(w > 0)  # with no worse band, d = −w = 0 is met, not near
    assert status_at(-w, target, polarity, worse, better) is Status.NEAR
    # w is a multiple of 0.000001 here, so a shortfall of TINY is inside the band.
    assert status_at(-TINY, target, polarity, worse, better) is Status.NEAR
