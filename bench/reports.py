"""The quarterly performance report at scale (issue 4): 300 indicators with ten years of values
and commentary, written by `boardpack report quarterly` in each of the four formats.

Each format is a fresh `boardpack` process timed from start to exit, as a user runs it, into an
SQLite database loaded from bench/generate.py's files. The output is checked: a PDF, Word or
Excel file of the right kind, with every indicator code in the HTML. The PDF is printed by
headless Chromium (boardpack.reports.render.pdf; WeasyPrint took 80 s here, over the goal).

    .venv/bin/python bench/reports.py   # rewrites this part of docs/PERFORMANCE.md
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from common import check, log, markdown_table, measure_into, run
from generate import Dataset, generate

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"
BOARDPACK = Path(sys.executable).parent / "boardpack"
INDICATORS = 300
GOALS = {"html": 2.0, "pdf": 30.0, "docx": 10.0, "xlsx": 5.0}
MAGIC = {"html": b"<!DOCTYPE html>", "pdf": b"%PDF", "docx": b"PK", "xlsx": b"PK"}
START, END = "<!-- reports:start -->", "<!-- reports:end -->"


def loaded(directory: Path, env: dict[str, str]) -> Dataset:
    """bench/generate.py's data for INDICATORS indicators, imported into the database that
    env's DATABASE_URL names (migrated first)."""
    data = generate(directory / "data", indicators=INDICATORS)
    import_into(data, env)
    return data


def import_into(data: Dataset, env: dict[str, str]) -> None:
    """Migrate the database that env's DATABASE_URL names and import the data into it."""
    run([str(BOARDPACK), "migrate", "--verbosity", "0"], env=env)
    for kind, path in (
        ("indicators", data.indicators_file),
        ("values", data.values_file),
        ("comments", data.comments_file),
    ):
        run([str(BOARDPACK), "import", kind, str(path)], env=env)


def measure(directory: Path) -> tuple[dict[str, float], str]:
    """Load the generated data into a fresh SQLite file, then time each format once."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{directory / 'reports.sqlite3'}"}
    data = loaded(directory, env)
    times = {}
    for fmt in GOALS:
        output = directory / f"report.{fmt}"
        log(f"boardpack report quarterly --format {fmt}: {INDICATORS} indicators")
        times[fmt], _ = run(
            [
                str(BOARDPACK), "report", "quarterly", "--period", data.latest,
                "--format", fmt, "--output", str(output),
            ],
            env=env,
        )  # fmt: skip
        check(output.read_bytes().startswith(MAGIC[fmt]), f"report.{fmt} is not a {fmt} file")
    html = (directory / "report.html").read_text()
    check(html.count('<article class="indicator">') == INDICATORS, "an indicator is missing")
    return times, data.latest


def section(times: dict[str, float], period: str) -> list[str]:
    goal_rows = [
        [
            f"{fmt.upper()} under {limit:.0f} s",
            f"{'met' if times[fmt] < limit else '**not met**'} ({times[fmt]:.1f} s)",
        ]
        for fmt, limit in GOALS.items()
    ]
    return [
        START,
        "## Quarterly performance report",
        "",
        f"`boardpack report quarterly --period {period} --format FORMAT --output FILE` for "
        f"{INDICATORS} indicators, each with its financial-year grid, trend chart and "
        "commentary, on SQLite loaded from bench/generate.py's ten years of values. Command: "
        "`.venv/bin/python bench/reports.py` (also run by `make bench`).",
        "",
        *markdown_table(["goal", "SQLite"], goal_rows),
        "",
        f"- Each format is one fresh `boardpack` process timed from start to exit (Python and "
        f"Django start-up included); load average at the end {os.getloadavg()[0]:.2f} on "
        f"{os.cpu_count()} cores.",
        END,
    ]


def main() -> None:
    measure_into(DOC, "reports", measure, section, (START, END))


if __name__ == "__main__":
    main()
