"""The calc engine at national scale (issue 8): every measure for one year, timed, with its
peak memory, and two measures beside a straightforward pandas implementation.

The data set is `write_synthetic(children=85000, years=5, seed=2024, cin_form="csv")`: about
85,000 children looked after at 31 March 2024 with five years of episodes, and about 650,000
children-in-need referrals a year. Writing it takes minutes, so it is written once and kept
under var/bench-calc/, in a folder named after the parameters and a digest of the generator's
code (a changed generator writes a new set; older sets are removed).

Each measurement runs in a process of its own (this file, with `--child`), so its peak memory
(`ru_maxrss`) is its own: the engine's child loads and validates every file (`load`), hashes
them, and computes every measure for the year to 31 March 2024; the pandas child times
bench/calc_pandas.py's NI 62 and re-referrals against the SQL measures on the same tables and
checks that both give the same answers.

    .venv/bin/python bench/calc_national.py    # `make bench-calc`: rewrites this part of
                                               # docs/PERFORMANCE.md, leaving the rest

`make bench` (bench/run.py) calls `measure()` and writes `section()` into the whole file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

from common import (
    BenchError,
    check,
    log,
    markdown_table,
    replace_section,
    run,
    seconds,
    verdict,
)

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"
CACHE = ROOT / "var" / "bench-calc"
SYNTH_CODE = ROOT / "src" / "boardpack" / "calc" / "synth"
PARAMETERS: dict[str, Any] = {
    "children": 85_000,
    "years": 5,
    "seed": 2024,
    "end_year": 2024,
    "cin_form": "csv",
}
YEAR = 2024  # the collection year computed: April 2023 to March 2024
COMPARED = ("placements_3plus", "re_referrals")
TIME_GOAL, MEMORY_GOAL = 60.0, 4 * 1024**3
CHILD_TIMEOUT = 1200.0
COMPLETE = "complete.json"
START, END = "<!-- calc-national:start -->", "<!-- calc-national:end -->"
T = TypeVar("T")


@dataclass(frozen=True)
class Engine:
    """The engine's child: seconds, bytes and what it computed."""

    load: float
    hashes: float
    measures: float
    load_cpu: float  # CPU seconds of every thread: steadier than the clock on a busy machine
    measures_cpu: float
    peak: int
    files: int
    rows: dict[str, int]
    computable: int
    measured: int
    not_computable: list[str]
    looked_after: int
    referrals: int
    answers: dict[str, list[int | None]]


@dataclass(frozen=True)
class Versus:
    """The pandas child: seconds per measure for SQL and for pandas, and the frames' cost."""

    frames: float
    sql: dict[str, tuple[float, float]]  # measure -> (clock, CPU) seconds
    pandas: dict[str, tuple[float, float]]
    peak: int
    agree: bool


@dataclass(frozen=True)
class CalcFigures:
    data: Path
    size: int
    synth: float | None  # seconds to write the set in this run; None when it was kept
    load_average: tuple[float, float, float]  # at the start of the measurements
    engine: Engine
    versus: Versus


