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
(`row_summaries`) and writing the two cells a row (`spc_cells`), of the page's whole time.

    .venv/bin/python bench/spc.py   # rewrites this part of docs/PERFORMANCE.md
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import check, log, markdown_table, measure_into, run, seconds, verdict
from generate import generate
from reports import BOARDPACK, import_into

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


def _timed(spent: list[float], function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args)
        finally:
            spent.append(time.perf_counter() - start)

    return timed


def share_here(period: str) -> dict[str, float]:
    """In this process, against DATABASE_URL: the cold page's median time and SPC's part of it
    (the summaries read and the cells written), summed over RUNS pages."""
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
    return {"page": sum(pages), "spc": sum(spent), "median": statistics.median(pages)}


def measure(directory: Path) -> tuple[dict[str, Any], str]:
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
    share_command = [sys.executable, __file__, "--share", "--period", data.latest]
    share = json.loads(run(share_command, env=envs["after"])[1])
    code = rounds["after"][0]["indicator"]["code"]
    command = [str(BOARDPACK), "spc", code, "--format", "json"]
    spc_times, startup = [], []
    for _ in range(SPC_RUNS):
        elapsed, output = run(command, env=envs["after"])
        check(json.loads(output)["code"] == code, f"spc printed no object for {code}")
        spc_times.append(elapsed)
        startup.append(run([str(BOARDPACK), "--version"], env=envs["after"])[0])
    figures = {
        "before": [r["seconds"] for r in rounds["before"]],
        "after": [r["seconds"] for r in rounds["after"]],
        "after_none_kept": [r["spc_cold_seconds"] for r in rounds["after"]],
        "queries": (rounds["before"][0]["queries"], rounds["after"][0]["queries"]),
        "spc": statistics.median(spc_times),
        "startup": statistics.median(startup),
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
            f"Scorecard page of {INDICATORS} indicators built cold with SPC: no more than "
            f"{SLOWER:.0%} slower than before SPC (everything merged since included)",
            verdict(
                slower <= SLOWER,
                f"{slower:+.1%}: {after * 1000:.0f} ms against {before * 1000:.0f} ms",
            ),
        ],
        [
            f"`boardpack spc` of one indicator with ten years of monthly values under {SPC_GOAL} s",
            verdict(figures["spc"] < SPC_GOAL, seconds(figures["spc"])),
        ],
    ]
    rows = [
        [f"Scorecard page `/?period={period}` before SPC ({BEFORE})", _ms(figures["before"])],
        ["the same with SPC, the summaries kept", _ms(figures["after"])],
        [
            "the same with SPC, no summary kept (the first page after an import)",
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
            f"`boardpack spc {figures['code']} --format json` (median of {SPC_RUNS} processes)",
            seconds(figures["spc"]),
        ],
        [
            f"`boardpack --version`: start-up alone (median of {SPC_RUNS})",
            seconds(figures["startup"]),
        ],
        [
            "`boardpack spc` less start-up: reading and analysing the series, printing it",
            seconds(figures["spc"] - figures["startup"]),
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
        "- `boardpack spc` is a fresh process timed from start to exit (Python and Django "
        "start-up included).",
        f"- {platform.processor() or platform.machine()}, {os.cpu_count()} cores shared with "
        f"other work; load average at the end {os.getloadavg()[0]:.2f}.",
        END,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--share", action="store_true", help="SPC's part of the page, here")
    parser.add_argument("--period", help="the scorecard's month (with --share)")
    args = parser.parse_args()
    if args.share:
        print(json.dumps(share_here(args.period)))
        return
    measure_into(DOC, "spc", measure, section, (START, END))


if __name__ == "__main__":
    main()
