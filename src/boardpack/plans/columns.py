"""A delivery-plan tracker's columns, and how header names written by hand are matched to them.

Header names are matched loosely: case, spaces and punctuation (`B.R.A.G.`) do not matter,
`&` is `and` (and `and` may be left out), and a plural is its singular (`Timescales`,
`Responsible Services`). A header that ends in `Ref` and names a plan (`Getting to Good Plan
Ref`) is the refs into the parent plan. Any other header is kept as an extra column, its cells
as written.
"""

from __future__ import annotations

import re

COLUMNS: tuple[tuple[str, str], ...] = (
    ("ref", "Ref"),
    ("parent_refs", "Getting to Good Plan Ref"),
    ("activity", "Activity"),
    ("progress", "Progress"),
    ("evidence", "Evidence"),
    ("metric", "Metric"),
    ("current", "Current Data & Date"),
    ("target", "Target Data & Date"),
    ("responsible", "Responsible Service"),
    ("timescale", "Timescales"),
    ("brag", "BRAG"),
)
"""Each column's key and its name in the seeds' trackers, in the seeds' order."""

DEFAULT_HEADERS = dict(COLUMNS)
REQUIRED = ("ref", "activity")
"""A header row must name these (and at least MIN_KNOWN known columns in all)."""
MIN_KNOWN = 4
REF_LENGTH = 30
"""The longest ref: `10b.i`, `11a1 - a4`; longer text in the Ref column is not a ref."""

_ALIASES = {
    "ref": {"ref", "ref no", "reference", "action ref", "action reference", "action no", "no"},
    "activity": {"activity", "action", "task", "key task activity"},
    "progress": {"progress", "progress update", "update", "latest progress", "progress to date"},
    "evidence": {"evidence"},
    "metric": {"metric", "measure", "success measure", "metric measure"},
    "current": {"current data date", "current data", "current", "current value date"},
    "target": {"target data date", "target data", "target", "target value date"},
    "responsible": {
        "responsible service",
        "responsible",
        "responsible officer",
        "responsible person",
        "responsible officer service",
        "lead",
        "lead officer",
        "owner",
    },
    "timescale": {"timescale", "due date", "due", "deadline", "target date"},
    "brag": {"brag", "rag", "brag status", "rag status", "status", "brag rating", "rag rating"},
}
_NOT_WORD = re.compile(r"[\W_]+")


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def normalise_header(text: str) -> str:
    """`Current Data & Date` → `current data date`; `Timescales` → `timescale`; `B.R.A.G.` →
    `brag` (full stops are dropped, other punctuation separates words)."""
    words = _NOT_WORD.sub(" ", text.replace(".", "").replace("&", " and ")).casefold().split()
    return " ".join(_singular(word) for word in words if word != "and")


_BY_NAME = {normalise_header(alias): key for key, aliases in _ALIASES.items() for alias in aliases}


def column_key(header: str) -> str | None:
    """The column a header names, or None for a column Boardpack does not read."""
    name = normalise_header(header)
    if name in _BY_NAME:
        return _BY_NAME[name]
    last = name.rsplit(" ", 1)[-1] if name else ""
    if " " in name and last in {"ref", "reference"}:
        return "parent_refs"
    return None


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: how a spreadsheet names the column."""
    letters, number = "", index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
