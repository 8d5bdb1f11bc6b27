"""Reading a delivery-plan tracker laid out as the seeds are, sheet by sheet, without writing.

On each sheet: title rows, then a header row (see `columns`), then for each objective an
objective row (`Objective 1 – …`), its aim row and its "How will we Achieve this:" row, then
its actions, one a row. Every sheet with a header row is read, in order; the same objective
number on another sheet continues that objective. The rules are in docs/plans-import-export.md.

Structure that cannot be read is an error (nothing is written); cells that are messy but
readable are kept as written and flagged for a person to resolve.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Any

from boardpack.core.brag import parse_brag
from boardpack.core.progress import parse_progress
from boardpack.core.timescales import parse_timescale
from boardpack.core.written_dates import MONTH, YEAR, WrittenDateError, full_year, month_end
from boardpack.core.written_dates import month_number as month_of
from boardpack.lib.importing import ErrorCollector, Sheet
from boardpack.plans.columns import (
    DEFAULT_HEADERS,
    MIN_KNOWN,
    REF_LENGTH,
    REQUIRED,
    column_key,
    column_letter,
    normalise_header,
)
from boardpack.plans.tracker_data import ActionRow, CellFlag, ObjectiveRows, SheetLayout, Tracker

CELL_LENGTH = 32_767
"""The most characters an Excel cell holds: a longer cell could not be exported back."""
HEADER_SEARCH_ROWS = 50
MAX_OBJECTIVE = 9999
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Characters a spreadsheet cell cannot hold (an XLSX export would fail on them)."""

OBJECTIVE_ROW = re.compile(r"^[\s•·*\-–—]*objective\s+(\d+)\s*[-–—:.)]*\s*(.*)$", re.I | re.S)
HOW_ROW = re.compile(r"^\s*how\s+will\s+we\s+achieve\s+this\b\s*[:?.]?\s*(.*)$", re.I | re.S)
DUPLICATE_OF = re.compile(r"\bduplicate\s+of\s+(?:action\s+)?(\S+)", re.I)
PERIOD = re.compile(
    rf"(?P<from>(?P<fm>{MONTH})\.?\s+(?P<fy>\d{{4}}))\s*(?:[-–—]|to)\s*"
    rf"(?P<to>(?P<tm>{MONTH})\.?\s+(?P<ty>{YEAR}))(?!\w)",
    re.I,
)


def _header_keys(record: list[str]) -> dict[int, str | None]:
    return {i: column_key(text) for i, text in enumerate(record) if text.strip()}


def _is_header(record: list[str]) -> bool:
    keys = [key for key in _header_keys(record).values() if key]
    return all(key in keys for key in REQUIRED) and len(set(keys)) >= MIN_KNOWN


def _find_header(sheet: Sheet) -> int | None:
    for index, record in enumerate(sheet.records[:HEADER_SEARCH_ROWS]):
        if _is_header(record):
            return index
    return None


def read_period(title_rows: list[list[str]]) -> tuple[str, date | None, date | None] | None:
    """`Corporate Parenting Strategy November 2018 – March 2020 Delivery Plan` → the period."""
    for record in title_rows:
        for cell in record:
            if match := PERIOD.search(cell):
                try:
                    start = date(int(match["fy"]), month_of(match["fm"]), 1)
                    end = month_end(month_of(match["tm"]), full_year(match["ty"]), match["to"])
                except (WrittenDateError, ValueError):
                    return match.group(), None, None
                return match.group(), start, end
    return None


