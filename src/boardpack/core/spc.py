"""Statistical process control: XmR charts by NHS England's "Making Data Count" method.

The rules are those of docs/spc.md, with the November 2023 change to "two in three". Plain
functions over plain values. The arithmetic is exact (fractions): a point on the mean or on a
limit is on it, whatever the numbers, and the same series always gives the same flags.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from itertools import pairwise
from math import lcm

from boardpack.core.status import Polarity

MIN_POINTS = 12
TOO_FEW_POINTS = "12 points are needed"
RUN = 7
"""Points in a shift or a trend (a trend of 7 points is 6 rises or 6 falls)."""
PROCESS = Fraction(798, 300)
"""Process limits: mean ± 2.66 × the average moving range (3 sigma)."""
NEAR = Fraction(532, 300)
"""Near limits: mean ± (2/3 × 2.66) × the average moving range (2 sigma)."""
TAIL = RUN
"""The last point's flags depend only on this many last points (and the limits)."""
Exact = Fraction | int
"""A value as the rules take it: exactly."""


class BaselineError(ValueError):
    """A baseline of fewer points than the limits need."""


class Rule(StrEnum):
    ASTRONOMICAL = "astronomical"
    SHIFT = "shift"
    TREND = "trend"
    TWO_IN_THREE = "two_in_three"


class Side(StrEnum):
    HIGH = "high"
    LOW = "low"


class PointType(StrEnum):
    COMMON_CAUSE = "common_cause"
    IMPROVEMENT = "improvement"
    CONCERN = "concern"
    NEUTRAL = "neutral"


class Variation(StrEnum):
    COMMON_CAUSE = "common_cause"
    IMPROVEMENT_HIGH = "improvement_high"
    IMPROVEMENT_LOW = "improvement_low"
    CONCERN_HIGH = "concern_high"
    CONCERN_LOW = "concern_low"
    NEUTRAL_HIGH = "neutral_high"
    NEUTRAL_LOW = "neutral_low"
    NONE = "none"


