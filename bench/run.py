"""Boardpack's benchmarks (`make bench`): writes docs/PERFORMANCE.md, overwriting it.

For each database (SQLite in a temporary directory; PostgreSQL `boardpack_bench`, dropped and
recreated, or the database named by BENCH_POSTGRES_URL) it loads generated data through the
`boardpack` command as a user would, and times: importing indicators, the first import of ten
years of values, re-importing them unchanged, importing comments, `boardpack status`, and the
scorecard page (bench/page.py). The page's SQL query count is measured at 30 and at 300
indicators and must be the same. Every command runs in its own process, so each time includes
Python and Django start-up, which is measured too.
"""

from __future__ import annotations

import json
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import django
import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg.rows import TupleRow

from generate import Dataset, generate

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"
BOARDPACK = Path(sys.executable).parent / "boardpack"
PAGE_SCRIPT = Path(__file__).resolve().parent / "page.py"
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/boardpack_bench"
)
FEW, MANY = 30, 300
REPEATS = 5
IMPORT_GOAL, STATUS_GOAL, PAGE_GOAL = 60.0, 2.0, 1.0
REPORT = re.compile(r"(\d+) created, (\d+) updated, (\d+) unchanged")


class BenchError(Exception):
    """A command failed or gave a wrong answer: the figures would mean nothing."""


def check(condition: bool, message: str) -> None:
    if not condition:
        raise BenchError(message)


def log(message: str) -> None:
    print(message, flush=True)


class Backend(Protocol):
    @property
    def name(self) -> str: ...

    def version(self) -> str: ...

    def fresh(self) -> str:
        """Make the benchmark database empty; returns its DATABASE_URL."""
        ...


@dataclass(frozen=True)
class SQLite:
    directory: Path
    name: str = "SQLite"

    def version(self) -> str:
        return sqlite3.sqlite_version

    def fresh(self) -> str:
        path = self.directory / "boardpack-bench.sqlite3"
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"


@dataclass(frozen=True)
class PostgreSQL:
    url: str
    name: str = "PostgreSQL"

    def _server(self) -> psycopg.Connection[TupleRow]:
        info = make_conninfo(self.url, dbname="postgres", connect_timeout=5)
        return psycopg.connect(info, autocommit=True)

    def version(self) -> str:
        with self._server() as connection:
            row = connection.execute("SHOW server_version").fetchone()
        return str(row[0]) if row else "unknown"

    def fresh(self) -> str:
        database = sql.Identifier(str(conninfo_to_dict(self.url)["dbname"]))
        with self._server() as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(database))
            connection.execute(sql.SQL("CREATE DATABASE {}").format(database))
        return self.url


@dataclass(frozen=True)
class Figures:
    """One backend's measurements, in seconds unless named otherwise."""

    indicators_import: float
    values_import: float
    values_reimport: float
    comments_import: float
    startup: float
    status: float
    page: float
    queries_few: int
    queries_many: int