class _SheetReader:
    """Reads one sheet's rows after its header into the tracker, collecting errors."""

    def __init__(self, tracker: Tracker, sheet: Sheet, header_index: int, errors: ErrorCollector):
        self.tracker, self.sheet, self.errors = tracker, sheet, errors
        header = sheet.records[header_index]
        self.header_row = header_index + 1
        self.columns: dict[int, tuple[str | None, str]] = {}
        self.names: dict[str, str] = {}
        self.layout = SheetLayout(
            sheet.name, sheet.records[:header_index], list(header), self.header_row
        )
        self.objective: ObjectiveRows | None = None
        self.cells: dict[str, Any] = {}
        self.in_intro = False
        self.in_how = False
        self._check_header(header)

    def error(self, row: int, column: str | None, reason: str) -> None:
        self.errors.add(row, column, reason, sheet=self.sheet.name or None)

    def _check_header(self, header: list[str]) -> None:
        seen: dict[str, str] = {}
        for index, text in enumerate(header):
            if not text.strip():
                continue
            key = column_key(text)
            same = key or f"extra:{normalise_header(text)}"
            if same in seen:
                self.error(self.header_row, text.strip(), f"means the same as {seen[same]!r}")
            seen[same] = text.strip()
            self.columns[index] = (key, text.strip())
            if key:
                self.names[key] = text.strip()

    def _column_name(self, index: int) -> str:
        return self.columns[index][1] if index in self.columns else column_letter(index)

    def read(self) -> SheetLayout:
        for index in range(self.header_row, len(self.sheet.records)):
            record = self.sheet.records[index]
            filled = [(i, text) for i, text in enumerate(record) if text.strip()]
            if filled and not _is_header(record):
                self._row(index + 1, filled)
        return self.layout

    def _row(self, row: int, filled: list[tuple[int, str]]) -> None:
        for index, text in filled:
            column = self._column_name(index)
            if len(text) > CELL_LENGTH:
                self.error(row, column, f"holds more than {CELL_LENGTH} characters")
                return
            if control := CONTROL.search(text):
                code = f"U+{ord(control.group()):04X}"
                self.error(row, column, f"holds a control character ({code}) a cell cannot hold")
                return
        first_index, first = filled[0]
        if match := OBJECTIVE_ROW.match(first.strip()):
            self._objective(row, filled, match)
        elif self.in_intro and len(filled) == 1 and not self._looks_like_ref(first_index, first):
            self._intro(row, first)
        else:
            self.in_intro = False
            self._action(row, filled)

    def _looks_like_ref(self, index: int, text: str) -> bool:
        return self.columns.get(index, (None, ""))[0] == "ref" and _looks_like_ref(text)

    def _objective(self, row: int, filled: list[tuple[int, str]], match: re.Match[str]) -> None:
        column = self._column_name(filled[0][0])
        if len(filled) > 1:
            others = ", ".join(self._column_name(i) for i, _ in filled[1:])
            self.error(row, column, f"an objective row has its text in one cell; also in {others}")
        if len(match[1]) > len(str(MAX_OBJECTIVE)) or int(match[1]) > MAX_OBJECTIVE:
            self.error(row, column, f"objective {_short(match[1])} is not a number up to 9999")
            return
        number = int(match[1])
        if number in self.layout.objectives:
            self.error(row, column, f"objective {number} already starts earlier on this sheet")
            return
        title, _, aim = match[2].strip().partition("\n")
        objective = self.tracker.objectives.get(number)
        if objective is None:
            objective = ObjectiveRows(number, title.strip(), self.sheet.name, row)
            self.tracker.objectives[number] = objective
        elif title.strip() != objective.title:
            self.tracker.objective_flags.append(
                CellFlag(
                    self.sheet.name,
                    row,
                    column,
                    filled[0][1],
                    f"objective {number} is titled differently at row {objective.row}"
                    + (f" of sheet {objective.sheet!r}" if objective.sheet else "")
                    + ": the first title is kept",
                )
            )
        self.objective = objective
        self.layout.objectives.append(number)
        self.cells = {"heading": filled[0][1], "aim": [], "how": []}
        objective.cells[self.sheet.name] = self.cells
        self.in_intro, self.in_how = True, False
        if aim.strip():
            self._intro(row, aim, written=False)

    def _intro(self, row: int, text: str, *, written: bool = True) -> None:
        """An aim or "how" row; `written` is False for an aim inside the objective's cell."""
        assert self.objective is not None
        how = HOW_ROW.match(text)
        self.in_how = self.in_how or how is not None
        part = "how" if self.in_how else "aim"
        if written:
            self.cells[part].append(text)
        content = (how[1] if how else text).strip()
        if content and self.objective.sheet == self.sheet.name:
            getattr(self.objective, part).append(content)

    def _action(self, row: int, filled: list[tuple[int, str]]) -> None:
        cells: dict[str, str] = {}
        source: dict[str, str] = {}
        flags: list[CellFlag] = []
        for index, text in filled:
            key, name = self.columns.get(index, (None, column_letter(index)))
            source[name] = text
            if key:
                cells[key] = text
            elif index not in self.columns:
                reason = "text in a column without a header: kept as written"
                flags.append(CellFlag(self.sheet.name, row, name, text, reason))
        ref_column = self.names.get("ref", DEFAULT_HEADERS["ref"])
        ref = cells.get("ref", "").strip()
        if self.objective is None:
            self.error(row, ref_column, "an action before any objective row (`Objective 1 – …`)")
            return
        if not _looks_like_ref(ref):
            self.error(
                row,
                ref_column,
                f"{_short(ref)!r} does not look like a ref (at most {REF_LENGTH} characters and "
                "three words); an objective row starts `Objective 1 – …`",
            )
            return
        action = ActionRow(
            self.sheet.name,
            row,
            self.objective.number,
            cells,
            source,
            timescale=parse_timescale(cells.get("timescale", "").strip()),
            brag=parse_brag(cells.get("brag", "").strip()),
            entries=parse_progress(cells.get("progress", "").strip()),
            flags=flags,
            names=self.names,
        )
        self._flag_cells(action)
        self.tracker.actions.append(action)

    def _flag_cells(self, action: ActionRow) -> None:
        if not action.ref:
            action.flag("ref", "an action with no ref")
        for reason in action.timescale.flags:
            action.flag("timescale", reason)
        for reason in action.brag.flags:
            action.flag("brag", reason)
        for entry in action.entries:
            for reason in entry.flags:
                action.flag("progress", reason, entry.raw)


