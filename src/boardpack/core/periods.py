"""Financial-year periods. A period is a calendar month; the financial year runs April to March."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTH_ABBREVIATIONS = {
    name.lower(): number for number, name in enumerate(calendar.month_abbr) if name
}


class PeriodError(ValueError):
    """A text that is not a period Boardpack understands."""


@dataclass(frozen=True, order=True)
class Month:
    """One calendar month, the unit every target and actual belongs to."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise PeriodError(f"month must be 1 to 12, not {self.month}")
        if not 1900 <= self.year <= 2999:
            raise PeriodError(f"year {self.year} is out of range")

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @property
    def start(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def end(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def fy_start_year(self) -> int:
        """The calendar year in which this month's financial year begins (April)."""
        return self.year if self.month >= 4 else self.year - 1

    @property
    def fy_index(self) -> int:
        """0 for April … 11 for March."""
        return (self.month - 4) % 12

    @property
    def quarter(self) -> int:
        """Financial quarter: 1 is April to June."""
        return self.fy_index // 3 + 1

    @property
    def is_quarter_end(self) -> bool:
        return self.fy_index % 3 == 2

    @property
    def fy_label(self) -> str:
        return fy_label(self.fy_start_year)

    @property
    def quarter_label(self) -> str:
        return f"Quarter {self.quarter} {self.fy_label}"

    @property
    def label(self) -> str:
        """As a month heading: 'Jun 2012'."""
        return f"{calendar.month_abbr[self.month]} {self.year}"

    @property
    def key(self) -> str:
        """The canonical text form: '2012-06'."""
        return f"{self.year:04d}-{self.month:02d}"

    def shift(self, months: int) -> Month:
        index = self.year * 12 + (self.month - 1) + months
        return Month(index // 12, index % 12 + 1)

    def previous(self) -> Month:
        return self.shift(-1)

    def year_before(self) -> Month:
        return self.shift(-12)

    def __str__(self) -> str:
        return self.key


def fy_label(start_year: int) -> str:
    """'2012/13' for the year April 2012 to March 2013."""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def fy_months(start_year: int) -> list[Month]:
    """The twelve months of a financial year, April first."""
    april = Month(start_year, 4)
    return [april.shift(i) for i in range(12)]


def quarter_months(start_year: int, quarter: int) -> list[Month]:
    if not 1 <= quarter <= 4:
        raise PeriodError(f"quarter must be 1 to 4, not {quarter}")
    return fy_months(start_year)[(quarter - 1) * 3 : quarter * 3]


_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UK_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_MON_YY = re.compile(r"^([A-Za-z]{3,9})[-\s](\d{2}|\d{4})$")


def _full_year(text: str) -> int:
    number = int(text)
    return 2000 + number if len(text) == 2 else number


def _month_of_day(year: int, month: int, day: int, text: str) -> Month:
    try:
        when = date(year, month, day)
    except ValueError as error:
        raise PeriodError(f"{text!r} is not a date that exists ({error})") from None
    found = Month.of(when)
    if when != found.end:
        raise PeriodError(
            f"{text!r} is not the last day of its month: give the month (e.g. {found.key}) "
            f"or its last day ({found.end:%d/%m/%Y})"
        )
    return found


def parse_period(text: str) -> Month:
    """Read a period as '2012-06', '2012-06-30', '30/06/12', '30/06/2012' or 'Jun-12'.

    A full date must be the last day of its month, as the seeds print periods; anything else
    raises PeriodError saying why, so nothing is guessed.
    """
    cleaned = text.strip()
    if (match := _ISO_MONTH.match(cleaned)) and 1 <= int(match[2]) <= 12:
        return Month(int(match[1]), int(match[2]))
    if match := _ISO_DAY.match(cleaned):
        return _month_of_day(int(match[1]), int(match[2]), int(match[3]), cleaned)
    if match := _UK_DAY.match(cleaned):
        return _month_of_day(_full_year(match[3]), int(match[2]), int(match[1]), cleaned)
    if match := _MON_YY.match(cleaned):
        number = MONTH_ABBREVIATIONS.get(match[1][:3].lower())
        full_name = calendar.month_name[number].lower() if number else ""
        if number and (len(match[1]) == 3 or match[1].lower() == full_name):
            return Month(_full_year(match[2]), number)
    raise PeriodError(
        f"{cleaned!r} is not a period: use 2012-06, 2012-06-30, 30/06/12, 30/06/2012 or Jun-12"
    )


def parse_date(text: str) -> date:
    """Read a calendar date as '2012-04-30', '30/04/2012' or '30/04/12'; it must exist."""
    cleaned = text.strip()
    if match := _ISO_DAY.match(cleaned):
        parts = int(match[1]), int(match[2]), int(match[3])
    elif match := _UK_DAY.match(cleaned):
        parts = _full_year(match[3]), int(match[2]), int(match[1])
    else:
        raise PeriodError(f"{cleaned!r} is not a date: use 2012-04-30 or 30/04/2012")
    try:
        return date(*parts)
    except ValueError as error:
        raise PeriodError(f"{cleaned!r} is not a date that exists ({error})") from None
