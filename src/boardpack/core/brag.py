"""BRAG: the Blue, Red, Amber, Green status of a delivery-plan action, and reading it as written.

The definitions are the seeds' own (PRODUCT.md). Every status has a shape, a glyph and a text
as well as a colour, so it is never shown by colour alone. The words accepted are listed in
docs/timescales.md; anything else is kept verbatim and flagged, never guessed silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Brag(StrEnum):
    BLUE = "blue"
    RED = "red"
    AMBER = "amber"
    GREEN = "green"

    @property
    def style(self) -> BragStyle:
        return BRAG_STYLES[self]

    @property
    def label(self) -> str:
        return self.style.label


@dataclass(frozen=True)
class BragStyle:
    """How a BRAG status is named, defined and drawn."""

    label: str
    summary: str
    """A few words for a legend or a tooltip."""
    definition: str
    """The definition as the seeds give it, for the web help."""
    shape: str
    glyph: str
    colour: str
    hex: str
    """The fill for charts, PDF, Word and Excel (GOV.UK palette)."""


BRAG_STYLES: dict[Brag, BragStyle] = {
    Brag.RED: BragStyle(
        label="Red",
        summary="Issues that will affect delivery",
        definition="Risks or issues identified that will affect programme, cost or quality.",
        shape="triangle",
        glyph="▲",
        colour="red",
        hex="#d4351c",
    ),
    Brag.AMBER: BragStyle(
        label="Amber",
        summary="Issues being managed",
        definition=(
            "As green, but some issues may affect programme, cost or quality; they are being "
            "managed."
        ),
        shape="half-circle",
        glyph="◐",
        colour="amber",
        hex="#f47738",
    ),
    Brag.GREEN: BragStyle(
        label="Green",
        summary="On target",
        definition=(
            "No issues; on target to be delivered to budget, programme and quality; risks managed."
        ),
        shape="tick",
        glyph="✔",
        colour="green",
        hex="#00703c",
    ),
    Brag.BLUE: BragStyle(
        label="Blue",
        summary="Complete and closed",
        definition="Action complete and closed.",
        shape="square",
        glyph="■",
        colour="blue",
        hex="#1d70b8",
    ),
}

BRAG_ORDER: tuple[Brag, ...] = (Brag.RED, Brag.AMBER, Brag.GREEN, Brag.BLUE)
"""Display order: most urgent first, completed (Blue) last, as the seeds' reports gather them."""

ALIASES: dict[str, Brag] = {
    **dict.fromkeys(["blue", "blu", "bl", "b"], Brag.BLUE),
    **dict.fromkeys(["red", "rd", "r"], Brag.RED),
    **dict.fromkeys(["amber", "amb", "a"], Brag.AMBER),
    **dict.fromkeys(["green", "grn", "gr", "g"], Brag.GREEN),
}
"""Words read as a status without a flag: the name in any case, and common abbreviations."""

COMPLETE_WORDS = frozenset({"complete", "completed", "closed"})
"""A cell saying only that the action is complete (and closed) is Blue, by Blue's definition."""

_PREFIX = re.compile(r"^(?:b?rag|status)(?: status)? ")
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class BragReading:
    """What a BRAG cell says. `text` is always the cell exactly as written."""

    text: str
    status: Brag | None = None
    flags: tuple[str, ...] = ()


def _one_edit_apart(a: str, b: str) -> bool:
    """True when one insertion, deletion, substitution or swap of neighbours turns a into b."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        i = diffs[0]
        return len(diffs) == 2 and diffs[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _near_miss(word: str) -> Brag | None:
    """A misspelling one edit from a name of four letters or more (`Gren`, `Ambr`, `Bleu`)."""
    for status in (Brag.BLUE, Brag.AMBER, Brag.GREEN):
        if _one_edit_apart(word, status.value):
            return status
    return None


def _normalise(text: str) -> str:
    cleaned = _NOT_ALPHANUMERIC.sub(" ", text.replace("&", " and ")).casefold().strip()
    return _PREFIX.sub("", cleaned + " ").strip()


def parse_brag(text: str) -> BragReading:
    """Read a BRAG cell; never raises. Blank is no status and no flag."""
    written = " ".join(text.split())
    if not written:
        return BragReading(text)
    words = _normalise(written).split()
    if words and set(words) <= COMPLETE_WORDS | {"action", "and"} and set(words) & COMPLETE_WORDS:
        return BragReading(text, Brag.BLUE)
    found = {ALIASES[word] for word in words if word in ALIASES}
    if words and len(found) == 1 and all(word in ALIASES for word in words):
        return BragReading(text, found.pop())
    if len(found) > 1:
        names = ", ".join(status.label for status in BRAG_ORDER if status in found)
        return BragReading(text, flags=(f"{written!r} names more than one status ({names})",))
    if len(words) == 1 and (near := _near_miss(words[0])):
        return BragReading(text, near, (f"read {written!r} as {near.label}: check it",))
    return BragReading(
        text, flags=(f"{written!r} is not a BRAG status: use Blue, Red, Amber or Green",)
    )
