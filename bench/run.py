"""Boardpack's benchmarks (`make bench`): writes docs/PERFORMANCE.md, overwriting it.

For each database (SQLite in a temporary directory; PostgreSQL `boardpack_bench`, dropped and
recreated, or the database named by BENCH_POSTGRES_URL) it loads generated data through the
`boardpack` command as a user would, and times: importing indicators, the first import of ten
years of values, re-importing them unchanged, importing comments, `boardpack status`, and the
scorecard page (bench/page.py). The page's SQL query count is measured at 30 and at 300
indicators and must be the same. Every command runs in its own process, so each time includes
Python and Django start-up, which is measured too. Then the scorecard and indicator pages are
served by gunicorn and loaded with wrk (bench/web.py). The run fails, after writing the file,
if the query count grows or a page could not be measured over HTTP. Last, the calc engine at
national scale (bench/calc_national.py, also `make bench-calc` alone) adds its section.
"""

from __future__ import annotations

import json
import os
import platform
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Protocol

import django
import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg.rows import TupleRow

import benchmarks_import
import calc_national
import web
from common import BenchError, check, collect_static, log, run, seconds, verdict
from generate import YEARS, Dataset, generate
from page import PASSWORD_VARIABLE
from web import PageFigures, PageResult, Unmeasured

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"
BOARDPACK = Path(sys.executable).parent / "boardpack"
PAGE_SCRIPT = Path(__file__).resolve().parent / "page.py"
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/boardpack_bench"
)
FEW, MANY = 30, 300
SCORECARD, INDICATOR = "Scorecard page", "Indicator page"
REPEATS = 5
IMPORT_GOAL, STATUS_GOAL, PAGE_GOAL, SPC_GOAL = 60.0, 2.0, 1.0, 0.5
SERVER_CHOICE = (
    f"The pages are served by {web.SERVER}, two per core. Rendering a page is Python work "
    "that keeps both cores busy under load whatever the setting: when the setting was chosen "
    "(November 2026, the settings alternated, the machine moderately busy), the scorecard page "
    "with 20 clients took 124–157 ms of the workers' CPU time a page with each setting below, "
    "and 2 sync workers served 13–15 pages a second, 4 sync workers 11–14 and 2 gthread "
    "workers × 4 threads 12–13. One worker per core was about a tenth faster at saturation, "
    "but the second worker per core is what production needs: it serves while the other waits "
    "for the database, a slow export or a slow client (there is no buffering proxy in front). "
    "Threads compute no faster under Python's global interpreter lock. The same settings, "
    "measured in this run on the last database (on a busy machine, compare the CPU time a page "
    "more than the pages a second):"
)
REPORT = re.compile(r"(\d+) created, (\d+) updated, (\d+) unchanged")


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
    page_spc_cold: float
    spc: float
    queries_few: int
    queries_many: int
    web: web.WebFigures


@dataclass(frozen=True)
class Rendered:
    """bench/page.py's answer: the scorecard page's time and queries, and a monthly indicator."""

    seconds: float
    spc_cold_seconds: float
    queries: int
    indicator_pk: int
    indicator_code: str


def run_on(url: str, command: list[str], **env: str) -> tuple[float, str]:
    """Run a command against the database; returns its wall-clock time and its output."""
    return run(command, env={**os.environ, "DATABASE_URL": url, **env})


def boardpack(url: str, *args: str) -> tuple[float, str]:
    return run_on(url, [str(BOARDPACK), *args])


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


def page(url: str, data: Dataset) -> Rendered:
    """The scorecard page's median render time and query count; the viewer gets its password."""
    command = [sys.executable, str(PAGE_SCRIPT), "--period", data.latest, "--runs", str(REPEATS)]
    found = json.loads(run_on(url, command, **{PASSWORD_VARIABLE: web.PASSWORD})[1])
    indicator = found["indicator"]
    return Rendered(
        float(found["seconds"]),
        float(found["spc_cold_seconds"]),
        int(found["queries"]),
        int(indicator["pk"]),
        indicator["code"],
    )


def spc(url: str, code: str) -> float:
    """`boardpack spc` of one indicator (ten years of monthly values), as JSON."""
    elapsed, output = boardpack(url, "spc", code, "--format", "json")
    check(json.loads(output)["code"] == code, f"spc printed no object for {code}")
    return elapsed


def web_pages(data: Dataset, rendered: Rendered) -> list[web.Page]:
    """The pages loaded over HTTP: the scorecard page and one monthly indicator's page."""
    code = rendered.indicator_code
    return [
        web.Page(SCORECARD, f"/?period={data.latest}", code),
        web.Page(INDICATOR, f"/indicators/{rendered.indicator_pk}/", code),
    ]


