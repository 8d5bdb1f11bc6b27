"""Benchmark statistics by the rules of the DfE's Local Authority Interactive Tool (LAIT).

Plain functions over plain values: the mean of an authority's statistical neighbours, its rank
among all authorities and its quartile band, and how published year labels ("2016-17 (OT)",
"2023/24", "2018 (Rev)") are ordered. Only authorities with a number count: the caller passes
the values of authorities (never regions or England) that have a figure for the year.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from boardpack.core.status import Polarity

K = TypeVar("K")

_SYMBOLS = ("c", "k", "low", "u", "w", "x", "z")
MARKERS = frozenset(("-", ".", ":", *_SYMBOLS, *(f"[{s}]" for s in _SYMBOLS)))
"""Published symbols for a figure that is suppressed, missing or not applicable (compared in
lower case). They are kept as published, never read as zero."""

QUARTILE_POINTS = (Decimal("0.25"), Decimal("0.5"), Decimal("0.75"))


class Band(StrEnum):
    """Quartile band: A is the best quarter by polarity, D the worst."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


def is_marker(text: str) -> bool:
    return text.strip().lower() in MARKERS


def published_polarity(text: str) -> Polarity | None:
    """The dictionary's Polarity: High, Low, or -/NA/blank for none; None for anything else."""
    word = text.strip().lower()
    if word == "high":
        return Polarity.BIGGER
    if word == "low":
        return Polarity.SMALLER
    if word in {"", "-", "na", "n/a", "none"}:
        return Polarity.NONE
    return None


def effective_polarity(
    *, override: Polarity | None, measure: Polarity, indicator: Polarity
) -> Polarity:
    """Which way is better for a linked indicator: an explicit override on the link wins, then
    the published measure's polarity, then (where the dictionary gives none) the indicator's."""
    if override is not None:
        return override
    if measure is not Polarity.NONE:
        return measure
    return indicator


@dataclass(frozen=True)
class NeighbourMean:
    mean: Decimal | None
    counted: int
    """How many neighbours had a number; the others (suppressed or missing) are ignored."""
    of: int


def neighbour_mean(values: Sequence[Decimal | None]) -> NeighbourMean:
    """The mean of the neighbours that have a number; None when none has."""
    present = [v for v in values if v is not None]
    mean = sum(present, Decimal(0)) / len(present) if present else None
    return NeighbourMean(mean, len(present), len(values))


def rank(value: Decimal, values: Sequence[Decimal], polarity: Polarity) -> int | None:
    """1 is best: highest first when bigger is better, lowest first when smaller is better.

    Tied values share the smallest rank (1, 2, 2, 4). `values` are the authorities with a
    number, normally including `value`. None without polarity.
    """
    return ranks({0: value}, polarity, among=values).get(0)


def ranks(
    values: Mapping[K, Decimal], polarity: Polarity, *, among: Sequence[Decimal] | None = None
) -> dict[K, int]:
    """The rank of each value among `among` (by default, among the values themselves)."""
    if polarity is Polarity.NONE:
        return {}
    ordered = sorted(values.values() if among is None else among)
    if polarity is Polarity.BIGGER:
        return {k: len(ordered) - bisect_right(ordered, v) + 1 for k, v in values.items()}
    return {k: bisect_left(ordered, v) + 1 for k, v in values.items()}


def quantile(values: Sequence[Decimal], p: Decimal) -> Decimal:
    """Linear interpolation between order statistics (R's type 7, NumPy's default).

    With the values sorted x[0] ≤ … ≤ x[n-1] and h = (n − 1)p, the result is
    x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
    """
    if not values:
        raise ValueError("a quantile needs at least one value")
    if not Decimal(0) <= p <= Decimal(1):
        raise ValueError(f"{p} is not a probability between 0 and 1")
    ordered = sorted(values)
    h = (len(ordered) - 1) * p
    low = int(h)
    if low + 1 >= len(ordered):
        return ordered[-1]
    return ordered[low] + (h - low) * (ordered[low + 1] - ordered[low])


@dataclass(frozen=True)
class Quartiles:
    q25: Decimal
    q50: Decimal
    q75: Decimal


def quartiles(values: Sequence[Decimal]) -> Quartiles | None:
    if not values:
        return None
    q25, q50, q75 = (quantile(values, p) for p in QUARTILE_POINTS)
    return Quartiles(q25, q50, q75)


def band(value: Decimal, cuts: Quartiles, polarity: Polarity) -> Band | None:
    """Bigger is better: ≤ Q25 is D, ≤ Q50 C, ≤ Q75 B, else A. Smaller is better: ≤ Q25 is A,
    ≤ Q50 B, ≤ Q75 C, else D. None without polarity."""
    if polarity is Polarity.NONE:
        return None
    quarter = sum(1 for cut in (cuts.q25, cuts.q50, cuts.q75) if value > cut)
    ascending = (Band.A, Band.B, Band.C, Band.D)
    return ascending[quarter] if polarity is Polarity.SMALLER else ascending[3 - quarter]


@dataclass(frozen=True)
class Standing:
    """Where one authority's value stands among all authorities with a number that year."""

    rank: int | None
    ranked_of: int
    quartiles: Quartiles | None
    band: Band | None


def standing(
    value: Decimal | None,
    authorities: Sequence[Decimal],
    polarity: Polarity,
    *,
    banded: bool = True,
) -> Standing:
    """Rank and band of `value` among `authorities`; `banded` False for a measure the
    publisher marks as having no quartiles (a rank is still given)."""
    cuts = quartiles(authorities)
    if value is None or not authorities:
        return Standing(None, len(authorities), cuts, None)
    found = band(value, cuts, polarity) if cuts is not None and banded else None
    return Standing(rank(value, authorities, polarity), len(authorities), cuts, found)


@dataclass(frozen=True, order=True)
class YearSpan:
    """The years a published label covers: '2016-17 (OT)' is 2016 to 2017, '2024' is 2024."""

    start: int
    end: int


_NUMBERS = re.compile(r"\d+")


def year_span(label: str) -> YearSpan | None:
    """Read a published year label; None when it names no year (such as '0').

    The first number must be a four-digit year; the last number is the end (two digits take
    the century of the start: '2013/14-15/16' ends in 2016).
    """
    numbers = _NUMBERS.findall(label)
    if not numbers or len(numbers[0]) != 4 or not 1900 <= int(numbers[0]) <= 2199:
        return None
    start = int(numbers[0])
    last = next((n for n in reversed(numbers) if len(n) in (2, 4)), numbers[0])
    if len(last) == 4:
        end = int(last)
    else:
        end = start // 100 * 100 + int(last)
        if end < start:
            end += 100
    return YearSpan(start, end) if end >= start else None


def latest_label(labels: Mapping[str, YearSpan], up_to: int | None = None) -> str | None:
    """The latest label (by end year, then start) ending in or before `up_to`, if given."""
    chosen = [(span, label) for label, span in labels.items() if up_to is None or span.end <= up_to]
    return max(chosen)[1] if chosen else None
