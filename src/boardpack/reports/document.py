"""The report document model: what a report says, built once, rendered four ways.

Plain values only: builders fill it from the database, renderers (HTML, PDF, Word, Excel) turn
it into files and never query anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import ClassVar


@dataclass(frozen=True)
class Mark:
    """A status symbol as printed: shape glyph, text and a colour key (never colour alone)."""

    key: str
    glyph: str
    text: str


@dataclass(frozen=True)
class Cell:
    text: str
    number: Decimal | None = None
    """The value behind the text, so a spreadsheet gets a number, not a string."""
    decimals: int = 0
    mark: Mark | None = None


@dataclass(frozen=True)
class Table:
    kind: ClassVar[str] = "table"
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    row_headers: bool = False
    """True when each row's first cell labels the row (e.g. Actual / Target / Symbol)."""
    widths: tuple[int, ...] = ()
    """Column widths in percent of the table (summing to 100), for columns of long text; empty:
    equal columns."""

    @property
    def numeric_columns(self) -> frozenset[int]:
        """Columns (from 0) holding a number in some row: right-aligned when printed."""
        return frozenset(
            n for row in self.rows for n, cell in enumerate(row) if cell.number is not None
        )


@dataclass(frozen=True)
class Line:
    """One line of a chart, a value per label (None: no point there)."""

    name: str
    values: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class Chart:
    kind: ClassVar[str] = "chart"
    title: str
    svg: str
    data: Table
    labels: tuple[str, ...] = ()
    lines: tuple[Line, ...] = ()
    """The chart's lines over `labels`, for a spreadsheet to draw its own chart (Excel, which
    cannot show the SVG); empty: the data table alone."""
    decimals: int = 0


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    text: str
    style: str = "body"
    """body, lead, muted or heading."""


@dataclass(frozen=True)
class Commentary:
    author: str
    subject: str
    text: str


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class IndicatorBlock:
    """One indicator as the quarterly report prints it."""

    kind: ClassVar[str] = "indicator"

    code: str
    title: str
    facts: tuple[Fact, ...]
    mark: Mark
    grid: Table
    chart: Chart | None
    commentary: tuple[Commentary, ...]
    no_comment_text: str = ""
    signals: tuple[tuple[str, Mark], ...] = ()
    """Labelled marks printed beside the status: SPC's variation and assurance icons."""
    spc_chart: Chart | None = None


Block = Paragraph | Table | Chart | IndicatorBlock


@dataclass(frozen=True)
class Section:
    heading: str
    level: int
    blocks: tuple[Block, ...] = ()
    mark: Mark | None = None
    page_break: bool = False
    sheet: str = ""
    """The Excel sheet this section's tables go to (blank: the previous section's sheet)."""


@dataclass(frozen=True)
class Document:
    title: str
    authority: str
    data_date: date
    """The date of the data (the period's end), never the clock's: the same data gives the same
    document."""
    cover_lines: tuple[str, ...] = ()
    sections: tuple[Section, ...] = field(default_factory=tuple)
    landscape: bool = False
    """Printed (PDF, Word) on landscape pages: for wide tables of text, as trackers are."""
    filename: str = ""
    """The download's name without its extension, when the title does not make a good one."""

    @property
    def filename_stem(self) -> str:
        """The filename, else the title in lower case, words joined by single hyphens."""
        if self.filename:
            return self.filename
        return "-".join("".join(c if c.isalnum() else " " for c in self.title.lower()).split())