def web_page_sizes(data: Dataset) -> dict[str, str]:
    """What web_pages' pages show, by page name, for the report."""
    return {
        SCORECARD: f"`/?period={data.latest}`, {data.indicators} indicators",
        INDICATOR: f"`/indicators/<pk>/`, a monthly indicator with {data.years} years of values",
    }


def measure(backend: Backend, few: Dataset, many: Dataset, compare: bool) -> Figures:
    """Every figure for one database; if `compare`, the alternative server settings too."""
    log(f"{backend.name}: {few.indicators} indicators, for the page's query count")
    url = backend.fresh()
    load(url, few)
    queries_few = page(url, few).queries
    log(f"{backend.name}: {many.indicators} indicators, {many.value_rows} value rows")
    url = backend.fresh()
    indicators_import, values_import, comments_import = load(url, many)
    log(f"{backend.name}: re-import, status and page, {REPEATS} runs each; then over HTTP")
    rendered = page(url, many)
    return Figures(
        indicators_import=indicators_import,
        values_import=values_import,
        values_reimport=median(
            lambda: import_file(url, "values", many.values_file, created=0, updated=0)
        ),
        comments_import=comments_import,
        startup=median(lambda: boardpack(url, "--version")[0]),
        status=median(lambda: status(url, many)),
        page=rendered.seconds,
        page_spc_cold=rendered.spc_cold_seconds,
        spc=median(lambda: spc(url, rendered.indicator_code)),
        queries_few=queries_few,
        queries_many=rendered.queries,
        web=web.measure(url, web_pages(many, rendered), compare),
    )


def milliseconds(value: float) -> str:
    return f"{value * 1000:.0f} ms"


def ceiling(cpu: float) -> str:
    """The pages a second that the machine's cores, idle but for the server, could serve."""
    return f"{(os.cpu_count() or 1) / cpu:.0f}" if cpu > 0 else "–"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + " --- |" * len(header),
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def proc_field(path: str, key: str) -> str | None:
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


def machine(versions: dict[str, str], load: tuple[float, float, float]) -> list[list[str]]:
    memory = proc_field("/proc/meminfo", "MemTotal")  # e.g. "24684084 kB"
    return [
        ["CPU", proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown"],
        ["Cores", str(os.cpu_count())],
        ["Memory", f"{int(memory.split()[0]) / 1024**2:.1f} GiB" if memory else "unknown"],
        ["OS", platform.platform()],
        ["Python", platform.python_version()],
        ["Django", django.get_version()],
        ["SQLite", versions["SQLite"]],
        ["PostgreSQL server", versions.get("PostgreSQL", "not reachable")],
        ["gunicorn", versions["gunicorn"]],
        ["wrk", versions["wrk"]],
        ["Load average at the start (1, 5, 15 min)", ", ".join(f"{v:.2f}" for v in load)],
    ]


def web_verdict(result: PageResult, judge: Callable[[PageFigures], tuple[bool, str]]) -> str:
    if isinstance(result, Unmeasured):
        return "**not measured** (see the notes)"
    return verdict(*judge(result))


def web_goals(name: str, what: str) -> list[tuple[str, Callable[[Figures], str]]]:
    """A page's goals over HTTP: one request's median, pages a second and p95 under load."""
    served = f"{name} ({what}) served by gunicorn"
    judges: list[tuple[str, Callable[[PageFigures], tuple[bool, str]]]] = [
        (
            f"{served}: one request, median under {web.SINGLE_GOAL * 1000:.0f} ms",
            lambda p: (p.single < web.SINGLE_GOAL, milliseconds(p.single)),
        ),
        (
            f"{served}: at least {web.RATE_GOAL:.0f} pages a second to {web.CLIENTS} clients",
            lambda p: (p.load.rate >= web.RATE_GOAL, f"{p.load.rate:.1f} pages/s"),
        ),
        (
            f"{served}: 95th percentile under {web.P95_GOAL:.0f} s with {web.CLIENTS} clients",
            lambda p: (p.load.p95 < web.P95_GOAL, f"p95 {seconds(p.load.p95)}"),
        ),
    ]

    def cell(judge: Callable[[PageFigures], tuple[bool, str]]) -> Callable[[Figures], str]:
        return lambda f: web_verdict(f.web.pages[name], judge)

    return [(goal, cell(judge)) for goal, judge in judges]


def goal_rows(results: dict[str, Figures], pages: dict[str, str]) -> list[list[str]]:
    goals: list[tuple[str, Callable[[Figures], str]]] = [
        (
            f"Value import, ten years × {MANY} indicators, under {IMPORT_GOAL:.0f} s",
            lambda f: verdict(f.values_import < IMPORT_GOAL, seconds(f.values_import)),
        ),
        (
            f"`boardpack status` of {MANY} indicators for one month under {STATUS_GOAL:.0f} s",
            lambda f: verdict(f.status < STATUS_GOAL, seconds(f.status)),
        ),
        (
            f"Scorecard page under {PAGE_GOAL:.0f} s, with the same query count at {FEW} and "
            f"{MANY} indicators",
            lambda f: verdict(
                f.page < PAGE_GOAL and f.queries_few == f.queries_many,
                f"{seconds(f.page)}; {f.queries_few} and {f.queries_many} queries",
            ),
        ),
        (
            f"`boardpack spc` of one indicator with {YEARS} years of monthly values "
            f"under {SPC_GOAL} s",
            lambda f: verdict(f.spc < SPC_GOAL, seconds(f.spc)),
        ),
        *(goal for name, what in pages.items() for goal in web_goals(name, what)),
    ]
    return [[goal, *(judge(f) for f in results.values())] for goal, judge in goals]


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
            f"Scorecard page `/?period={many.latest}` with no SPC summary kept, as after an "
            f"import ({each})",
            f"{many.indicators} indicators",
            lambda f: seconds(f.page_spc_cold),
        ),
        (
            f"`boardpack spc CODE --format json` ({each})",
            f"a monthly indicator, {many.years} years of values",
            lambda f: seconds(f.spc),
        ),
        (
            "Scorecard page: SQL queries per request",
            f"{few.indicators} → {many.indicators} indicators",
            lambda f: f"{f.queries_few} → {f.queries_many}",
        ),
    ]
    return [[label, size, *(show(f) for f in results.values())] for label, size, show in rows]


