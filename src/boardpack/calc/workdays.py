"""Working days: Monday to Friday less the bank holidays of England and Wales.

The bank holidays come from the list govuk-bank-holidays ships inside its package (read from
disk, never downloaded). That list covers whole years (``COVERAGE``); outside it only weekends
are known, so the engine refuses a working-day measure for a period that leaves it.

Counting rule (used by every timeliness measure): the working days *from* ``a`` *to* ``b`` are
the working days after ``a`` up to and including ``b``. The same day is 0; Friday to Monday is 1;
a referral on a Saturday starts the clock like one on the Friday before it.

For SQL, :func:`install` creates the calendar table ``workdays(d, is_workday, wd_index)``, where
``wd_index`` is the number of working days up to and including ``d`` since the calendar's first
day, and the macro ``working_days(a, b)`` = ``wd_index(b) - wd_index(a)``: a lookup, not a loop.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Final

import duckdb

DIVISION: Final = "england-and-wales"
CALENDAR_FIRST: Final = date(1950, 1, 1)
CALENDAR_LAST: Final = date(2060, 12, 31)


@cache
def bank_holidays() -> frozenset[date]:
    """England and Wales bank holidays from govuk-bank-holidays' shipped JSON (offline)."""
    text = resources.files("govuk_bank_holidays").joinpath("bank-holidays.json").read_text("utf-8")
    events = json.loads(text)[DIVISION]["events"]
    return frozenset(date.fromisoformat(event["date"]) for event in events)


@cache
def coverage() -> tuple[date, date]:
    """The first and last day of the whole years the shipped list covers."""
    holidays = bank_holidays()
    return date(min(holidays).year, 1, 1), date(max(holidays).year, 12, 31)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays()


def working_days(a: date, b: date) -> int:
    """Working days after ``a`` up to and including ``b`` (negative when ``b`` is before ``a``).

    A plain loop: the reference the SQL calendar is tested against, not for bulk use.
    """
    if b < a:
        return -working_days(b, a)
    count, day = 0, a
    while day < b:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


def add_working_days(a: date, n: int) -> date:
    """The ``n``-th working day after ``a`` (``n`` ≥ 1): the last day a ``n``-day limit allows."""
    if n < 1:
        raise ValueError("n must be at least 1")
    day = a
    while n:
        day += timedelta(days=1)
        n -= is_working_day(day)
    return day


def install(con: duckdb.DuckDBPyConnection) -> None:
    """Create the ``workdays`` calendar table and the ``working_days(a, b)`` macro (temporary)."""
    con.execute("CREATE OR REPLACE TEMP TABLE bank_holiday (d DATE PRIMARY KEY)")
    con.executemany("INSERT INTO bank_holiday VALUES (?)", [[d] for d in sorted(bank_holidays())])
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE workdays AS
        WITH days AS (
            SELECT CAST(d AS DATE) AS d
            FROM range(CAST($first AS TIMESTAMP), CAST($last AS TIMESTAMP) + INTERVAL 1 DAY,
                       INTERVAL 1 DAY) AS r(d)
        ),
        flagged AS (
            SELECT days.d,
                   isodow(days.d) <= 5 AND bank_holiday.d IS NULL AS is_workday
            FROM days LEFT JOIN bank_holiday USING (d)
        )
        SELECT d, is_workday,
               CAST(sum(CAST(is_workday AS INTEGER)) OVER (ORDER BY d) AS INTEGER) AS wd_index
        FROM flagged
        ORDER BY d
        """,
        {"first": CALENDAR_FIRST, "last": CALENDAR_LAST},
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP MACRO working_days(a, b) AS
            (SELECT wd_index FROM workdays WHERE d = b)
            - (SELECT wd_index FROM workdays WHERE d = a)
        """
    )
