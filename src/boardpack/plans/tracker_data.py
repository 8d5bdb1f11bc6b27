"""What a delivery-plan tracker holds once read: sheets, objectives, actions and flagged cells.

Plain data, built by `plans.tracker.read_tracker` and written by `plans.import_writes`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from boardpack.core.brag import BragReading
from boardpack.core.progress import ProgressEntry
from boardpack.core.timescales import Timescale
from boardpack.plans.columns import DEFAULT_HEADERS


@dataclass(frozen=True)
class CellFlag:
    """A cell kept as written that a person needs to look at."""

    sheet: str
    row: int
    column: str
    text: str
    reason: str

    def __str__(self) -> str:
        where = [f"sheet {self.sheet!r}"] if self.sheet else []
        where += [f"row {self.row}", f"column {self.column!r}"]
        return f"{', '.join(where)}: {self.text!r}: {self.reason}"


@dataclass
class ObjectiveRows:
    number: int
    title: str
    sheet: str
    row: int
    aim: list[str] = field(default_factory=list)
    how: list[str] = field(default_factory=list)
    cells: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per sheet, the rows as written: {"heading": text, "aim": [texts], "how": [texts]}."""


@dataclass
class ActionRow:
    sheet: str
    row: int
    objective: int
    cells: dict[str, str]
    """The cell text as written for each known column key (missing columns are blank)."""
    source_cells: dict[str, str]
    """Every non-blank cell of the row as written, keyed by its header as written."""
    timescale: Timescale
    brag: BragReading
    entries: list[ProgressEntry]
    flags: list[CellFlag] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    """Each known column's header as written on this sheet."""
    occurrence: int = 0
    duplicate_of: int | None = None
    """The index in Tracker.actions of the action this one says it duplicates."""

    def text(self, key: str) -> str:
        return self.cells.get(key, "").strip()

    def column(self, key: str) -> str:
        return self.names.get(key, DEFAULT_HEADERS[key])

    def flag(self, key: str, reason: str, text: str | None = None) -> None:
        written = self.text(key) if text is None else text
        self.flags.append(CellFlag(self.sheet, self.row, self.column(key), written, reason))

    @property
    def ref(self) -> str:
        return self.text("ref")

    @property
    def key(self) -> tuple[str, int, str, int]:
        return (self.sheet, self.objective, self.ref, self.occurrence)


@dataclass
class SheetLayout:
    name: str
    title_rows: list[list[str]]
    header: list[str]
    header_row: int
    objectives: list[int] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "title_rows": self.title_rows,
            "header": self.header,
            "objectives": self.objectives,
        }


@dataclass
class Tracker:
    sheets: list[SheetLayout] = field(default_factory=list)
    objectives: dict[int, ObjectiveRows] = field(default_factory=dict)
    actions: list[ActionRow] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)
    objective_flags: list[CellFlag] = field(default_factory=list)
    period: tuple[str, date | None, date | None] | None = None

    @property
    def rows(self) -> list[ActionRow]:
        return self.actions

    @property
    def flags(self) -> list[CellFlag]:
        return [*self.objective_flags, *(flag for a in self.actions for flag in a.flags)]
