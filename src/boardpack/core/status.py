"""The status rule: the one place a status is computed from actual, target and tolerance."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from boardpack.core.periods import Month, fy_months


class Polarity(StrEnum):
    BIGGER = "bigger"
    SMALLER = "smaller"
    NONE = "none"


class Status(StrEnum):
    WORSE = "worse"
    NEAR = "near"
    MET = "met"
    BETTER = "better"
    NO_POLARITY = "no-polarity"
    NO_ACTUAL = "no-actual"
    NO_TARGET = "no-target"


EXCEPTIONS = frozenset({Status.WORSE, Status.BETTER})
"""Statuses that need commentary."""


class ToleranceError(ValueError):
    """A tolerance that is neither '2%' nor a plain non-negative number."""


_TOLERANCE = re.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$")


@dataclass(frozen=True)
class Tolerance:
    """A band around the target: relative ('2%' of |target|) or absolute ('0.5')."""

    amount: Decimal = Decimal(0)
    relative: bool = False

    def __post_init__(self) -> None:
        if self.amount < 0:
            raise ToleranceError(f"a tolerance cannot be negative ({self.amount})")

    @classmethod
    def parse(cls, text: str) -> Tolerance:
        """'2%' → relative 2 per cent; '0.5' → absolute 0.5; '' → no band."""
        if not text.strip():
            return cls()
        match = _TOLERANCE.match(text)
        if not match:
            raise ToleranceError(f"{text!r} is not a tolerance: write 2% or 0.5")
        try:
            amount = Decimal(match[1])
        except InvalidOperation:
            raise ToleranceError(f"{text!r} is not a tolerance: write 2% or 0.5") from None
        return cls(amount=amount, relative=bool(match[2]))

    def band(self, target: Decimal) -> Decimal:
        return self.amount * abs(target) / 100 if self.relative else self.amount

    def __str__(self) -> str:
        text = format(self.amount.normalize(), "f")
        return f"{text}%" if self.relative else text


def compute_status(
    *,
    actual: Decimal | None,
    target: Decimal | None,
    polarity: Polarity,
    worse: Tolerance,
    better: Tolerance,
) -> Status:
    """d = a − t (bigger is better) or t − a (smaller is better); w, b the bands.

    worse when d < −w; near when −w ≤ d < 0; met when 0 ≤ d ≤ b; better when d > b.
    """
    if polarity is Polarity.NONE:
        return Status.NO_POLARITY
    if actual is None:
        return Status.NO_ACTUAL
    if target is None:
        return Status.NO_TARGET
    d = actual - target if polarity is Polarity.BIGGER else target - actual
    if d < -worse.band(target):
        return Status.WORSE
    if d < 0:
        return Status.NEAR
    if d <= better.band(target):
        return Status.MET
    return Status.BETTER


def effective_target(
    targets: Mapping[Month, Decimal], month: Month, *, cumulative: bool
) -> Decimal | None:
    """The target that applies to a month, from the targets set in its financial year.

    A month's own target wins. Otherwise a snapshot indicator takes the latest earlier target of
    the same financial year; a cumulative one interpolates linearly between the surrounding
    targets of that year, counting from zero at the start of the year (before April). A
    cumulative month after the year's last target has no target: nothing surrounds it.
    """
    if month in targets:
        return targets[month]
    year = [m for m in fy_months(month.fy_start_year) if m in targets]
    earlier = [m for m in year if m < month]
    if not cumulative:
        return targets[earlier[-1]] if earlier else None
    later = [m for m in year if m > month]
    if not later:
        return None
    after = later[0]
    before_index, before_value = (
        (earlier[-1].fy_index, targets[earlier[-1]]) if earlier else (-1, Decimal(0))
    )
    # Multiply before dividing: one rounding, so April of 182 at June is exactly 182/3.
    steps_in = month.fy_index - before_index
    steps_across = after.fy_index - before_index
    return before_value + (targets[after] - before_value) * steps_in / steps_across


def milestone_status(*, due: date | None, completed: date | None, as_of: date) -> Status:
    """A milestone is met when completed by its due date; worse when overdue or completed late.

    Not yet completed and not yet due: no-actual (nothing to judge). No due date: no-target.
    """
    if due is None:
        return Status.NO_TARGET
    if completed is not None and completed <= as_of:
        return Status.MET if completed <= due else Status.WORSE
    return Status.WORSE if as_of > due else Status.NO_ACTUAL


class Direction(StrEnum):
    IMPROVING = "improving"
    WORSENING = "worsening"
    UNCHANGED = "unchanged"
    HIGHER = "higher"
    LOWER = "lower"
    NOT_COMPARABLE = "not-comparable"
    NO_ACTUAL = "no-actual"


def direction_of_travel(
    current: Decimal | None, earlier: Decimal | None, polarity: Polarity
) -> Direction:
    """Improving or worsening as polarity says; higher or lower for a context-only indicator.

    No current value is no-actual (nothing to compare yet); no earlier one, not-comparable.
    """
    if current is None:
        return Direction.NO_ACTUAL
    if earlier is None:
        return Direction.NOT_COMPARABLE
    if current == earlier:
        return Direction.UNCHANGED
    went_up = current > earlier
    if polarity is Polarity.NONE:
        return Direction.HIGHER if went_up else Direction.LOWER
    improved = went_up == (polarity is Polarity.BIGGER)
    return Direction.IMPROVING if improved else Direction.WORSENING
