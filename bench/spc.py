"""SPC at scale (issue 17): the scorecard page of 300 indicators × 10 years built cold with its
Variation and Assurance columns, against the same page before SPC, and `boardpack spc` for one
indicator.

"Before" is the code of main just before SPC was merged (BENCH_SPC_BEFORE, by default
c0fe4a2), taken by `git archive` into a temporary folder; "after" is this checkout. Each gets its
own SQLite database loaded from the same bench/generate.py files through its own `boardpack`
(PYTHONPATH names its source), and its own bench/page.py builds the page with the page's cache
emptied before each request (cold: as after any write to what it shows). The two alternate,
ROUNDS times, so that both see the same load on the machine; each round's median is kept, and
the best round of each is compared. "After" is measured twice: with the SPC summaries kept (as
every page but the first after a write of actuals) and with none kept (bench/page.py's
`spc_cold_seconds`: each indicator's series read again).

"Before" also differs from "after" by everything else merged since (the API, jobs, security
middleware): so SPC's own share of the page is measured too, in this checkout, by running
itself with `--share`: the time the cold page spends reading the SPC summaries
(`row_summaries`) and writing the two cells a row (`spc_cells`), of the page's whole time; and
`boardpack spc`'s own work, timed within that started process beside the fresh processes.

    .venv/bin/python bench/spc.py   # rewrites this part of docs/PERFORMANCE.md
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import check, collect_static, log, markdown_table, measure_into, run, seconds, verdict
from generate import generate
from reports import BOARDPACK, import_into
from run import proc_field

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"
START, END = "<!-- spc:start -->", "<!-- spc:end -->"
BEFORE = os.environ.get("BENCH_SPC_BEFORE", "c0fe4a2")
INDICATORS, ROUNDS, RUNS, SPC_RUNS = 300, 3, 9, 5
SLOWER, SPC_GOAL = 0.10, 0.5


def _before_tree(directory: Path) -> Path:
    """The code at BEFORE, unpacked (no worktree: the repository is left as it is)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", BEFORE],
        capture_output=True,
        check=True,
    ).stdout
    tree = directory / "before"
    with tarfile.open(fileobj=io.BytesIO(archive)) as unpacked:
        unpacked.extractall(tree, filter="data")
    return tree


def _page(tree: Path, env: dict[str, str], period: str) -> dict[str, Any]:
    script = tree / "bench" / "page.py"
    command = [sys.executable, str(script), "--period", period, "--runs", str(RUNS)]
    found: dict[str, Any] = json.loads(run(command, env=env)[1])
    return found


def _cpu() -> float:
    """The CPU seconds (user and system) the finished child processes have used so far: on a
    busy machine a process's CPU time moves much less than its wall-clock time."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _timed(spent: list[float], function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args)
        finally:
            spent.append(time.perf_counter() - start)

    return timed


def _command_here(code: str) -> float:
    """The median seconds of `boardpack spc CODE --format json` within this process, Django
    already started: the command's own work (the series read, analysed and printed)."""
    from django.core.management import call_command

    times = []
    for _ in range(SPC_RUNS):
        out = io.StringIO()
        start = time.perf_counter()
        call_command("spc", code, "--format", "json", stdout=out)
        times.append(time.perf_counter() - start)
        check(json.loads(out.getvalue())["code"] == code, f"spc printed no object for {code}")
    return statistics.median(times)


def share_here(period: str, code: str) -> dict[str, float]:
    """In this process, against DATABASE_URL: the cold page's median time and SPC's part of it
    (the summaries read and the cells written), summed over RUNS pages; and the spc command's
    own work."""
    from page import setup, viewer

    setup()
    from django.core.cache import cache
    from django.test import Client

    from boardpack.scorecard import presenters
    from boardpack.web import scorecard

    spent: list[float] = []
    scorecard.row_summaries = _timed(spent, scorecard.row_summaries)
    presenters.spc_cells = _timed(spent, presenters.spc_cells)
    client = Client()
    client.force_login(viewer())
    url = f"/?period={period}"
    client.get(url)
    spent.clear()
    pages = []
    for _ in range(RUNS):
        cache.clear()
        start = time.perf_counter()
        check(client.get(url).status_code == 200, f"{url} failed")
        pages.append(time.perf_counter() - start)
    return {
        "page": sum(pages),
        "spc": sum(spent),
        "median": statistics.median(pages),
        "command": _command_here(code),
    }


def measure(directory: Path) -> tuple[dict[str, Any], str]:
    collect_static(directory / "static")
    data = generate(directory / "data", indicators=INDICATORS)
    trees = {"before": _before_tree(directory), "after": ROOT}
    envs = {}
    for name, tree in trees.items():
        log(f"{name} ({tree}): loading {INDICATORS} indicators into SQLite")
        envs[name] = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{directory / name}.sqlite3",
            "PYTHONPATH": str(tree / "src"),
        }
        import_into(data, envs[name])
    rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
    for number in range(ROUNDS):
        for name, tree in trees.items():
            log(f"round {number + 1}: the scorecard page, {name}")
            rounds[name].append(_page(tree, envs[name], data.latest))
    code = rounds["after"][0]["indicator"]["code"]
    share_command = [sys.executable, __file__, "--share", "--period", data.latest, "--code", code]
    share = json.loads(run(share_command, env=envs["after"])[1])
    command = [str(BOARDPACK), "spc", code, "--format", "json"]
    spc_times, startup, spc_cpu, startup_cpu = [], [], [], []
    for _ in range(SPC_RUNS):
        used = _cpu()
        elapsed, output = run(command, env=envs["after"])
        spc_cpu.append(_cpu() - used)
        check(json.loads(output)["code"] == code, f"spc printed no object for {code}")
        spc_times.append(elapsed)
        used = _cpu()
        startup.append(run([str(BOARDPACK), "--version"], env=envs["after"])[0])
        startup_cpu.append(_cpu() - used)
    figures = {
        "before": [r["seconds"] for r in rounds["before"]],
        "after": [r["seconds"] for r in rounds["after"]],
        "after_none_kept": [r["spc_cold_seconds"] for r in rounds["after"]],
        "queries": (rounds["before"][0]["queries"], rounds["after"][0]["queries"]),
        "spc": statistics.median(spc_times),
        "startup": statistics.median(startup),
        "spc_cpu": statistics.median(spc_cpu),
        "startup_cpu": statistics.median(startup_cpu),
        "share": share,
        "code": code,
    }
    return figures, data.latest