def web_figure(result: PageResult, show: Callable[[PageFigures], str]) -> str:
    return "not measured" if isinstance(result, Unmeasured) else show(result)


def web_measurement_rows(results: dict[str, Figures], pages: dict[str, str]) -> list[list[str]]:
    load = f"{web.CLIENTS} clients, no think time, {web.DURATION} s"
    shows: list[tuple[str, Callable[[PageFigures], str]]] = [
        (
            f"one request at a time (median of {web.SEQUENTIAL})",
            lambda p: milliseconds(p.single),
        ),
        (f"{load}: pages a second (pages)", lambda p: f"{p.load.rate:.1f} ({p.load.requests})"),
        (
            f"{load}: latency median / 95th / 99th percentile / max",
            lambda p: " / ".join(
                seconds(v) for v in (p.load.p50, p.load.p95, p.load.p99, p.load.max)
            ),
        ),
        (
            f"{load}: the workers' CPU time a page (so at most, on {os.cpu_count()} idle cores)",
            lambda p: f"{milliseconds(p.load.cpu)} ({ceiling(p.load.cpu)} pages/s)",
        ),
    ]
    return [
        [
            f"{name} served by gunicorn ({web.SERVER}), {label}",
            size,
            *(web_figure(f.web.pages[name], show) for f in results.values()),
        ]
        for name, size in pages.items()
        for label, show in shows
    ]


def server_section(results: dict[str, Figures]) -> list[str]:
    """The scorecard page with the setting used and with each alternative, on one database."""
    compared = next((name for name, f in results.items() if f.web.alternatives), None)
    if compared is None:
        return []
    figures = results[compared].web
    settings = [
        (f"{web.SERVER} (the setting used above)", figures.pages[SCORECARD]),
        *((str(server), result) for server, result in figures.alternatives.items()),
    ]
    shows: list[Callable[[PageFigures], str]] = [
        lambda p: f"{p.load.rate:.1f}",
        lambda p: seconds(p.load.p95),
        lambda p: milliseconds(p.load.cpu),
        lambda p: milliseconds(p.single),
    ]
    return [
        "## Server settings",
        "",
        SERVER_CHOICE,
        "",
        *table(
            [
                f"gunicorn, on {compared}",
                "pages a second",
                "95th percentile",
                "workers' CPU a page",
                "one request",
            ],
            [[label, *(web_figure(result, show) for show in shows)] for label, result in settings],
        ),
        "",
    ]


