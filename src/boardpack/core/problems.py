"""A problem found in an input file, and the failure that lists them: the one error type of every
import (boardpack.lib.importing) and of the calc engine's inputs (boardpack.calc)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, named as a person would look for it.

    ``file`` is the file as labelled in reports (``values.csv``, or relative to the folder
    given: ``903/2024/episodes.csv``); ``sheet`` the sheet of an XLSX; ``row`` the row as a
    spreadsheet numbers it (the header is row 1), or the line of a record in an XML; ``column``
    the header (or XML tag). The reason never quotes a child's data: only codes, and the child's
    ID in ``child``.

    A column is shown as ``column 'code'``, a header as the person wrote it; the fields of a
    statutory return are shown bare (``DECOM``), as the return's specification names them
    (``quote_column=False``). How it is shown is not part of what the problem is.
    """

    file: str
    row: int | None
    column: str | None
    reason: str
    child: str | None = None
    sheet: str | None = None
    quote_column: bool = field(default=True, compare=False)

    def __str__(self) -> str:
        where = [self.file]
        if self.sheet:
            where.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}" if self.quote_column else self.column)
        who = f" (child {self.child})" if self.child else ""
        return f"{', '.join(where)}: {self.reason}{who}"


class ImportFailed(Exception):
    """The source was rejected; nothing was written. `errors` lists every problem found."""

    def __init__(self, errors: list[Problem]) -> None:
        super().__init__(f"{len(errors)} error(s); nothing was written")
        self.errors = errors
