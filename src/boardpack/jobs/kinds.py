"""The kinds of job: each a function of the job's parameters that does the work, says how far
it has got, and returns what it made. A failure the person can act on is a JobFailure in words;
anything else is logged with its traceback and shown as an unexpected error."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class JobFailure(Exception):
    """The job cannot be done; the message says why, in words for the person who started it,
    with the problems of a refused file (each a dict of file, sheet, row, column, reason)."""

    def __init__(self, message: str, problems: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class Outcome:
    """What a job made: a file to download (or none) and a summary line."""

    summary: str
    content: bytes | None = None
    filename: str = ""
    content_type: str = ""


Progress = Callable[[int, int], None]
"""progress(steps_done, steps_total): records how far the job has got."""

Runner = Callable[[dict[str, Any], Progress], Outcome]

RUNNERS: dict[str, Runner] = {}


def register(kind: str) -> Callable[[Runner], Runner]:
    def add(runner: Runner) -> Runner:
        RUNNERS[kind] = runner
        return runner

    return add