def render(
    results: dict[str, Figures],
    versions: dict[str, str],
    notes: list[str],
    few: Dataset,
    many: Dataset,
    started: datetime,
    took: float,
    load: tuple[float, float, float],
) -> str:
    backends = list(results)
    pages = web_page_sizes(many)
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
        *table(["", ""], machine(versions, load)),
        "",
        "## Goals",
        "",
        *table(["goal", *backends], goal_rows(results, pages)),
        "",
        "## Measurements",
        "",
        *table(
            ["measurement", "size", *backends],
            measurement_rows(results, few, many) + web_measurement_rows(results, pages),
        ),
        "",
        *server_section(results),
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
        "one warm-up request, its cache emptied before each request, so that the time and the "
        "query count are those of building the page from the database, as after any write to "
        "its data; its SQL queries are counted with `CaptureQueriesContext` on a "
        f"database of {few.indicators} indicators and one of {many.indicators}. The run fails if "
        "the counts differ.",
        f"- Over HTTP, the pages are served by gunicorn (`gunicorn boardpack.wsgi:application "
        f"{' '.join(web.SERVER.options())}`) on a free port of {web.HOST} with `DEBUG=false`, as "
        "in production; static files are collected (hashed names, as deployed) but not asked for. "
        "The benchmark's viewer (a "
        "user whose person has the viewer role) signs in through `/login/`, and its session "
        "cookie goes with every request.",
        "- Each page has a server of its own, started for it and stopped after it. The page must "
        "first answer 200 and show the indicator's code: a redirect (to the sign-in page) or a "
        f"404 fails the page, and the run. Then, after {web.CLIENTS} requests at once to warm the "
        f"workers up, {web.SEQUENTIAL} requests one at a time, each on a new connection, are "
        "timed with `time.perf_counter` (the median is shown); then wrk with "
        f"{web.WRK_THREADS} threads and {web.CLIENTS} connections sends "
        f"requests with no think time for {web.DURATION} s. bench/wrk-report.lua reads the "
        "percentiles from wrk's latency histogram and counts responses other than 2xx: any of "
        f"those, a socket error or a timeout (over {web.TIMEOUT} s) fails the page.",
        "- Over HTTP the scorecard page's body comes from each worker's cache once the worker "
        "has built it: the cache is keyed by a data version that the database's triggers "
        "change on every write to the tables the page reads (docs/scorecard-cache.md). The "
        "rows above give the time of building it.",
        "- The workers' CPU time (user and system, from /proc) over the load, divided by the "
        "pages served, is steadier than the clock on a busy machine; the cores divided by it "
        "are the most pages a second that this machine could serve with nothing else running "
        "(the database server's own CPU time is not counted).",
        f"- wrk runs on the same {os.cpu_count()} cores as the server and takes some of their "
        "time, and the machine may be busy with other work (its load average is in the table "
        "above), so these figures are a lower bound for a server of its own.",
        *(f"- {note}" for note in notes),
        "",
    ]
    return "\n".join(lines)


def unmeasured(results: dict[str, Figures]) -> list[str]:
    """Why each page that could not be measured over HTTP was not."""
    return [
        f"{backend}: {label} was not measured: {result.reason.splitlines()[0]}"
        for backend, f in results.items()
        for label, result in [
            *f.web.pages.items(),
            *((f"{SCORECARD} with {server}", r) for server, r in f.web.alternatives.items()),
        ]
        if isinstance(result, Unmeasured)
    ]


def _shown(url: str) -> str:
    """A database URL without its password."""
    return re.sub(r"//([^:@/]+):[^@/]*@", r"//\1:***@", url)


def main() -> None:
    os.environ.setdefault("SECRET_KEY", "insecure-key-for-benchmarks-only")
    os.environ["DEBUG"] = "false"
    started, start, load = datetime.now(UTC), time.perf_counter(), os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="boardpack-bench-") as temp:
        directory = Path(temp)
        collect_static(directory / "static")
        few, many = generate(directory / "few", FEW), generate(directory / "many", MANY)
        backends: list[Backend] = [SQLite(directory)]
        versions = {
            "SQLite": backends[0].version(),
            "gunicorn": version("gunicorn"),
            "wrk": web.wrk_version(),
        }
        notes = []
        postgres = PostgreSQL(POSTGRES_URL)
        try:
            versions["PostgreSQL"] = postgres.version()
            backends.append(postgres)
        except psycopg.OperationalError as error:
            reason = str(error).strip().splitlines()[0]
            notes.append(f"PostgreSQL was not measured: {_shown(POSTGRES_URL)} ({reason}).")
            log(notes[-1])
        results = {
            backend.name: measure(backend, few, many, compare=backend is backends[-1])
            for backend in backends
        }
        published = benchmarks_import.measure(backends)
    failures = unmeasured(results)
    calc = calc_national.measure()
    took = time.perf_counter() - start
    document = render(results, versions, notes + failures, few, many, started, took, load)
    DOC.write_text(document + calc_national.markdown(calc) + benchmarks_import.markdown(published))
    log(f"wrote {DOC.relative_to(ROOT)}")
    for row in goal_rows(results, web_page_sizes(many)):
        log(" | ".join(row))
    growing = {name: f for name, f in results.items() if f.queries_few != f.queries_many}
    if growing:
        failures.append(
            "the scorecard page's query count grows with indicators: "
            + ", ".join(f"{n} {f.queries_few} → {f.queries_many}" for n, f in growing.items())
        )
    if failures:
        raise SystemExit("bench: " + "\n".join(failures))


if __name__ == "__main__":
    try:
        main()
    except BenchError as error:
        raise SystemExit(f"bench: {error}") from None
