"""The one import pipeline: read → validate everything → write in one transaction → report.

Each app registers its kinds of import (`register`, from its AppConfig.ready); every way in,
the `boardpack import` command, the imports page and later the API, calls `run_import` with
the kind, the source (one file, or a folder or zip of several) and who runs it. An importer
(`Importer`) reads the source, then validates all of it, collecting every problem and writing
nothing; only if there is none does `run_import` call its `write`, in one transaction.
`FileImporter` and its two forms, `TableImporter` (a header row over data rows) and
`WorkbookImporter` (every sheet as cells), make an importer of one file from three steps.
"""

from __future__ import annotations

import csv
import gc
import io
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Generic, Protocol, TypeVar

from django.conf import settings
from django.db import OperationalError, connection, transaction

from boardpack.core.encoding import stray_byte
from boardpack.core.problems import ImportFailed, Problem
from boardpack.lib.audit import User
from boardpack.lib.sources import MAX_WORKBOOK_UNPACKED, Source, SourceFile, check_archive

Read = TypeVar("Read")
Plan = TypeVar("Plan")
T = TypeVar("T")

MAX_ROWS = 200_000
"""Rows a file may have (an XLSX file's on all its sheets together)."""
MAX_COLUMNS = 1_000
"""Columns an XLSX sheet may fill; Excel's sheets have 16,384."""
MAX_CELLS = 3_000_000
"""Cells an XLSX file may have, empty ones within its rows included (200,000 rows of 15)."""


@dataclass(frozen=True)
class SourceRow:
    number: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()


@dataclass
class ImportReport:
    file: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def __str__(self) -> str:
        summary = (
            f"{self.file}: {self.rows} row(s) read; {self.created} created, "
            f"{self.updated} updated, {self.unchanged} unchanged"
        )
        return "\n".join([summary, *self.notes])


class Table:
    """Rows of a CSV or XLSX file with lower-cased header names."""

    def __init__(self, name: str, headers: list[str], rows: list[SourceRow]) -> None:
        self.name = name
        self.headers = headers
        self.rows = rows


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def too_large(size: int | None) -> str | None:
    """What the imports and uploads pages say of a file over BOARDPACK_UPLOAD_MAX_MB, if it is."""
    limit = settings.BOARDPACK_UPLOAD_MAX_MB
    if (size or 0) > limit * 1024 * 1024:
        return f"The selected file must be smaller than {limit} MB"
    return None