def _ms(values: list[float]) -> str:
    return " / ".join(f"{v * 1000:.0f}" for v in values) + " ms"


def section(figures: dict[str, Any], period: str) -> list[str]:
    before, after = min(figures["before"]), min(figures["after"])
    none_kept = min(figures["after_none_kept"])
    slower = after / before - 1
    share = figures["share"]
    spc_part = share["spc"] / share["page"]
    goals = [
        [
            f"Scorecard page of {INDICATORS} indicators built cold: SPC's part of it no more "
            f"than {SLOWER:.0%}",
            verdict(
                spc_part <= SLOWER,
                f"{spc_part:.1%}: {share['spc'] / RUNS * 1000:.1f} ms "
                f"of {share['page'] / RUNS * 1000:.0f} ms",
            ),
        ],
        [
            f"`boardpack spc` of one indicator with ten years of monthly values under {SPC_GOAL} s",
            verdict(figures["spc"] < SPC_GOAL, seconds(figures["spc"])),
        ],
    ]
    rows = [
        [f"Scorecard page `/?period={period}` before SPC ({BEFORE})", _ms(figures["before"])],
        [
            "the same now, the SPC summaries kept (everything merged since SPC included)",
            _ms(figures["after"]) + f" (best rounds: {slower:+.0%})",
        ],
        [
            "the same now, no SPC summary kept (the first page after an import)",
            _ms(figures["after_none_kept"]) + f" ({none_kept / before - 1:+.0%})",
        ],
        [
            "SQL queries a page, before and after",
            " and ".join(str(n) for n in figures["queries"]),
        ],
        [
            f"SPC's part of the cold page now (`--share`, {RUNS} pages): summaries read, cells "
            "written",
            f"{share['spc'] / RUNS * 1000:.1f} ms of {share['page'] / RUNS * 1000:.0f} ms "
            f"({spc_part:.1%})",
        ],
        [
            f"`boardpack spc {figures['code']} --format json` (median of {SPC_RUNS} processes): "
            "wall-clock; CPU",
            f"{seconds(figures['spc'])}; {seconds(figures['spc_cpu'])}",
        ],
        [
            f"`boardpack --version`: start-up alone (median of {SPC_RUNS}): wall-clock; CPU",
            f"{seconds(figures['startup'])}; {seconds(figures['startup_cpu'])}",
        ],
        [
            f"`boardpack spc` within a started process (`--share`, median of {SPC_RUNS}): the "
            "series read, analysed and printed",
            seconds(share["command"]),
        ],
    ]
    return [
        START,
        "## Statistical process control",
        "",
        f"The scorecard page of {INDICATORS} indicators with ten years of values (bench/"
        f"generate.py) on SQLite, built cold (its cache emptied before each request) by "
        f"bench/page.py, before SPC (the code at {BEFORE}, main just before SPC was merged) "
        f"and now, in {ROUNDS} alternating rounds of {RUNS} requests; the best round's median "
        "of each is compared. Command: `.venv/bin/python bench/spc.py`.",
        "",
        *markdown_table(["goal", "SQLite"], goals),
        "",
        *markdown_table(["measurement (each round's median)", "SQLite"], rows),
        "",
        "- The kept summaries (docs/spc.md, ADR 0006) are what keeps the page within the goal: "
        "with none kept, each indicator's series is read again.",
        "- `boardpack spc` is a fresh process timed from start to exit, Python and Django "
        "start-up included, as a user runs it. Its own work is the row timed within a started "
        "process; what misses the goal is the start-up every command "
        "now pays (`boardpack --version` took 0.31 s on 24 November 2026, above): Django's "
        "start-up imports django-ninja (an installed app, for the API's docs page), the job "
        "kinds (with the report renderers, the board pack and the calc engine's DuckDB) and "
        "the sign-on settings' requests (`python -X importtime -m boardpack.cli --version`).",
        "- The page before and now differ by everything merged since SPC (the API, jobs, "
        "security middleware, static files), and the comparison moves with the shared "
        "machine's load (the best round of each is compared): SPC's own part, measured within "
        "each page, is the goal's figure. CPU times move much less than wall-clock ones.",
        f"- {proc_field('/proc/cpuinfo', 'model name') or platform.processor() or 'CPU'}, "
        f"{os.cpu_count()} cores; load average at the end {os.getloadavg()[0]:.2f}.",
        END,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--share", action="store_true", help="SPC's part of the page, here")
    parser.add_argument("--period", help="the scorecard's month (with --share)")
    parser.add_argument("--code", help="the indicator for boardpack spc (with --share)")
    args = parser.parse_args()
    if args.share:
        print(json.dumps(share_here(args.period, args.code)))
        return
    measure_into(DOC, "spc", measure, section, (START, END))


if __name__ == "__main__":
    main()
