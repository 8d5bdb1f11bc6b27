"""Timescales resolved by hand: which of an action's flags are its timescale's, and keeping a
person's reading of a flagged timescale while the text as written stays the same."""

from __future__ import annotations

from typing import Any

from boardpack.plans.columns import column_key
from boardpack.plans.models import Action, TimescaleResolution


def is_timescale_flag(flag: str) -> bool:
    """A flag stored as `Column: reason` whose column is the Timescales column (as written)."""
    column, separator, _ = flag.partition(": ")
    return bool(separator) and column_key(column) == "timescale"


def timescale_flags(action: Action) -> list[str]:
    return [flag for flag in action.flags if is_timescale_flag(flag)]


def latest_resolution(action: Action) -> TimescaleResolution | None:
    """The newest resolution (from a prefetch when there is one)."""
    resolutions = list(action.timescale_resolutions.all())
    return max(resolutions, key=lambda r: (r.at, r.pk)) if resolutions else None


def keep_resolution(fields: dict[str, Any], resolution: TimescaleResolution | None) -> None:
    """An import's fields for an action, with a person's reading of the same timescale text kept:
    its due date and ongoing flag stand, and the timescale's flags stay resolved."""
    if resolution is None or resolution.timescale_text != fields["timescale_text"]:
        return
    fields["due_date"] = resolution.due_date
    fields["ongoing"] = resolution.ongoing
    fields["flags"] = [flag for flag in fields["flags"] if not is_timescale_flag(flag)]
