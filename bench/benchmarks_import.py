"""The published benchmarks import (issue 7): the whole of the Department for Education's LAIT
data (src/boardpack/demo/seed/lait: 641,070 figure rows, the dictionary of 434 measures, the
statistical neighbours and the authority list) through `boardpack import benchmarks`, on each
database, into an empty database and then again (every figure replaced).

Each import is a fresh `boardpack` process timed from start to exit, as a user runs it; the
time the import itself reports (read, check, write and commit) is shown beside it. The report
is checked: every row read, 640,900 figures stored and 170 rows listed as not loaded.

    .venv/bin/python bench/benchmarks_import.py   # rewrites this part of docs/PERFORMANCE.md

`make bench` (bench/run.py) calls `measure()` and adds `markdown()` to the whole file.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from common import BenchError, check, log, markdown_table, replace_section, run

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"
LAIT = ROOT / "src" / "boardpack" / "demo" / "seed" / "lait"
BOARDPACK = Path(sys.executable).parent / "boardpack"
ROWS, STORED, NOT_LOADED = 641_070, 640_900, 170
GOAL = 20.0
START, END = "<!-- benchmarks-import:start -->", "<!-- benchmarks-import:end -->"
READ = re.compile(r"bds_long_0\.parquet: (\d+) row\(s\) read; (\d+) created")
TOOK = re.compile(r"row\(s\) in ([\d.]+) s$", re.M)
SKIPPED = re.compile(r"not loaded: (\d+) rows")


class Backend(Protocol):
    @property
    def name(self) -> str: ...

    def fresh(self) -> str: ...


@dataclass(frozen=True)
class Run:
    wall: float
    """Seconds from the process's start to its exit."""
    inside: float
    """Seconds the import reports for itself: read, check, write and commit."""


@dataclass(frozen=True)
class ImportFigures:
    first: Run
    again: Run
    load: float
    """The machine's one-minute load average when the first import started."""


def _import(url: str) -> Run:
    env = {**os.environ, "DATABASE_URL": url}
    wall, output = run([str(BOARDPACK), "import", "benchmarks", str(LAIT)], env=env)
    read = READ.search(output)
    took = TOOK.search(output)
    if read is None or took is None:
        raise BenchError(f"import benchmarks: no report in {output!r}")
    check(
        (int(read[1]), int(read[2])) == (ROWS, STORED),
        f"import benchmarks: {read[1]} read, {read[2]} stored; expected {ROWS} and {STORED}",
    )
    skipped = sum(int(n) for n in SKIPPED.findall(output))
    check(skipped == NOT_LOADED, f"import benchmarks: {skipped} rows listed as not loaded")
    return Run(wall, float(took[1]))


def measure(backends: Sequence[Backend]) -> dict[str, ImportFigures]:
    """Each backend emptied, migrated, then the LAIT files imported twice."""
    found = {}
    for backend in backends:
        log(f"{backend.name}: boardpack import benchmarks, {ROWS:,} rows, twice")
        url = backend.fresh()
        run(
            [str(BOARDPACK), "migrate", "--verbosity", "0"], env={**os.environ, "DATABASE_URL": url}
        )
        load = os.getloadavg()[0]
        found[backend.name] = ImportFigures(first=_import(url), again=_import(url), load=load)
    return found


def _seconds(value: float) -> str:
    return f"{value:.1f} s"


def section(figures: dict[str, ImportFigures]) -> list[str]:
    names = list(figures)
    shown: list[tuple[str, Callable[[ImportFigures], str]]] = [
        ("first import into an empty database: wall clock", lambda f: _seconds(f.first.wall)),
        ("first import: the time the import reports", lambda f: _seconds(f.first.inside)),
        (
            "the same files again (every figure replaced): wall clock",
            lambda f: _seconds(f.again.wall),
        ),
        ("the same files again: the time the import reports", lambda f: _seconds(f.again.inside)),
        (f"load average when it started ({os.cpu_count()} cores)", lambda f: f"{f.load:.2f}"),
    ]
    goal = [
        [
            f"`boardpack import benchmarks`: all {ROWS:,} published rows in under {GOAL:.0f} s",
            *(
                f"{'met' if f.first.wall < GOAL else '**not met**'} ({_seconds(f.first.wall)})"
                for f in figures.values()
            ),
        ]
    ]
    return [
        START,
        "## Published benchmarks import",
        "",
        "`boardpack import benchmarks src/boardpack/demo/seed/lait`: the Department for "
        f"Education's LAIT data, {ROWS:,} figure rows of 434 measures for 170 areas "
        "(2016–2025), with the measures' dictionary, the statistical neighbours and the "
        "authority list.",
        "",
        *markdown_table(["goal", *names], goal),
        "",
        *markdown_table(
            ["measurement", *names],
            [[label, *(show(f) for f in figures.values())] for label, show in shown],
        ),
        "",
        "- Each database starts empty and migrated; each import is a fresh `boardpack` process "
        "timed from start to exit (so with Python and Django start-up), and the time the "
        "import reports for itself is shown beside it.",
        "- DuckDB reads the parquet file and checks every row in SQL; the rows are written by "
        "COPY on PostgreSQL and by executemany in chunks of 50,000 on SQLite, in one "
        "transaction with the other files. Each report is checked: "
        f"{ROWS:,} rows read, {STORED:,} figures stored, {NOT_LOADED} rows (a year of '0' "
        "with no figure) listed as not loaded.",
        END,
    ]


def markdown(figures: dict[str, ImportFigures]) -> str:
    """The section as text to add after the rest of the document."""
    return "\n" + "\n".join(section(figures)) + "\n"


def main() -> None:
    from run import POSTGRES_URL, PostgreSQL, SQLite

    os.environ.setdefault("SECRET_KEY", "insecure-key-for-benchmarks-only")
    os.environ["DEBUG"] = "false"
    own = POSTGRES_URL.rsplit("/", 1)[0] + "/boardpack_bench_lait"
    with tempfile.TemporaryDirectory(prefix="boardpack-bench-") as temp:
        figures = measure([SQLite(Path(temp)), PostgreSQL(own)])
    lines = section(figures)
    DOC.write_text(replace_section(DOC.read_text() if DOC.exists() else "", lines, START, END))
    log(f"wrote the benchmarks import section of {DOC.relative_to(ROOT)}")
    log("\n".join(line for line in lines if line.startswith("| ")))


if __name__ == "__main__":
    main()
