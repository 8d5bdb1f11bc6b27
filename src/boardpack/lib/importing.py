"""The one import pipeline: read → validate everything → write in one transaction → report.

An importer supplies a row schema (its columns) and two steps: `validate`, which turns every
row into a plan or errors without writing, and `write`, which applies the plan. Nothing is
written unless every row of the file is valid.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Generic, Protocol, TypeVar

from django.db import transaction

Plan = TypeVar("Plan")
T = TypeVar("T")

MAX_ROWS = 200_000


@dataclass(frozen=True)
class RowError:
    """One problem in an import file, named by file, sheet (XLSX), row and column.

    Rows are numbered as a spreadsheet shows them; in the scorecard's files the header is row 1.
    """

    file: str
    row: int | None
    column: str | None
    reason: str
    sheet: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.sheet:
            where.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: {self.reason}"


class ImportFailed(Exception):
    """The file was rejected; nothing was written. `errors` lists every problem found."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} error(s); nothing was written")
        self.errors = errors


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


def _decode(name: str, data: bytes) -> str:
    if b"\x00" in data:
        raise ImportFailed([RowError(name, None, None, "is not a text CSV file (binary data)")])
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailed([RowError(name, None, None, "is neither UTF-8 nor Windows-1252 text")])


def _csv_records(name: str, data: bytes) -> list[list[str]]:
    text = _decode(name, data)
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ImportFailed([RowError(name, None, None, f"is not valid CSV ({error})")]) from None


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


def _xlsx_sheets(name: str, data: bytes, *, first_only: bool) -> list[Sheet]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheets = []
        for sheet in workbook.worksheets[:1] if first_only else workbook.worksheets:
            rows = sheet.iter_rows(values_only=True)
            sheets.append(Sheet(sheet.title, [[_cell_text(cell) for cell in row] for row in rows]))
        workbook.close()
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError) as error:
        raise ImportFailed(
            [RowError(name, None, None, f"is not a readable XLSX ({error})")]
        ) from None
    return sheets


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
        raise ImportFailed([RowError(name, None, None, f"has more than {MAX_ROWS} rows")])
    return Workbook(name, sheets)


def read_table(name: str, data: bytes) -> Table:
    """Read a CSV or XLSX file's bytes into a table; file-level problems raise ImportFailed."""
    if _is_xlsx(name, data):
        sheets = _xlsx_sheets(name, data, first_only=True)
        records = sheets[0].records if sheets else []
    else:
        records = _csv_records(name, data)
    if not records or not any(cell.strip() for cell in records[0]):
        raise ImportFailed([RowError(name, 1, None, "has no header row")])
    headers = [cell.strip().lower() for cell in records[0]]
    seen: set[str] = set()
    errors = []
    for header in headers:
        if header and header in seen:
            errors.append(RowError(name, 1, header, "appears twice in the header"))
        seen.add(header)
    if errors:
        raise ImportFailed(errors)
    if len(records) - 1 > MAX_ROWS:
        raise ImportFailed([RowError(name, None, None, f"has more than {MAX_ROWS} rows")])
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(headers) and any(cell.strip() for cell in record[len(headers) :]):
            errors.append(RowError(name, number, None, "has more cells than the header names"))
            continue
        cells = {h: v for h, v in zip(headers, record, strict=False) if h}
        rows.append(SourceRow(number, cells))
    if errors:
        raise ImportFailed(errors)
    return Table(name, headers, rows)


class Importer(Protocol[Plan]):
    """A row schema and the two steps of the pipeline.

    An importer whose files are not one header row over data rows (a plan tracker) also has
    `read(name, data)`, which returns what its `validate` takes in place of the table.
    """

    required: tuple[str, ...]
    optional: tuple[str, ...]

    def validate(self, table: Table, errors: ErrorCollector) -> Plan: ...

    def write(self, plan: Plan, report: ImportReport) -> None: ...


class ErrorCollector:
    """Collects every error of a file so they are all reported together."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[RowError] = []

    def add(
        self, row: int | None, column: str | None, reason: str, *, sheet: str | None = None
    ) -> None:
        self.errors.append(RowError(self.file, row, column, reason, sheet))

    def cell(self, row: SourceRow, column: str, parse: Callable[[str], T]) -> T | None:
        """Parse one cell; a ValueError becomes an error naming the row and column."""
        try:
            return parse(row.get(column))
        except ValueError as error:
            self.add(row.number, column, str(error))
            return None


class Pipeline(Generic[Plan]):
    def __init__(self, importer: Importer[Plan]) -> None:
        self.importer = importer

    def check_columns(self, table: Table) -> None:
        known = set(self.importer.required) | set(self.importer.optional)
        errors = [
            RowError(table.name, 1, column, "is a required column and is missing")
            for column in self.importer.required
            if column not in table.headers
        ]
        errors += [
            RowError(
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

    def run(self, name: str, data: bytes) -> ImportReport:
        read = getattr(self.importer, "read", None)
        if read is None:
            table = read_table(name, data)
            self.check_columns(table)
        else:
            table = read(name, data)
        collector = ErrorCollector(name)
        plan = self.importer.validate(table, collector)
        if collector.errors:
            raise ImportFailed(collector.errors)
        report = ImportReport(file=name, rows=len(table.rows))
        with transaction.atomic():
            self.importer.write(plan, report)
        return report


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
    if value.as_tuple().exponent < -6:  # type: ignore[operator]
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