def _key() -> str:
    digest = hashlib.sha256()
    for path in sorted(SYNTH_CODE.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    p = PARAMETERS
    return (
        f"c{p['children']}-y{p['years']}-s{p['seed']}-e{p['end_year']}-cin{p['cin_form']}"
        f"-{digest.hexdigest()[:10]}"
    )


def dataset() -> tuple[Path, float | None]:
    """The national-scale set's folder, written first if it is not kept; and the time taken."""
    folder = CACHE / _key()
    if (folder / COMPLETE).exists():
        return folder, None
    from boardpack.calc.synth import write_synthetic

    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.iterdir():
        if old.is_dir() and old != folder:
            shutil.rmtree(old)
    partial = CACHE / f"{folder.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    log(f"calc: writing the national-scale synthetic set into {partial.relative_to(ROOT)}")
    start = time.perf_counter()
    write_synthetic(partial, **PARAMETERS)
    took = time.perf_counter() - start
    (partial / COMPLETE).write_text(json.dumps({**PARAMETERS, "seconds": took}))
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    return folder, took


def _load(con: Any, folder: Path) -> Any:
    """Load and validate the set's three sources into a DuckDB connection."""
    from boardpack.calc import load

    return load(
        con,
        ssda903=folder / "ssda903",
        cin=folder / "cin",
        population=folder / "population.csv",
    )


def _peak() -> int:
    """This process's peak resident memory in bytes (Linux gives ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _engine_child(folder: Path) -> dict[str, Any]:
    import duckdb

    from boardpack.calc.engine import run_measures
    from boardpack.calc.periods import Period

    con = duckdb.connect()
    start, start_cpu = time.perf_counter(), time.process_time()
    report = _load(con, folder)
    loaded, loaded_cpu = time.perf_counter(), time.process_time()
    hashes = report.hashes()
    hashed, hashed_cpu = time.perf_counter(), time.process_time()
    results = run_measures(con, Period.year_to(YEAR))
    done, done_cpu = time.perf_counter(), time.process_time()
    by_id = {r.measure: r for r in results}
    (referrals,) = con.execute(
        "SELECT count(*) FROM cin_referrals WHERE year = ?", [YEAR]
    ).fetchall()[0]
    return asdict(
        Engine(
            load=loaded - start,
            hashes=hashed - loaded,
            measures=done - hashed,
            load_cpu=loaded_cpu - start_cpu,
            measures_cpu=done_cpu - hashed_cpu,
            peak=_peak(),
            files=len(hashes),
            rows=report.rows,
            computable=sum(r.computable for r in results),
            measured=len(results),
            not_computable=[f"{r.measure}: {r.reason}" for r in results if not r.computable],
            looked_after=by_id["cla_count"].numerator or 0,
            referrals=int(referrals),
            answers={m: [by_id[m].numerator, by_id[m].denominator] for m in COMPARED},
        )
    )


def _versus_child(folder: Path) -> dict[str, Any]:
    import duckdb

    import calc_pandas
    from boardpack.calc.engine import run_measures
    from boardpack.calc.periods import Period

    period = Period.year_to(YEAR)
    con = duckdb.connect()
    _load(con, folder)
    sql: dict[str, tuple[float, float]] = {}
    sql_answers = {}
    for measure in COMPARED:
        (result,), sql[measure] = _timed(lambda m=measure: run_measures(con, period, [m]))
        sql_answers[measure] = (result.numerator, result.denominator)
    frames, (framed, _) = _timed(lambda: calc_pandas.load_frames(con))
    con.close()
    pandas: dict[str, tuple[float, float]] = {}
    pandas_answers = {}
    pandas_answers["placements_3plus"], pandas["placements_3plus"] = _timed(
        lambda: calc_pandas.placements_3plus(frames["episodes"], frames["header"], period)
    )
    pandas_answers["re_referrals"], pandas["re_referrals"] = _timed(
        lambda: calc_pandas.re_referrals(frames["cin_referrals"], period)
    )
    return asdict(Versus(framed, sql, pandas, _peak(), pandas_answers == sql_answers))


def _timed(work: Callable[[], T]) -> tuple[T, tuple[float, float]]:
    """The work's answer, and its (clock, CPU) seconds."""
    clock, cpu = time.perf_counter(), time.process_time()
    answer = work()
    return answer, (time.perf_counter() - clock, time.process_time() - cpu)


def _child(mode: str, folder: Path) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(folder)]
    output = run(command, timeout=CHILD_TIMEOUT)[1]
    found: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return found


def measure() -> CalcFigures:
    """Write (or find) the data set, then measure the engine and the pandas comparison."""
    folder, synth = dataset()
    load_average = os.getloadavg()
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    log(f"calc: load, validate and every measure for {YEAR} ({size / 1e6:.0f} MB of input)")
    engine = Engine(**_child("engine", folder))
    check(
        engine.computable == engine.measured,
        "calc: measures not computable on the national set: " + "; ".join(engine.not_computable),
    )
    log("calc: NI 62 and re-referrals, SQL against pandas")
    versus = Versus(**_child("versus", folder))
    check(versus.agree, "calc: pandas and SQL give different answers on the national set")
    return CalcFigures(folder, size, synth, load_average, engine, versus)


def _gib(value: int) -> str:
    return f"{value / 1024**3:.2f} GiB"


