"""Months, financial years and quarters, and reading periods from the formats the seeds use."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpack.core.periods import (
    Month,
    PeriodError,
    fy_label,
    fy_months,
    parse_date,
    parse_period,
    quarter_months,
)

months = st.builds(Month, st.integers(1950, 2950), st.integers(1, 12))


@pytest.mark.parametrize(
    "text",
    [
        "2012-06",
        "2012-6",
        "2012-06-30",
        "30/06/12",
        "30/06/2012",
        "Jun-12",
        "jun-2012",
        "June 2012",
    ],
)
def test_it_reads_june_2012_from_every_format(text):
    assert parse_period(text) == Month(2012, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29/02/2012", Month(2012, 2)),
        ("2012-02-29", Month(2012, 2)),
        ("28/02/13", Month(2013, 2)),
        ("31/03/2013", Month(2013, 3)),
        (" Mar-13 ", Month(2013, 3)),
        ("Dec-12", Month(2012, 12)),
    ],
)
def test_it_reads_month_ends_including_a_leap_day(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["31/04/19", "31/04/2019", "2019-04-31", "29/02/2013", "30/02/12"])
def test_it_rejects_a_date_that_does_not_exist(text):
    with pytest.raises(PeriodError, match="is not a date that exists"):
        parse_period(text)


@pytest.mark.parametrize(
    ("text", "hint"),
    [("15/06/2012", "30/06/2012"), ("2012-06-01", "30/06/2012"), ("28/02/2012", "29/02/2012")],
)
def test_it_rejects_a_date_that_is_not_a_month_end_and_names_the_month_end(text, hint):
    with pytest.raises(PeriodError, match="is not the last day of its month") as raised:
        parse_period(text)
    assert hint in str(raised.value)


@pytest.mark.parametrize("text", ["", "2012", "2012-13", "2012-00", "Jux-12", "Sept-12", "06/2012"])
def test_it_rejects_text_that_is_not_a_period(text):
    with pytest.raises(PeriodError, match="is not a period"):
        parse_period(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2012-04-15", date(2012, 4, 15)),
        ("15/04/2012", date(2012, 4, 15)),
        ("1/4/12", date(2012, 4, 1)),
    ],
)
def test_it_reads_any_calendar_date_that_exists(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "reason"), [("31/04/19", "exists"), ("Apr-12", "is not a date")])
def test_it_rejects_a_calendar_date_saying_why(text, reason):
    with pytest.raises(PeriodError, match=reason):
        parse_date(text)


@pytest.mark.parametrize(
    ("month", "quarter", "quarter_label", "year_label"),
    [
        (Month(2012, 4), 1, "Quarter 1 2012/13", "2012/13"),
        (Month(2012, 6), 1, "Quarter 1 2012/13", "2012/13"),
        (Month(2012, 7), 2, "Quarter 2 2012/13", "2012/13"),
        (Month(2012, 12), 3, "Quarter 3 2012/13", "2012/13"),
        (Month(2013, 1), 4, "Quarter 4 2012/13", "2012/13"),
        (Month(2013, 3), 4, "Quarter 4 2012/13", "2012/13"),
        (Month(2013, 4), 1, "Quarter 1 2013/14", "2013/14"),
        (Month(2000, 3), 4, "Quarter 4 1999/00", "1999/00"),
    ],
)
def test_a_month_belongs_to_a_financial_quarter_and_year(month, quarter, quarter_label, year_label):
    assert (month.quarter, month.quarter_label, month.fy_label) == (
        quarter,
        quarter_label,
        year_label,
    )


@pytest.mark.parametrize(
    ("month", "label", "key", "end"),
    [
        (Month(2012, 6), "Jun 2012", "2012-06", date(2012, 6, 30)),
        (Month(2012, 2), "Feb 2012", "2012-02", date(2012, 2, 29)),
        (Month(2013, 2), "Feb 2013", "2013-02", date(2013, 2, 28)),
    ],
)
def test_a_month_has_a_heading_a_key_and_a_last_day(month, label, key, end):
    assert (month.label, month.key, str(month), month.end) == (label, key, key, end)


@pytest.mark.parametrize(
    ("months", "expected"),
    [(1, Month(2013, 1)), (-1, Month(2012, 11)), (-12, Month(2011, 12)), (13, Month(2014, 1))],
)
def test_shift_crosses_calendar_years(months, expected):
    assert Month(2012, 12).shift(months) == expected


def test_previous_and_year_before_step_back_a_month_and_a_year():
    assert (Month(2013, 1).previous(), Month(2013, 1).year_before()) == (
        Month(2012, 12),
        Month(2012, 1),
    )


@given(months, st.integers(-500, 500))
def test_shifting_there_and_back_returns_the_same_month(month, steps):
    assert month.shift(steps).shift(-steps) == month


def test_a_financial_year_runs_april_to_march():
    year = fy_months(2012)
    assert (len(year), year[0], year[-1]) == (12, Month(2012, 4), Month(2013, 3))
    assert quarter_months(2012, 4) == [Month(2013, 1), Month(2013, 2), Month(2013, 3)]


@pytest.mark.parametrize(("year", "month"), [(2012, 0), (2012, 13), (1899, 6), (3000, 1)])
def test_a_month_out_of_range_is_an_error(year, month):
    with pytest.raises(PeriodError):
        Month(year, month)


def test_only_quarters_one_to_four_exist():
    with pytest.raises(PeriodError, match="quarter must be 1 to 4"):
        quarter_months(2012, 5)


def test_fy_label_wraps_the_century():
    assert fy_label(2099) == "2099/00"
