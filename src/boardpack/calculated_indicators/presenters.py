"""What the links page and `boardpack calc link|unlink` say after a change."""

from __future__ import annotations


def link_message(code: str, measure_id: str, outcome: str) -> str:
    """'NI062 is calculated from placements_3plus (created)', 'NI062 is not calculated'."""
    if not measure_id or outcome == "removed":
        return f"{code} is not calculated" + (" (it was not)" if outcome == "unchanged" else "")
    return f"{code} is calculated from {measure_id} ({outcome})"
