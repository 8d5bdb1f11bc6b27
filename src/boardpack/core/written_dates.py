"""Dates as people write them in trackers: month names, two-digit years, days that must exist.

Shared by the timescale and progress-log readers so both read `Nov-19`, `Sept` and `31/04/19`
the same way. Day-first (British) order throughout.
"""

from __future__ import annotations

import calendar
from datetime import date

from boardpack.core.periods import MONTH_ABBREVIATIONS

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
"""A month's name or abbreviation (`Sep`, `Sept`, `September`); compile case-insensitively."""

YEAR = r"(?:\d{4}|\d{2})"
"""A year of four digits, or two meaning 20xx."""

FIRST_YEAR = 1950
LAST_YEAR = 2099
"""Years outside these are read as typing mistakes, not dates."""


class WrittenDateError(ValueError):
    """A date-like text that is not one date; the message says why, for a person to read."""


def month_number(name: str) -> int:
    """1 for `Jan`, `jan.` or `January`; `Sept` is September."""
    number = MONTH_ABBREVIATIONS.get(name.strip(" .").casefold()[:3])
    if number is None:
        raise WrittenDateError(f"{name!r} is not a month")
    return number


def full_year(digits: str) -> int:
    """`19` is 2019; four digits are taken as written."""
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _checked_year(year: int, written: str) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise WrittenDateError(
            f"{written} has the year {year}, outside {FIRST_YEAR}–{LAST_YEAR}: a typing mistake?"
        )
    return year


def exact_day(day: int, month: int, year: int, written: str) -> date:
    """The day written as `written`, or WrittenDateError when no such day exists."""
    _checked_year(year, written)
    try:
        return date(year, month, day)
    except ValueError:
        raise WrittenDateError(
            f"{written} is not a date that exists (dates are read day/month/year)"
        ) from None


def month_end(month: int, year: int, written: str) -> date:
    """The last day of the month: a month alone means its end."""
    _checked_year(year, written)
    return date(year, month, calendar.monthrange(year, month)[1])