def _decode(name: str, data: bytes) -> str:
    if b"\x00" in data:
        raise ImportFailed([Problem(name, None, None, "is not a text CSV file (binary data)")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if stray := stray_byte(data):
        raise ImportFailed([Problem(name, stray.row, stray.column, stray.reason)])
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    raise ImportFailed([Problem(name, None, None, "is neither UTF-8 nor Windows-1252 text")])


def _csv_records(name: str, data: bytes) -> list[list[str]]:
    text = _decode(name, data)
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ImportFailed([Problem(name, None, None, f"is not valid CSV ({error})")]) from None


@dataclass(frozen=True)
class Sheet:
    """The cells of one sheet as text; `records[i]` is the row a spreadsheet numbers i + 1.

    A CSV file is one sheet with no name.
    """

    name: str
    records: list[list[str]]


@dataclass(frozen=True)
class Workbook:
    """A file read as sheets, for importers whose files are laid out in more than a table."""

    name: str
    sheets: list[Sheet]

    @property
    def rows(self) -> list[list[str]]:
        """Every row that has text, on every sheet."""
        return [r for s in self.sheets for r in s.records if any(c.strip() for c in r)]


class _Limits:
    """A file's rows and cells counted as they are read, so the reading stops at the first row
    past a limit; the refusal names the file, the sheet, the row and the limit."""

    def __init__(self, name: str) -> None:
        self.name, self.rows, self.cells = name, 0, 0

    def refuse(self, sheet: str, row: int, reason: str) -> ImportFailed:
        return ImportFailed([Problem(self.name, row, None, reason, sheet=sheet or None)])


def _sheet_records(sheet: Any, limits: _Limits) -> list[list[str]]:
    """A sheet's rows as text, read one at a time (openpyxl's read-only mode) and stopped at the
    first past a limit. A sheet that declares more cells than the limits allow is read as its
    cells are written, not padded to the size it declares."""
    if (sheet.max_row or 0) * (sheet.max_column or 0) > MAX_CELLS:
        sheet.reset_dimensions()
    records: list[list[str]] = []
    first = limits.rows
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if first + number > MAX_ROWS:
            raise limits.refuse(
                sheet.title, number, f"has more than {MAX_ROWS} rows: reading stopped here"
            )
        if not row:
            records.append([])
            continue
        limits.cells += len(row)
        if limits.cells > MAX_CELLS:
            raise limits.refuse(
                sheet.title, number, f"has more than {MAX_CELLS} cells: reading stopped here"
            )
        if len(row) > MAX_COLUMNS:
            if any(cell is not None for cell in row[MAX_COLUMNS:]):
                raise limits.refuse(
                    sheet.title, number, f"has cells beyond column {MAX_COLUMNS}: reading stopped"
                )
            row = row[:MAX_COLUMNS]
        records.append([_cell_text(cell) for cell in row])
    limits.rows += len(records)
    return records


@contextmanager
def _no_cyclic_collection() -> Iterator[None]:
    """The cyclic garbage collector paused while a workbook's rows are read: the rows are kept,
    not garbage, and each collection would walk the whole heap again (four fifths of the time
    of reading 200,000 rows)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _xlsx_sheets(name: str, data: bytes, *, first_only: bool) -> list[Sheet]:
    """The sheets of an XLSX file; its zip members are checked before openpyxl opens it (whose
    XML parsing defusedxml guards), and the reading stops at the first row past a limit."""
    from openpyxl import load_workbook

    limits = _Limits(name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(name, archive.infolist(), MAX_WORKBOOK_UNPACKED)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            with _no_cyclic_collection():
                return [
                    Sheet(sheet.title, _sheet_records(sheet, limits))
                    for sheet in (workbook.worksheets[:1] if first_only else workbook.worksheets)
                ]
        finally:
            workbook.close()
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError) as error:
        raise ImportFailed(
            [Problem(name, None, None, f"is not a readable XLSX ({error})")]
        ) from None


def _is_xlsx(name: str, data: bytes) -> bool:
    return name.lower().endswith(".xlsx") or data[:2] == b"PK"


def read_sheets(name: str, data: bytes) -> Workbook:
    """Every sheet of an XLSX file, or a CSV file as one sheet; unreadable files raise."""
    sheets = (
        _xlsx_sheets(name, data, first_only=False)
        if _is_xlsx(name, data)
        else [Sheet("", _csv_records(name, data))]
    )
    if sum(len(sheet.records) for sheet in sheets) > MAX_ROWS:
        raise ImportFailed([Problem(name, None, None, f"has more than {MAX_ROWS} rows")])
    return Workbook(name, sheets)


def read_table(name: str, data: bytes) -> Table:
    """Read a CSV or XLSX file's bytes into a table; file-level problems raise ImportFailed."""
    if _is_xlsx(name, data):
        sheets = _xlsx_sheets(name, data, first_only=True)
        records = sheets[0].records if sheets else []
    else:
        records = _csv_records(name, data)
    if not records or not any(cell.strip() for cell in records[0]):
        raise ImportFailed([Problem(name, 1, None, "has no header row")])
    headers = [cell.strip().lower() for cell in records[0]]
    seen: set[str] = set()
    errors = []
    for header in headers:
        if header and header in seen:
            errors.append(Problem(name, 1, header, "appears twice in the header"))
        seen.add(header)
    if errors:
        raise ImportFailed(errors)
    if len(records) - 1 > MAX_ROWS:
        raise ImportFailed([Problem(name, None, None, f"has more than {MAX_ROWS} rows")])
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(headers) and any(cell.strip() for cell in record[len(headers) :]):
            errors.append(Problem(name, number, None, "has more cells than the header names"))
            continue
        cells = {h: v for h, v in zip(headers, record, strict=False) if h}
        rows.append(SourceRow(number, cells))
    if errors:
        raise ImportFailed(errors)
    return Table(name, headers, rows)


class Report(Protocol):
    """What an import did, as the command prints it."""

    @property
    def rows(self) -> int: ...


class ErrorCollector:
    """Collects every problem of a source so they are all reported together."""

    def __init__(self, file: str, errors: list[Problem] | None = None) -> None:
        self.file = file
        self.errors: list[Problem] = [] if errors is None else errors

    def add(
        self, row: int | None, column: str | None, reason: str, *, sheet: str | None = None
    ) -> None:
        self.errors.append(Problem(self.file, row, column, reason, sheet=sheet))

    def cell(self, row: SourceRow, column: str, parse: Callable[[str], T]) -> T | None:
        """Parse one cell; a ValueError becomes an error naming the row and column."""
        try:
            return parse(row.get(column))
        except ValueError as error:
            self.add(row.number, column, str(error))
            return None

    def for_file(self, name: str) -> ErrorCollector:
        """The problems of one file of a source of several, collected with the others."""
        return ErrorCollector(name, self.errors)


class Importer(Protocol[Read, Plan]):
    """A kind of import, made for one run: three steps, of which only `write` writes.

    `read` turns the source into what `validate` checks (a table, a workbook, the files of a
    folder), raising ImportFailed for a source that cannot be read at all; `validate` checks all
    of it, adding every problem to `errors`, and returns the plan of what to write; `write`
    applies the plan, inside the transaction `run_import` holds, and reports what it did.
    """

    def read(self, source: Source) -> Read: ...

    def validate(self, read: Read, errors: ErrorCollector) -> Plan: ...

    def write(self, plan: Plan) -> Report: ...


@dataclass(frozen=True)
class ImportRun:
    """Who runs an import and the options given for its kind (a plan's `name`)."""

    user: User
    options: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Kind:
    """A kind of import as its app registers it.

    `make` builds the importer for one run; `label` says what the file holds; `options` names
    the options the kind requires, each with what it is; `several` is true for a kind that reads
    a folder or zip of several files; `columns` are the required and optional columns of a one-
    table kind; `upload` offers the kind on the imports page.
    """

    name: str
    label: str
    make: Callable[[ImportRun], Importer[Any, Any]]
    options: Mapping[str, str] = field(default_factory=dict)
    several: bool = False
    columns: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    upload: bool = False


KINDS: dict[str, Kind] = {}
"""Every registered kind by name, in the order the apps registered them."""


def register(*kinds: Kind) -> None:
    for kind in kinds:
        if kind.name in KINDS:
            raise ValueError(f"the import kind {kind.name!r} is registered twice")
        KINDS[kind.name] = kind


def run_import(
    kind: str, source: Source, *, user: User, options: Mapping[str, str] | None = None
) -> Report:
    """Import the source as the kind: every problem raises ImportFailed, and nothing is
    written; otherwise everything is written in one transaction."""
    if kind not in KINDS:
        raise ValueError(f"{kind!r} is not a kind of import: use one of {', '.join(KINDS)}")
    return _run(KINDS[kind].make(ImportRun(user, options or {})), kind, source)


def preview_import(
    kind: str, source: Source, *, user: User, options: Mapping[str, str] | None = None
) -> Report:
    """What importing the source would do, as its report says, without keeping any of it: the
    same checks and writes as run_import, in a transaction rolled back at the end."""
    if kind not in KINDS:
        raise ValueError(f"{kind!r} is not a kind of import: use one of {', '.join(KINDS)}")
    return _run(KINDS[kind].make(ImportRun(user, options or {})), kind, source, keep=False)


def _run(importer: Importer[Read, Plan], kind: str, source: Source, *, keep: bool = True) -> Report:
    read = importer.read(source)
    with one_at_a_time(kind, source.name):
        errors = ErrorCollector(source.name)
        plan = importer.validate(read, errors)
        if errors.errors:
            raise ImportFailed(errors.errors)
        report = importer.write(plan)
        transaction.set_rollback(not keep)
        return report


def lock_name(kind: str) -> str:
    """The name of a kind's lock (PostgreSQL's advisory lock is on its hashtext)."""
    return f"boardpack import {kind}"


@contextmanager
def one_at_a_time(kind: str, name: str) -> Iterator[None]:
    """A transaction in which this is the only import of its kind: what it checks is what it
    writes over, and two at once cannot both create the same rows. On PostgreSQL the kind's
    advisory lock, released when the transaction ends; on SQLite the database's write lock,
    taken when the transaction begins (BEGIN IMMEDIATE, settings.py). An import that waits
    BOARDPACK_IMPORT_WAIT_SECONDS for it is refused: try again."""
    wait = settings.BOARDPACK_IMPORT_WAIT_SECONDS
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SHOW lock_timeout")
                    (before,) = cursor.fetchone()
                    cursor.execute("SELECT set_config('lock_timeout', %s, true)", [f"{wait}s"])
                    cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [lock_name(kind)])
                    cursor.execute("SELECT set_config('lock_timeout', %s, true)", [before])
            yield
    except OperationalError as error:
        if not _waited_too_long(error):
            raise
        reason = (
            f"another import of {kind} is running: nothing was written; try again when it has "
            f"finished (this one waited {wait} seconds)"
        )
        raise ImportFailed([Problem(name, None, None, reason)]) from None


def _waited_too_long(error: OperationalError) -> bool:
    """PostgreSQL's lock_timeout (55P03), or SQLite's busy timeout."""
    return getattr(error.__cause__, "sqlstate", None) == "55P03" or "database is locked" in str(
        error
    )


@dataclass
class Checked(Generic[Plan]):
    """A file's plan with the report its writing fills in."""

    plan: Plan
    report: ImportReport


class FileImporter(ABC, Generic[Read, Plan]):
    """An importer of one file: read it (`read_file`), check it (`check`), write it (`apply`).
    The report names the file and the rows read (`count`)."""

    def read(self, source: Source) -> Read:
        return self.read_file(source.single())

    def validate(self, read: Read, errors: ErrorCollector) -> Checked[Plan]:
        plan = self.check(read, errors)
        return Checked(plan, ImportReport(errors.file, rows=self.count(read, plan)))

    def write(self, plan: Checked[Plan]) -> ImportReport:
        self.apply(plan.plan, plan.report)
        return plan.report

    @abstractmethod
    def read_file(self, file: SourceFile) -> Read: ...

    @abstractmethod
    def check(self, read: Read, errors: ErrorCollector) -> Plan: ...

    @abstractmethod
    def apply(self, plan: Plan, report: ImportReport) -> None: ...

    @abstractmethod
    def count(self, read: Read, plan: Plan) -> int: ...


class TableImporter(FileImporter[Table, Plan]):
    """A file of one header row over data rows, with these required and optional columns."""

    required: tuple[str, ...]
    optional: tuple[str, ...]

    def read_file(self, file: SourceFile) -> Table:
        table = read_table(file.name, file.read())
        check_columns(table, self.required, self.optional)
        return table

    def count(self, read: Table, plan: Plan) -> int:
        return len(read.rows)


class WorkbookImporter(FileImporter[Workbook, Plan]):
    """A file laid out in more than a table: every sheet's cells."""

    def read_file(self, file: SourceFile) -> Workbook:
        return read_sheets(file.name, file.read())

    def count(self, read: Workbook, plan: Plan) -> int:
        return len(read.rows)


def check_columns(table: Table, required: tuple[str, ...], optional: tuple[str, ...]) -> None:
    """Every required column is there and no column is unknown; else raise ImportFailed."""
    known = set(required) | set(optional)
    errors = [
        Problem(table.name, 1, column, "is a required column and is missing")
        for column in required
        if column not in table.headers
    ]
    errors += [
        Problem(
            table.name,
            1,
            column,
            f"is not a column of this file (known: {', '.join(sorted(known))})",
        )
        for column in table.headers
        if column and column not in known
    ]
    if errors:
        raise ImportFailed(errors)


def parse_decimal(text: str) -> Decimal | None:
    """A number such as 37.47, -2 or 1,234.5; blank gives None."""
    if not text:
        return None
    cleaned = text.replace(",", "") if _is_grouped(text) else text
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number") from None
    if not value.is_finite():
        raise ValueError(f"{text!r} is not a finite number")
    if abs(value) >= Decimal(10) ** 13:
        raise ValueError(f"{text!r} is too large")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -6:
        raise ValueError(f"{text!r} has more than 6 decimal places")
    return value


def _is_grouped(text: str) -> bool:
    whole = text.lstrip("-+").split(".", 1)[0]
    groups = whole.split(",")
    return (
        len(groups) > 1
        and 1 <= len(groups[0]) <= 3
        and all(len(g) == 3 and g.isdigit() for g in groups[1:])
    )


def parse_choice(text: str, choices: dict[str, T], what: str, default: T | None = None) -> T:
    """Map a case-insensitive word to a value, naming the allowed words when it fails."""
    key = " ".join(text.lower().split())
    if not key and default is not None:
        return default
    if key in choices:
        return choices[key]
    allowed = ", ".join(sorted({k for k in choices if k}))
    raise ValueError(f"{text!r} is not a {what}: use one of {allowed}")


YES_NO = {
    "yes": True,
    "y": True,
    "true": True,
    "1": True,
    "no": False,
    "n": False,
    "false": False,
    "0": False,
}


def unique_keys(
    rows: Iterable[tuple[SourceRow, Any]], errors: ErrorCollector, column: str, what: str
) -> None:
    """Report a key that appears in more than one row of the file."""
    first: dict[Any, int] = {}
    for row, key in rows:
        if key in first:
            errors.add(row.number, column, f"{what} already given in row {first[key]}")
        else:
            first[key] = row.number