def run(url: str, command: list[str]) -> tuple[float, str]:
    """Run a command against the database; returns its wall-clock time and its output."""
    start = time.perf_counter()
    done = subprocess.run(
        command, env={**os.environ, "DATABASE_URL": url}, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    check(done.returncode == 0, f"{' '.join(command)} failed:\n{done.stderr}")
    return elapsed, done.stdout


def boardpack(url: str, *args: str) -> tuple[float, str]:
    return run(url, [str(BOARDPACK), *args])


def median(measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(REPEATS))


def import_file(url: str, kind: str, path: Path, created: int, updated: int = 0) -> float:
    """Import a file, checking the created and updated counts it reports."""
    elapsed, output = boardpack(url, "import", kind, str(path))
    report = REPORT.search(output)
    if report is None:
        raise BenchError(f"import {kind}: no report in {output!r}")
    found = int(report[1]), int(report[2])
    check(
        found == (created, updated),
        f"import {kind} {path.name}: {found[0]} created, {found[1]} updated; "
        f"expected {created} created, {updated} updated",
    )
    return elapsed


def load(url: str, data: Dataset) -> tuple[float, float, float]:
    """Migrate an empty database and import the data; returns the three import times."""
    boardpack(url, "migrate", "--verbosity", "0")
    return (
        import_file(url, "indicators", data.indicators_file, data.indicators),
        import_file(url, "values", data.values_file, data.values),
        import_file(url, "comments", data.comments_file, data.comments),
    )


def status(url: str, data: Dataset) -> float:
    elapsed, output = boardpack(url, "status", "--period", data.latest, "--format", "csv")
    lines = output.splitlines()
    check(len(lines) == data.indicators + 1, f"status printed {len(lines) - 1} indicator(s)")
    return elapsed


def page(url: str, data: Dataset) -> tuple[float, int]:
    """The scorecard page's median render time and its SQL query count."""
    command = [sys.executable, str(PAGE_SCRIPT), "--period", data.latest, "--runs", str(REPEATS)]
    found = json.loads(run(url, command)[1])
    return float(found["seconds"]), int(found["queries"])


def measure(backend: Backend, few: Dataset, many: Dataset) -> Figures:
    log(f"{backend.name}: {few.indicators} indicators, for the page's query count")
    url = backend.fresh()
    load(url, few)
    queries_few = page(url, few)[1]
    log(f"{backend.name}: {many.indicators} indicators, {many.value_rows} value rows")
    url = backend.fresh()
    indicators_import, values_import, comments_import = load(url, many)
    log(f"{backend.name}: re-import, status and page, {REPEATS} runs each")
    page_time, queries_many = page(url, many)
    return Figures(
        indicators_import=indicators_import,
        values_import=values_import,
        values_reimport=median(
            lambda: import_file(url, "values", many.values_file, created=0, updated=0)
        ),
        comments_import=comments_import,
        startup=median(lambda: boardpack(url, "--version")[0]),
        status=median(lambda: status(url, many)),
        page=page_time,
        queries_few=queries_few,
        queries_many=queries_many,
    )


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def verdict(met: bool, detail: str) -> str:
    return f"{'met' if met else '**not met**'} ({detail})"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + " --- |" * len(header),
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def _proc_field(path: str, key: str) -> str | None:
    """A `key: value` line of a /proc file, or None where there is no such file."""
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        name, _, value = line.partition(":")
        if name.strip() == key:
            return value.strip()
    return None


def machine(versions: dict[str, str]) -> list[list[str]]:
    memory = _proc_field("/proc/meminfo", "MemTotal")  # e.g. "24684084 kB"
    return [
        ["CPU", _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown"],
        ["Cores", str(os.cpu_count())],
        ["Memory", f"{int(memory.split()[0]) / 1024**2:.1f} GiB" if memory else "unknown"],
        ["OS", platform.platform()],
        ["Python", platform.python_version()],
        ["Django", django.get_version()],
        ["SQLite", versions["SQLite"]],
        ["PostgreSQL server", versions.get("PostgreSQL", "not reachable")],
    ]


def goal_rows(results: dict[str, Figures]) -> list[list[str]]:
    goals: list[tuple[str, Callable[[Figures], tuple[bool, str]]]] = [
        (
            f"Value import, ten years × {MANY} indicators, under {IMPORT_GOAL:.0f} s",
            lambda f: (f.values_import < IMPORT_GOAL, seconds(f.values_import)),
        ),
        (
            f"`boardpack status` of {MANY} indicators for one month under {STATUS_GOAL:.0f} s",
            lambda f: (f.status < STATUS_GOAL, seconds(f.status)),
        ),
        (
            f"Scorecard page under {PAGE_GOAL:.0f} s, with the same query count at {FEW} and "
            f"{MANY} indicators",
            lambda f: (
                f.page < PAGE_GOAL and f.queries_few == f.queries_many,
                f"{seconds(f.page)}; {f.queries_few} and {f.queries_many} queries",
            ),
        ),
    ]
    return [[goal, *(verdict(*judge(f)) for f in results.values())] for goal, judge in goals]


def measurement_rows(results: dict[str, Figures], few: Dataset, many: Dataset) -> list[list[str]]:
    each = f"median of {REPEATS}"
    rows: list[tuple[str, str, Callable[[Figures], str]]] = [
        (
            "`boardpack import indicators`",
            f"{many.indicators} indicators in {many.directorates} directorates and "
            f"{many.services} services",
            lambda f: seconds(f.indicators_import),
        ),
        (
            "`boardpack import values`, first import",
            f"{many.value_rows:,} rows ({many.years} years of months × {many.indicators}): "
            f"{many.values:,} targets and actuals created",
            lambda f: seconds(f.values_import),
        ),
        (
            f"`boardpack import values`, the same file again ({each})",
            f"{many.value_rows:,} rows: 0 created, 0 updated",
            lambda f: seconds(f.values_reimport),
        ),
        (
            "`boardpack import comments`",
            f"{many.comments} comments",
            lambda f: seconds(f.comments_import),
        ),
        (
            f"`boardpack --version`: start-up alone ({each})",
            "–",
            lambda f: seconds(f.startup),
        ),
        (
            f"`boardpack status --period {many.latest} --format csv` ({each})",
            f"{many.indicators} indicators",
            lambda f: seconds(f.status),
        ),
        (
            f"Scorecard page `/?period={many.latest}`, signed in ({each})",
            f"{many.indicators} indicators",
            lambda f: seconds(f.page),
        ),
        (
            "Scorecard page: SQL queries per request",
            f"{few.indicators} → {many.indicators} indicators",
            lambda f: f"{f.queries_few} → {f.queries_many}",
        ),
    ]
    return [[label, size, *(show(f) for f in results.values())] for label, size, show in rows]


def render(
    results: dict[str, Figures],
    versions: dict[str, str],
    notes: list[str],
    few: Dataset,
    many: Dataset,
    started: datetime,
    took: float,
) -> str:
    backends = list(results)
    lines = [
        "# Performance",
        "",
        "<!-- Generated by bench/run.py: every `make bench` overwrites this file wholesale. -->",
        "",
        "_This file is generated by `make bench`; edit bench/run.py, not this file._",
        "",
        "```sh",
        "make bench",
        "```",
        "",
        f"Run {started:%Y-%m-%d %H:%M} UTC; the whole run took {took:.0f} s.",
        "",
        "## Machine",
        "",
        *table(["", ""], machine(versions)),
        "",
        "## Goals",
        "",
        *table(["goal", *backends], goal_rows(results)),
        "",
        "## Measurements",
        "",
        *table(["measurement", "size", *backends], measurement_rows(results, few, many)),
        "",
        "## How it is measured",
        "",
        f"- `bench/generate.py` writes the files from a fixed seed: {many.indicators} indicators "
        f"of mixed polarity, unit and frequency (some year-to-date), {many.years} financial years "
        f"of monthly targets and actuals ({many.latest} is the last month; a quarterly or annual "
        "indicator has an actual only at its period ends), and commentary.",
        "- Each database starts empty: SQLite in a temporary directory, PostgreSQL the database "
        f"`{conninfo_to_dict(POSTGRES_URL).get('dbname')}` dropped and created again; then "
        "`boardpack migrate`.",
        "- Every command is a fresh `boardpack` process, timed with `time.perf_counter` from start "
        "to exit, so each time includes Python and Django start-up (the `--version` row). A first "
        "import is timed once; the others are the median of "
        f"{REPEATS} runs.",
        "- Each import's report is checked: the first import creates every row, the second "
        "creates and updates nothing. `status` must print every indicator.",
        "- The page is rendered by Django's test client for a signed-in user (bench/page.py) after "
        "one warm-up request; its SQL queries are counted with `CaptureQueriesContext` on a "
        f"database of {few.indicators} indicators and one of {many.indicators}. The run fails if "
        "the counts differ.",
        *(f"- {note}" for note in notes),
        "",
    ]
    return "\n".join(lines)


def _shown(url: str) -> str:
    """A database URL without its password."""
    return re.sub(r"//([^:@/]+):[^@/]*@", r"//\1:***@", url)


def main() -> None:
    os.environ.setdefault("SECRET_KEY", "insecure-key-for-benchmarks-only")
    os.environ["DEBUG"] = "false"
    started, start = datetime.now(UTC), time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="boardpack-bench-") as temp:
        directory = Path(temp)
        few, many = generate(directory / "few", FEW), generate(directory / "many", MANY)
        backends: list[Backend] = [SQLite(directory)]
        versions = {"SQLite": backends[0].version()}
        notes = []
        postgres = PostgreSQL(POSTGRES_URL)
        try:
            versions["PostgreSQL"] = postgres.version()
            backends.append(postgres)
        except psycopg.OperationalError as error:
            reason = str(error).strip().splitlines()[0]
            notes.append(f"PostgreSQL was not measured: {_shown(POSTGRES_URL)} ({reason}).")
            log(notes[-1])
        results = {backend.name: measure(backend, few, many) for backend in backends}
    DOC.write_text(
        render(results, versions, notes, few, many, started, time.perf_counter() - start)
    )
    log(f"wrote {DOC.relative_to(ROOT)}")
    for row in goal_rows(results):
        log(" | ".join(row))
    growing = {name: f for name, f in results.items() if f.queries_few != f.queries_many}
    if growing:
        raise SystemExit(
            "the scorecard page's query count grows with indicators: "
            + ", ".join(f"{n} {f.queries_few} → {f.queries_many}" for n, f in growing.items())
        )


if __name__ == "__main__":
    try:
        main()
    except BenchError as error:
        raise SystemExit(f"bench: {error}") from None
