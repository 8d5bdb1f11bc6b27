"""Working days: weekends and the bank holidays of England and Wales, from the shipped list."""

from datetime import date, timedelta

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardpack.calc import workdays

FIRST, LAST = workdays.coverage()
days = st.dates(min_value=FIRST, max_value=LAST)


@pytest.fixture(scope="module")
def con():
    connection = duckdb.connect()
    workdays.install(connection)
    yield connection
    connection.close()


def sql_working_days(con: duckdb.DuckDBPyConnection, a: date, b: date) -> int:
    row = con.execute("SELECT working_days(?, ?)", [a, b]).fetchone()
    assert row is not None
    return int(row[0])


def test_the_holidays_come_from_the_shipped_list_without_the_network(monkeypatch):
    import requests

    def refuse(*args, **kwargs):
        raise AssertionError("the network was used")

    monkeypatch.setattr(requests, "get", refuse)
    workdays.bank_holidays.cache_clear()
    workdays.coverage.cache_clear()
    holidays = workdays.bank_holidays()
    assert date(2023, 12, 25) in holidays
    assert date(2024, 3, 29) in holidays  # Good Friday
    assert date(2024, 4, 1) in holidays  # Easter Monday
    assert date(2023, 5, 8) in holidays  # the coronation: a one-off England and Wales holiday
    assert date(2023, 11, 30) not in holidays  # St Andrew's Day is Scotland's only


def test_the_coverage_is_whole_years():
    first, last = workdays.coverage()
    assert (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
    assert first.year <= 2015
    assert last.year >= 2026


def test_the_same_day_is_zero_and_friday_to_monday_is_one(con):
    friday, monday = date(2024, 1, 12), date(2024, 1, 15)
    assert workdays.working_days(friday, friday) == 0
    assert workdays.working_days(friday, monday) == 1
    assert sql_working_days(con, friday, monday) == 1


def test_a_saturday_start_counts_like_the_friday_before(con):
    saturday, monday = date(2024, 1, 13), date(2024, 1, 15)
    assert sql_working_days(con, saturday, monday) == 1


def test_christmas_and_new_year_are_not_working_days(con):
    # 20 Dec 2023 → 2 Jan 2024: 21, 22, 27, 28, 29 Dec and 2 Jan (25, 26 Dec and 1 Jan are
    # bank holidays)
    assert sql_working_days(con, date(2023, 12, 20), date(2024, 1, 2)) == 6
    assert workdays.add_working_days(date(2023, 12, 20), 45) == date(2024, 2, 26)


def test_easter_is_not_working_days(con):
    # Thursday 28 March 2024 → Tuesday 2 April 2024: Good Friday and Easter Monday are holidays
    assert sql_working_days(con, date(2024, 3, 28), date(2024, 4, 2)) == 1
    assert workdays.add_working_days(date(2023, 3, 27), 15) == date(2023, 4, 19)


def test_the_calendar_has_one_row_a_day(con):
    row = con.execute("SELECT count(*), count(DISTINCT d), min(d), max(d) FROM workdays").fetchone()
    assert row is not None
    assert row[0] == row[1] == (workdays.CALENDAR_LAST - workdays.CALENDAR_FIRST).days + 1


def test_add_working_days_needs_a_positive_count():
    with pytest.raises(ValueError, match="at least 1"):
        workdays.add_working_days(date(2024, 1, 1), 0)


@settings(max_examples=200, deadline=None)
@given(a=days, span=st.integers(min_value=-120, max_value=120))
def test_the_sql_calendar_agrees_with_the_plain_count(con, a, span):
    b = a + timedelta(days=span)
    expected = workdays.working_days(a, b)
    assert sql_working_days(con, a, b) == expected
    assert workdays.working_days(b, a) == -expected


@settings(max_examples=100, deadline=None)
@given(a=days, n=st.integers(min_value=1, max_value=60))
def test_the_nth_working_day_is_n_working_days_on(a, n):
    due = workdays.add_working_days(a, n)
    assert workdays.working_days(a, due) == n
    assert workdays.is_working_day(due)