def section(figures: CalcFigures) -> list[str]:
    """The calc engine's part of docs/PERFORMANCE.md, between its markers."""
    e, v = figures.engine, figures.versus
    total = e.load + e.measures
    p = PARAMETERS
    written = (
        f"written in this run in {seconds(figures.synth)}"
        if figures.synth is not None
        else "written by an earlier run"
    )
    comparison = [
        [
            f"`{m}`",
            *(f"{seconds(clock)} ({seconds(cpu)})" for clock, cpu in (v.sql[m], v.pandas[m])),
            f"{v.pandas[m][0] / v.sql[m][0]:.1f} × ({v.pandas[m][1] / v.sql[m][1]:.1f} ×)",
        ]
        for m in COMPARED
    ]
    return [
        START,
        "## Calculated indicators at national scale",
        "",
        "```sh",
        "make bench-calc   # this section only; `make bench` runs it too",
        "```",
        "",
        f"Data: `write_synthetic(children={p['children']}, years={p['years']}, seed={p['seed']}, "
        f'cin_form="{p["cin_form"]}")`, {figures.size / 1e6:.0f} MB in {e.files} files '
        f"({written}, kept under `var/bench-calc/`): {e.looked_after:,} children looked after at "
        f"31 March {YEAR}, {e.rows.get('episodes', 0):,} episode rows and "
        f"{e.rows.get('cin_referrals', 0):,} referral rows over {p['years']} returns, "
        f"{e.referrals:,} referrals (children-in-need episodes) in the {YEAR} census.",
        "",
        *markdown_table(
            ["goal", "result"],
            [
                [
                    f"Load, validate and compute all {e.measured} measures for one year under "
                    f"{TIME_GOAL:.0f} s",
                    verdict(total < TIME_GOAL, seconds(total)),
                ],
                [
                    f"Peak memory under {_gib(MEMORY_GOAL)}",
                    verdict(e.peak < MEMORY_GOAL, _gib(e.peak)),
                ],
            ],
        ),
        "",
        *markdown_table(
            ["step", "time", "CPU time (all threads)"],
            [
                [
                    "`load`: find, stage, validate every row, create the typed tables",
                    seconds(e.load),
                    seconds(e.load_cpu),
                ],
                [
                    f"every measure for the year to 31 March {YEAR} (`run_measures`), "
                    f"{e.computable} of {e.measured} computable",
                    seconds(e.measures),
                    seconds(e.measures_cpu),
                ],
                [
                    f"`LoadReport.hashes()`: SHA-256 of the {e.files} files",
                    seconds(e.hashes),
                    "–",
                ],
            ],
        ),
        "",
        "NI 62 and re-referrals, each computed alone (SQL: its shared steps included; pandas: "
        "from DataFrames already in memory, bench/calc_pandas.py); both give the same numerator "
        "and denominator:",
        "",
        *markdown_table(
            ["measure", "DuckDB SQL: clock (CPU)", "pandas: clock (CPU)", "pandas ÷ SQL"],
            comparison,
        ),
        "",
        f"- Turning the DuckDB tables into pandas DataFrames (not counted above): "
        f"{seconds(v.frames)}; that process's peak memory {_gib(v.peak)}.",
        "- Each measurement is a process of its own, timed with `time.perf_counter`; peak memory "
        "is its `ru_maxrss` (Python, DuckDB and the data, one in-memory database). DuckDB uses "
        "its default threads (one per core). The hashes are the provenance `boardpack calc run "
        "--write` stores; the load and the measures are what `boardpack calc run` does before "
        "printing.",
        f"- The machine's load average when the measurements began: "
        f"{', '.join(f'{v:.2f}' for v in figures.load_average)} (1, 5, 15 min) on "
        f"{os.cpu_count()} cores. Other work on the machine slows the clock times; the CPU times "
        "change less.",
        END,
    ]


def markdown(figures: CalcFigures) -> str:
    """The section as text to add after the rest of the document."""
    return "\n" + "\n".join(section(figures)) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=["engine", "versus"], help=argparse.SUPPRESS)
    parser.add_argument("folder", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child = _engine_child if args.child == "engine" else _versus_child
        print(json.dumps(child(args.folder)))
        return
    figures = measure()
    lines = section(figures)
    DOC.write_text(replace_section(DOC.read_text() if DOC.exists() else "", lines, START, END))
    log(f"wrote the calc section of {DOC.relative_to(ROOT)}")
    log("\n".join(line for line in lines if line.startswith("| ")))


if __name__ == "__main__":
    try:
        main()
    except BenchError as error:
        raise SystemExit(f"bench: {error}") from None