class Assurance(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    HIT_AND_MISS = "hit_and_miss"
    NONE = "none"


SPECIAL_CAUSE = frozenset(v for v in Variation if v not in (Variation.COMMON_CAUSE, Variation.NONE))


@dataclass(frozen=True)
class Limits:
    """The mean and the average moving range of the baseline, and the limits they give."""

    mean: Fraction
    moving_range: Fraction

    @property
    def upper_process(self) -> Fraction:
        return self.mean + PROCESS * self.moving_range

    @property
    def lower_process(self) -> Fraction:
        return self.mean - PROCESS * self.moving_range

    @property
    def upper_near(self) -> Fraction:
        return self.mean + NEAR * self.moving_range

    @property
    def lower_near(self) -> Fraction:
        return self.mean - NEAR * self.moving_range


def check_baseline(baseline: int | None) -> None:
    if baseline is not None and baseline < MIN_POINTS:
        raise BaselineError(f"a baseline needs at least {MIN_POINTS} points, not {baseline}")


def limits_from_totals(points: int, total: Fraction, moving_range_total: Fraction) -> Limits:
    """The limits of a baseline of `points` values that add up to `total`, whose moving ranges
    |x[i] − x[i−1]| (one fewer than the points) add up to `moving_range_total`."""
    moving_range = moving_range_total / (points - 1) if points > 1 else Fraction(0)
    return Limits(mean=total / points, moving_range=moving_range)


def moving_range_total(values: Sequence[Fraction]) -> Fraction:
    return sum((abs(b - a) for a, b in pairwise(values)), Fraction(0))


def baseline_limits(values: Sequence[Fraction], baseline: int | None = None) -> Limits | None:
    """The limits from every point, or from the first `baseline` points (fixed: later points do
    not move them); none with fewer than 12 points."""
    check_baseline(baseline)
    if len(values) < MIN_POINTS:
        return None
    base = values[:baseline] if baseline else values
    return limits_from_totals(len(base), sum(base, Fraction(0)), moving_range_total(base))


def _runs(signs: Sequence[int]) -> list[tuple[int, int, int]]:
    """(start, end exclusive, sign) of each run of equal non-zero signs."""
    runs = []
    start = 0
    for i in range(1, len(signs) + 1):
        if i == len(signs) or signs[i] != signs[start]:
            if signs[start]:
                runs.append((start, i, signs[start]))
            start = i
    return runs


def _direction(sign: int) -> Side:
    return Side.HIGH if sign > 0 else Side.LOW


def _sign(difference: int) -> int:
    return (difference > 0) - (difference < 0)


def _on_one_scale(values: Sequence[Exact], limits: Limits) -> tuple[list[int], list[int]]:
    """The values and the limits (mean, upper and lower process, upper and lower near) as
    integers over one common denominator: the same comparisons, at integer speed.

    The scale is 300 × the denominators' least common multiple, so that 2.66 = 798/300 and
    2/3 × 2.66 = 532/300 times the moving range are integers on it too."""
    mean, spread = limits.mean, limits.moving_range
    scale = 300 * lcm(mean.denominator, spread.denominator, *(v.denominator for v in values))
    centre = mean.numerator * (scale // mean.denominator)
    unit = spread.numerator * (scale // spread.denominator) // 300
    process, near = 798 * unit, 532 * unit
    return (
        [v.numerator * (scale // v.denominator) for v in values],
        [centre, centre + process, centre - process, centre + near, centre - near],
    )


def _flags(
    values: Sequence[Exact], limits: Limits
) -> tuple[list[dict[Rule, set[Side]]], list[int], list[int]]:
    """flag(), with each point's side of the mean (+1, −1, 0 on it) and the scaled values."""
    scaled, (mean, upper, lower, upper_near, lower_near) = _on_one_scale(values, limits)
    flags: list[dict[Rule, set[Side]]] = [{} for _ in values]

    def mark(index: int, rule: Rule, sign: int) -> None:
        flags[index].setdefault(rule, set()).add(_direction(sign))

    sides = [_sign(v - mean) for v in scaled]
    for i, value in enumerate(scaled):
        if value > upper or value < lower:
            mark(i, Rule.ASTRONOMICAL, sides[i])
    for start, end, sign in _runs(sides):
        if end - start >= RUN:
            for i in range(start, end):
                mark(i, Rule.SHIFT, sign)
    for start, end, sign in _runs([_sign(b - a) for a, b in pairwise(scaled)]):
        if end - start >= RUN - 1:
            for i in range(start, end + 1):
                mark(i, Rule.TREND, sign)
    beyond = [
        (v > upper_near) if s > 0 else (v < lower_near) for v, s in zip(scaled, sides, strict=True)
    ]
    for i in range(len(values) - 2):
        window = range(i, i + 3)
        sign = sides[i]
        if sign and all(sides[j] == sign for j in window):
            out = [j for j in window if beyond[j]]
            if len(out) >= 2:
                for j in out:
                    mark(j, Rule.TWO_IN_THREE, sign)
    return flags, sides, scaled


def flag(values: Sequence[Exact], limits: Limits) -> list[dict[Rule, set[Side]]]:
    """For each point, the rules that flag it and which way (high or low) each says."""
    return _flags(values, limits)[0]


def point_type(
    sides: set[Side], polarity: Polarity, position: int
) -> tuple[PointType, Side | None]:
    """The type of a point flagged the ways in `sides`, and the way shown.

    With polarity an improvement wins over a concern. Without, a point flagged both ways is
    shown by its `position`: +1 or −1 (see classify).
    """
    if not sides:
        return PointType.COMMON_CAUSE, None
    if polarity is Polarity.NONE:
        if len(sides) == 1:
            return PointType.NEUTRAL, next(iter(sides))
        return PointType.NEUTRAL, _direction(position)
    good = Side.HIGH if polarity is Polarity.BIGGER else Side.LOW
    if good in sides:
        return PointType.IMPROVEMENT, good
    return PointType.CONCERN, Side.LOW if good is Side.HIGH else Side.HIGH


_VARIATION = {
    (PointType.IMPROVEMENT, Side.HIGH): Variation.IMPROVEMENT_HIGH,
    (PointType.IMPROVEMENT, Side.LOW): Variation.IMPROVEMENT_LOW,
    (PointType.CONCERN, Side.HIGH): Variation.CONCERN_HIGH,
    (PointType.CONCERN, Side.LOW): Variation.CONCERN_LOW,
    (PointType.NEUTRAL, Side.HIGH): Variation.NEUTRAL_HIGH,
    (PointType.NEUTRAL, Side.LOW): Variation.NEUTRAL_LOW,
}


def _variation(kind: PointType, side: Side | None) -> Variation:
    return Variation.COMMON_CAUSE if side is None else _VARIATION[kind, side]


@dataclass(frozen=True)
class Point:
    value: Fraction
    type: PointType
    side: Side | None
    rules: tuple[Rule, ...]
    """The rules that flag the point, in the order of Rule."""

    @property
    def variation(self) -> Variation:
        return _variation(self.type, self.side)


_RULES = tuple(Rule)


def _point(
    i: int, found: tuple[list[dict[Rule, set[Side]]], list[int], list[int]], polarity: Polarity
) -> tuple[PointType, Side | None, tuple[Rule, ...]]:
    """Point i's type, the way shown and its rules. A point flagged both ways lies against the
    mean where a trend runs the other way, or is on the mean at the turn of a rising and a
    falling trend: its position is where it lies, or on the mean the way of the trend it ends
    (high at a peak)."""
    flags, sides, scaled = found
    ways = {side for rule in flags[i].values() for side in rule}
    position = sides[i]
    if len(ways) > 1 and not position:  # only inside a series: scaled[i - 1] exists
        position = _sign(scaled[i] - scaled[i - 1])
    kind, side = point_type(ways, polarity, position)
    return kind, side, tuple(r for r in _RULES if r in flags[i])


def classify(values: Sequence[Exact], limits: Limits, polarity: Polarity) -> list[Point]:
    """Each point's type and the rules that flag it."""
    found = _flags(values, limits)
    return [Point(Fraction(v), *_point(i, found, polarity)) for i, v in enumerate(values)]


def variation_of(tail: Sequence[Exact], limits: Limits | None, polarity: Polarity) -> Variation:
    """The variation icon: the last point's type, from the last points of the series (TAIL of
    them are enough); none without limits."""
    if limits is None or not tail:
        return Variation.NONE
    last = tail[-TAIL:]
    kind, side, _ = _point(len(last) - 1, _flags(last, limits), polarity)
    return _variation(kind, side)


def assurance_of(target: Decimal | None, limits: Limits | None, polarity: Polarity) -> Assurance:
    """Whether the process consistently meets the target (pass), consistently misses it (fail)
    or sometimes does and sometimes does not (hit and miss)."""
    if limits is None or target is None or polarity is Polarity.NONE:
        return Assurance.NONE
    below, above = Assurance.PASS, Assurance.FAIL
    if polarity is Polarity.SMALLER:
        below, above = above, below
    exact = Fraction(target)
    if exact < limits.lower_process:
        return below
    if exact > limits.upper_process:
        return above
    return Assurance.HIT_AND_MISS


@dataclass(frozen=True)
class Analysis:
    limits: Limits | None
    points: list[Point]
    variation: Variation
    assurance: Assurance
    reason: str
    """Why there are no limits ("12 points are needed"); empty when there are."""


def analyse(
    values: Sequence[Decimal],
    polarity: Polarity,
    *,
    baseline: int | None = None,
    target: Decimal | None = None,
) -> Analysis:
    """The whole chart of a series in period order; `target` is the effective target of the
    last point's period."""
    exact = [Fraction(v) for v in values]
    limits = baseline_limits(exact, baseline)
    if limits is None:
        unflagged = [Point(v, PointType.COMMON_CAUSE, None, ()) for v in exact]
        return Analysis(None, unflagged, Variation.NONE, Assurance.NONE, TOO_FEW_POINTS)
    points = classify(exact, limits, polarity)
    return Analysis(
        limits=limits,
        points=points,
        variation=points[-1].variation,
        assurance=assurance_of(target, limits, polarity),
        reason="",
    )


def as_decimal(value: Fraction) -> Decimal:
    """A limit as a Decimal, to 28 significant digits."""
    return Decimal(value.numerator) / Decimal(value.denominator)