def _looks_like_ref(text: str) -> bool:
    return len(text.strip()) <= REF_LENGTH and len(text.split()) <= 3


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _number_repeats(tracker: Tracker) -> None:
    """Number each repeat of a ref within its sheet and objective; flag refs used twice."""
    seen: dict[tuple[int, str], list[ActionRow]] = defaultdict(list)
    counts: dict[tuple[str, int, str], int] = defaultdict(int)
    for action in tracker.actions:
        action.occurrence = counts[(action.sheet, action.objective, action.ref)]
        counts[(action.sheet, action.objective, action.ref)] += 1
        if not action.ref:
            continue
        earlier = seen[(action.objective, action.ref.casefold())]
        if earlier:
            where = f"row {earlier[0].row}"
            if earlier[0].sheet != action.sheet:
                where += f" of sheet {earlier[0].sheet!r}"
            reason = f"objective {action.objective} already has an action {earlier[0].ref!r}"
            action.flag("ref", f"{reason} ({where})")
        earlier.append(action)


def _link_duplicates(tracker: Tracker) -> None:
    """`Duplicate of 12b` in an action's activity or progress links it to that action."""
    by_ref: dict[tuple[int, str], list[int]] = defaultdict(list)
    for index, action in enumerate(tracker.actions):
        by_ref[(action.objective, action.ref.casefold())].append(index)
    for index, action in enumerate(tracker.actions):
        for key in ("progress", "activity"):
            match = DUPLICATE_OF.search(action.text(key))
            if match is None:
                continue
            ref = match[1].strip(".,;:)('\"").casefold()
            found = [i for i in by_ref.get((action.objective, ref), []) if i != index]
            if len(found) == 1:
                action.duplicate_of = found[0]
            else:
                how_many = "no action" if not found else f"{len(found)} actions"
                reason = (
                    f"says it duplicates {match[1]!r}, but objective {action.objective} has "
                    f"{how_many} with that ref: not linked"
                )
                action.flag(key, reason, match.group())
            break


def read_tracker(sheets: list[Sheet], errors: ErrorCollector) -> Tracker:
    """Read every sheet that has a header row; report structural problems to `errors`."""
    tracker = Tracker()
    for sheet in sheets:
        header_index = _find_header(sheet)
        if header_index is None:
            tracker.skipped_sheets.append(sheet.name)
            continue
        tracker.sheets.append(_SheetReader(tracker, sheet, header_index, errors).read())
    if not tracker.sheets:
        errors.add(
            None,
            None,
            "no header row found: a tracker needs a row naming its columns, at least "
            f"{' and '.join(DEFAULT_HEADERS[key] for key in REQUIRED)} and "
            f"{MIN_KNOWN - len(REQUIRED)} more of "
            f"{', '.join(DEFAULT_HEADERS.values())}, within the first {HEADER_SEARCH_ROWS} rows",
        )
        return tracker
    _number_repeats(tracker)
    _link_duplicates(tracker)
    tracker.period = read_period([row for s in tracker.sheets for row in s.title_rows])
    return tracker
