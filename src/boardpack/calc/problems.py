"""A problem found in the input files, named as a person would look for it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file.

    ``file`` is the file as labelled in reports (relative to the folder given,
    e.g. ``903/2024/episodes.csv``); ``row`` the row as a spreadsheet numbers
    it (the header is row 1) for a CSV, or the line of the record for an XML;
    ``column`` the CSV header (or XML tag). The reason never quotes a child's
    data: only codes, and the child's ID in ``child``.
    """

    file: str
    row: int | None
    column: str | None
    reason: str
    child: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", {self.column}"
        who = f" (child {self.child})" if self.child else ""
        return f"{where}: {self.reason}{who}"


class InvalidInput(ValueError):
    """The inputs failed validation: nothing was loaded."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = "; ".join(str(p) for p in problems[:3])
        more = f" and {len(problems) - 3} more" if len(problems) > 3 else ""
        super().__init__(f"{len(problems)} problem(s) in the input files: {first}{more}")


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """By file, then row: problems of a whole file first, summaries of a column last."""

    def row(p: Problem) -> int:
        return p.row if p.row is not None else 0 if p.column is None else 2**62

    return sorted(problems, key=lambda p: (p.file, row(p), p.column or "", p.reason))
