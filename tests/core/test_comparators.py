"""Neighbour mean, rank, quartile cut points and bands: hand-made cases with known answers, and
properties that hold for any values."""

import statistics
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpack.core.comparators import (
    Band,
    Quartiles,
    YearSpan,
    band,
    effective_polarity,
    is_marker,
    latest_label,
    neighbour_mean,
    published_polarity,
    quantile,
    quartiles,
    rank,
    ranks,
    standing,
    year_span,
)
from boardpack.core.status import Polarity

BIGGER, SMALLER, NONE = Polarity.BIGGER, Polarity.SMALLER, Polarity.NONE


def d(*values: str | int) -> list[Decimal]:
    return [Decimal(str(v)) for v in values]


# --- neighbour mean ----------------------------------------------------------------------


def test_the_neighbour_mean_ignores_missing_neighbours_and_says_how_many_counted():
    found = neighbour_mean([Decimal(90), None, Decimal(51)])
    assert (found.mean, found.counted, found.of) == (Decimal("70.5"), 2, 3)


def test_a_zero_counts_in_the_neighbour_mean_as_a_figure():
    found = neighbour_mean([Decimal("55.5"), Decimal(0), None])
    assert (found.mean, found.counted) == (Decimal("27.75"), 2)


def test_no_neighbour_with_a_figure_gives_no_mean():
    assert neighbour_mean([None, None]).mean is None
    assert neighbour_mean([]).of == 0


# --- rank ---------------------------------------------------------------------------------


def test_rank_one_is_the_highest_when_bigger_is_better():
    values = d(40, "55.5", 0, "55.5")
    assert [rank(v, values, BIGGER) for v in values] == [3, 1, 4, 1]


def test_rank_one_is_the_lowest_when_smaller_is_better():
    values = d(68, 90, 51, 68)
    assert [rank(v, values, SMALLER) for v in values] == [2, 4, 1, 2]


def test_tied_values_share_the_smallest_rank():
    assert ranks({"a": Decimal(5), "b": Decimal(5), "c": Decimal(5), "d": Decimal(1)}, BIGGER) == {
        "a": 1,
        "b": 1,
        "c": 1,
        "d": 4,
    }


def test_there_is_no_rank_without_polarity():
    assert rank(Decimal(1), d(1, 2), NONE) is None


# --- quartiles ----------------------------------------------------------------------------


def test_cut_points_interpolate_between_order_statistics():
    assert quartiles(d(68, 90, 51, 68)) == Quartiles(Decimal("63.75"), Decimal(68), Decimal("73.5"))
    assert quartiles(d(0, 40, "55.5", "55.5")) == Quartiles(
        Decimal(30), Decimal("47.75"), Decimal("55.5")
    )


def test_one_value_is_every_cut_point():
    assert quartiles(d(7)) == Quartiles(Decimal(7), Decimal(7), Decimal(7))
    assert quartiles([]) is None


def test_a_quantile_needs_values_and_a_probability():
    with pytest.raises(ValueError, match="at least one"):
        quantile([], Decimal("0.5"))
    with pytest.raises(ValueError, match="probability"):
        quantile(d(1), Decimal(2))


@pytest.mark.parametrize(
    ("value", "bigger", "smaller"),
    [
        ("0", Band.D, Band.A),
        ("30", Band.D, Band.A),  # = Q25
        ("40", Band.C, Band.B),
        ("47.75", Band.C, Band.B),  # = Q50
        ("55.5", Band.B, Band.C),  # = Q75: the tied top values are B, not A
        ("56", Band.A, Band.D),
    ],
)
def test_bands_follow_polarity_with_cut_points_inclusive(value, bigger, smaller):
    cuts = Quartiles(Decimal(30), Decimal("47.75"), Decimal("55.5"))
    assert band(Decimal(value), cuts, BIGGER) is bigger
    assert band(Decimal(value), cuts, SMALLER) is smaller
    assert band(Decimal(value), cuts, NONE) is None


def test_standing_gives_no_rank_or_band_to_a_suppressed_value():
    found = standing(None, d(1, 2, 3), BIGGER)
    assert (found.rank, found.band, found.ranked_of) == (None, None, 3)


def test_standing_of_a_measure_published_without_quartiles_has_a_rank_but_no_band():
    found = standing(Decimal(3), d(1, 2, 3), BIGGER, banded=False)
    assert (found.rank, found.band) == (1, None)


def test_standing_ranks_and_bands_among_the_authorities_with_a_figure():
    found = standing(Decimal(68), d(68, 90, 51, 68), SMALLER)
    assert (found.rank, found.ranked_of, found.band) == (2, 4, Band.B)


