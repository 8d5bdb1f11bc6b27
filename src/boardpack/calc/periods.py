"""The periods a measure is calculated for: twelve months ending at a month end.

The year to 31 March (the statutory returns' collection year, ``Period.year_to(2024)`` is
1 April 2023 to 31 March 2024) is the twelve months to March; ``Period.rolling(2024, 6)`` is
the twelve months to 30 June 2024, so a monthly scorecard can be fed. Both are one kind of
value: the collection year is the special case whose last month is March.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from boardpack.core.periods import Month, PeriodError, fy_label, parse_period


@dataclass(frozen=True, order=True)
class Period:
    """Twelve whole months ending with ``last`` (inclusive of both ends' days)."""

    last: Month

    @classmethod
    def year_to(cls, year: int) -> Period:
        """The collection year to 31 March ``year``: 1 April ``year - 1`` to 31 March ``year``."""
        return cls(Month(year, 3))

    @classmethod
    def rolling(cls, year: int, month: int) -> Period:
        """The twelve months to the end of ``month`` of ``year``."""
        return cls(Month(year, month))

    @classmethod
    def parse(cls, text: str) -> Period:
        """'2024-03', '31/03/2024' or 'Mar-24': the twelve months to that month's end."""
        return cls(parse_period(text))

    @property
    def start(self) -> date:
        return self.last.shift(-11).start

    @property
    def end(self) -> date:
        return self.last.end

    @property
    def is_collection_year(self) -> bool:
        """True for the year to 31 March, the period the returns are made for."""
        return self.last.month == 3

    @property
    def key(self) -> str:
        """The last month, '2024-03': the scorecard period the result belongs to."""
        return self.last.key

    @property
    def label(self) -> str:
        if self.is_collection_year:
            return f"{fy_label(self.last.year - 1)} (year to {self.end:%d %B %Y})"
        return f"12 months to {self.end:%d %B %Y}"

    def months_back(self, months: int) -> date:
        """The first day of the month ``months`` before this period's first month."""
        return self.last.shift(-11 - months).start

    def params(self) -> dict[str, date]:
        """The SQL parameters every measure file may use."""
        return {"period_start": self.start, "period_end": self.end}

    def __str__(self) -> str:
        return self.key


__all__ = ["Period", "PeriodError"]
