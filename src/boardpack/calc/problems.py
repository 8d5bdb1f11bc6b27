"""Problems in the calc engine's input files: the one Problem type (boardpack.core.problems), with
the fields of the returns named bare, as the DfE's specifications name them."""

from __future__ import annotations

from boardpack.core.problems import Problem


def problem(
    file: str, row: int | None, column: str | None, reason: str, child: str | None = None
) -> Problem:
    """A problem in a return's file, its column a field of the return (``DECOM``, ``LS``)."""
    return Problem(file, row, column, reason, child, quote_column=False)


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