# --- polarity, markers and years -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("High", BIGGER), ("low", SMALLER), ("-", NONE), ("NA", NONE), ("", NONE), ("Up", None)],
)
def test_published_polarity(text, expected):
    assert published_polarity(text) is expected


def test_the_link_overrides_then_the_measure_then_the_indicator_gives_polarity():
    assert effective_polarity(override=BIGGER, measure=SMALLER, indicator=SMALLER) is BIGGER
    assert effective_polarity(override=None, measure=SMALLER, indicator=BIGGER) is SMALLER
    assert effective_polarity(override=None, measure=NONE, indicator=SMALLER) is SMALLER
    assert effective_polarity(override=None, measure=NONE, indicator=NONE) is NONE


@pytest.mark.parametrize("text", ["-", "c", "x", "z", ".", "C", " [x] ", "low"])
def test_markers_are_recognised(text):
    assert is_marker(text)


@pytest.mark.parametrize("text", ["0", "", "1.5", "n", "abc"])
def test_numbers_and_other_text_are_not_markers(text):
    assert not is_marker(text)


@pytest.mark.parametrize(
    ("label", "span"),
    [
        ("2024", YearSpan(2024, 2024)),
        ("2023/24", YearSpan(2023, 2024)),
        ("2016-17 (OT)", YearSpan(2016, 2017)),
        ("2018 (Rev)", YearSpan(2018, 2018)),
        ("2025 (prov)", YearSpan(2025, 2025)),
        ("2014-16", YearSpan(2014, 2016)),
        ("2013/14-15/16", YearSpan(2013, 2016)),
        ("1999/00", YearSpan(1999, 2000)),
        ("0", None),
        ("", None),
        ("Spring", None),
    ],
)
def test_year_labels_as_published_are_read(label, span):
    assert year_span(label) == span


def test_the_latest_label_is_the_latest_ending_and_may_be_capped():
    labels = {"2016-17 (OT)": YearSpan(2016, 2017), "2017-18 (OT)": YearSpan(2017, 2018)}
    assert latest_label(labels) == "2017-18 (OT)"
    assert latest_label(labels, up_to=2017) == "2016-17 (OT)"
    assert latest_label(labels, up_to=2000) is None


# --- properties ---------------------------------------------------------------------------

figures = st.lists(
    st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False), min_size=1
)
polarities = st.sampled_from([BIGGER, SMALLER])


@given(figures)
def test_cut_points_match_the_inclusive_method_of_the_statistics_module(values):
    expected = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else None
    cuts = quartiles(values)
    assert cuts is not None
    if expected is not None:
        assert [cuts.q25, cuts.q50, cuts.q75] == pytest.approx(expected)
    assert min(values) <= cuts.q25 <= cuts.q50 <= cuts.q75 <= max(values)


@given(figures, polarities)
def test_ranks_run_from_one_and_the_best_value_is_first(values, polarity):
    found = [rank(v, values, polarity) for v in values]
    assert min(found) == 1
    assert max(found) <= len(values)
    best = max(values) if polarity is BIGGER else min(values)
    assert rank(best, values, polarity) == 1


@given(figures, polarities)
def test_a_better_value_never_ranks_or_bands_worse(values, polarity):
    cuts = quartiles(values)
    assert cuts is not None
    ordered = sorted(values, reverse=polarity is BIGGER)
    ranked = [rank(v, values, polarity) for v in ordered]
    banded = [band(v, cuts, polarity) for v in ordered]
    assert ranked == sorted(ranked)
    assert [b.value for b in banded if b] == sorted(b.value for b in banded if b)


@given(figures, polarities)
def test_reversing_polarity_mirrors_the_bands(values, polarity):
    cuts = quartiles(values)
    assert cuts is not None
    other = SMALLER if polarity is BIGGER else BIGGER
    mirror = {Band.A: Band.D, Band.B: Band.C, Band.C: Band.B, Band.D: Band.A}
    for value in values:
        assert mirror[band(value, cuts, polarity)] is band(value, cuts, other)


@given(st.lists(st.one_of(st.none(), st.decimals(-100, 100, places=1)), max_size=10))
def test_the_neighbour_mean_is_the_mean_of_the_figures_given(values):
    found = neighbour_mean(values)
    present = [v for v in values if v is not None]
    assert found.counted == len(present)
    assert found.of == len(values)
    if present:
        assert found.mean == pytest.approx(statistics.mean(present))
        assert min(present) <= found.mean <= max(present)
