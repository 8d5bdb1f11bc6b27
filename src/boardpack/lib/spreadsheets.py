"""Cells written into CSV and Excel files so that no spreadsheet runs what a person typed.

A cell of text that begins with = + - @, a tab or a carriage return is a formula to Excel and
LibreOffice when they open a CSV file (OWASP, CSV injection): `=HYPERLINK("http://evil","x")`
links anywhere, `=cmd|' /C calc'!A0` asks to run a program. In CSV such text is prefixed with a
single quote, so the spreadsheet shows it as text; a number written as text (`-2.5`) is left
alone. In XLSX a cell has a type: openpyxl makes any string that begins with "=" a formula,
so every cell Boardpack writes goes through `set_value`, which keeps it a string (shown as
written, never run). Every CSV and Excel export writes its cells through this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # openpyxl is loaded by the Excel writers only, not by a CSV export
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
"""A number a spreadsheet reads as a number: a formula of nothing but itself."""
K = TypeVar("K")


def csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text when it would otherwise run it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_row(values: Iterable[object]) -> list[object]:
    return [csv_cell(value) for value in values]


def csv_record(record: Mapping[K, object]) -> dict[K, object]:
    """A csv.DictWriter row, each cell as csv_cell makes it."""
    return {key: csv_cell(value) for key, value in record.items()}


def set_value(cell: Cell, value: Any) -> Cell:
    """Put the value in the cell; text stays text, even when it begins with "="."""
    cell.value = value
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell


def append_row(sheet: Worksheet, values: Iterable[object]) -> None:
    """Worksheet.append, each value as set_value puts it."""
    from openpyxl.cell.cell import Cell

    # append moves each cell to its place in the new row
    sheet.append([set_value(Cell(sheet, row=1, column=1), value) for value in values])
