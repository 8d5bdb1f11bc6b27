"""What the synthetic generators share: the window of years, day arithmetic, draws.

Days are ``date.toordinal()`` integers throughout (fast arithmetic); a row
holds them for its DATE columns and the writers format them. Every draw goes
through one ``random.Random`` per generator, seeded from the seed given, so
the same seed writes the same bytes.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from itertools import accumulate

Value = str | int | None  # a cell: text, a day (DATE columns), an integer, or blank
Row = dict[str, Value]  # column name -> value; a column not there is blank
Rows = dict[int, dict[str, list[Row]]]  # collection year -> table -> rows


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def day(y: int, m: int, d: int) -> int:
    return date(y, m, d).toordinal()


def add_years(o: int, years: int) -> int:
    """The same day ``years`` later (29 February becomes 28 February)."""
    d = date.fromordinal(o)
    y = d.year + years
    return date(y, d.month, 28 if (d.month, d.day) == (2, 29) else d.day).toordinal()


def weekday(o: int) -> int:
    """0 Monday ... 6 Sunday."""
    return (o - 1) % 7


def on_weekday(o: int) -> int:
    """The day itself, or the Monday after a weekend."""
    w = weekday(o)
    return o + (7 - w if w >= 5 else 0)


def add_weekdays(o: int, n: int) -> int:
    """``n`` weekdays after ``o`` (bank holidays are not skipped: this is only a draw)."""
    o = on_weekday(o)
    weeks, rest = divmod(n, 5)
    w = weekday(o)
    return o + weeks * 7 + rest + (2 if w + rest >= 5 else 0)


@dataclass(frozen=True)
class Window:
    """The collection years written: ``end_year - years + 1`` to ``end_year``."""

    years: tuple[int, ...]

    @classmethod
    def of(cls, end_year: int, years: int) -> Window:
        return cls(tuple(range(end_year - years + 1, end_year + 1)))

    @property
    def first(self) -> int:
        """1 April of the first collection year."""
        return day(self.years[0] - 1, 4, 1)

    @property
    def last(self) -> int:
        """31 March of the last collection year."""
        return day(self.years[-1], 3, 31)

    @staticmethod
    @cache
    def year_start(year: int) -> int:
        return day(year - 1, 4, 1)

    @staticmethod
    @cache
    def year_end(year: int) -> int:
        return day(year, 3, 31)

    @cached_property
    def _bounds(self) -> tuple[tuple[int, int, int], ...]:
        return tuple((y, self.year_start(y), self.year_end(y)) for y in self.years)

    def years_between(self, start: int, end: int | None) -> list[int]:
        """The collection years of the window that the days from start to end touch."""
        if end is None:
            return [y for y, _first, last in self._bounds if start <= last]
        return [y for y, first, last in self._bounds if start <= last and end >= first]


class Draw:
    """Seeded draws with the few shapes the generators need."""

    def __init__(self, seed: int, stream: str) -> None:
        self.rng = random.Random(f"{seed}/{stream}")
        self.random = self.rng.random

    def chance(self, p: float) -> bool:
        return self.random() < p

    def between(self, low: int, high: int) -> int:
        """A whole number from low to high, both included."""
        return low + int(self.random() * (high - low + 1))

    def pick(self, options: Sequence[str]) -> str:
        return options[int(self.random() * len(options))]

    def weighted(self, table: Weighted) -> str:
        return table.options[bisect(table.cumulative, self.random() * table.total)]

    def days(self, mean: float) -> int:
        """An exponential number of days with this mean."""
        return int(self.rng.expovariate(1.0 / mean))


class Weighted:
    """Options with weights, drawn by bisection: ``Weighted("E4A 5 E13 3")``."""

    def __init__(self, spec: str) -> None:
        parts = spec.split()
        self.options = parts[0::2]
        self.cumulative = list(accumulate(float(w) for w in parts[1::2]))
        self.total = self.cumulative[-1]

    def only(self, allowed: frozenset[str]) -> Weighted:
        kept = [(o, w) for o, w in zip(self.options, self._weights(), strict=True) if o in allowed]
        return Weighted(" ".join(f"{o} {w}" for o, w in kept)) if kept else self

    def _weights(self) -> list[float]:
        return [b - a for a, b in zip([0.0, *self.cumulative], self.cumulative, strict=False)]


ETHNIC = Weighted(
    "WBRI 66 WIRI 1 WOTH 4 WIRT 1 WROM 1 MWBC 3 MWBA 1 MWAS 1 MOTH 3 AIND 1 APKN 2 ABAN 1 "
    "AOTH 2 BCRB 1 BAFR 4 BOTH 1 CHNE 0.2 OOTH 3 REFU 0.5 NOBT 1"
)


def upn(draw: Draw) -> str:
    """A made-up unique pupil number: a letter and twelve digits (no real check letter)."""
    return draw.pick("ABCDEFGHJKLMNPRTUVWXYZ") + f"{draw.between(0, 10**12 - 1):012d}"


# A review schedule: (working days on time, working days late, share late) for the first review,
# the next, ...; the last entry repeats.
Gap = tuple[tuple[int, int], tuple[int, int], float]
CLA_REVIEWS: tuple[Gap, ...] = (
    ((3, 19), (21, 40), 0.1),  # within 20 working days of entering care
    ((40, 62), (66, 90), 0.08),  # within three months of the first
    ((100, 128), (131, 170), 0.08),  # then at most six months apart
)
CPP_REVIEWS: tuple[Gap, ...] = CLA_REVIEWS[1:]  # within three months of the plan, then six


def review_days(draw: Draw, start: int, stop: int, schedule: tuple[Gap, ...]) -> list[int]:
    """Review days from ``start`` until before ``stop``, some late."""
    days: list[int] = []
    day_ = start
    while True:
        on_time, late, p_late = schedule[min(len(days), len(schedule) - 1)]
        day_ = add_weekdays(
            day_, draw.between(*late) if draw.chance(p_late) else draw.between(*on_time)
        )
        if day_ >= stop:
            return days
        days.append(day_)
