"""A 300-indicator quarterly PDF made by a job (issue 15): from the moment the job is queued to
the moment its file is ready, with a worker already running, as a download from the web is.

The data are bench/generate.py's (as bench/reports.py loads them) in a fresh SQLite file; a
real `boardpack worker` subprocess runs the jobs. Two jobs one after the other: the first in a
worker that has made nothing yet, the second in the same worker. The file is checked: a PDF.

    .venv/bin/python bench/jobs.py   # rewrites this part of docs/PERFORMANCE.md
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

from common import check, log, markdown_table, measure_into
from reports import INDICATORS, loaded

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"
BOARDPACK = Path(sys.executable).parent / "boardpack"
GOAL = 6.0
START, END = "<!-- jobs:start -->", "<!-- jobs:end -->"
QUEUE = """
from boardpack.jobs.services import start_job
job = start_job("report", "Quarterly", {{"report": "quarterly",
    "data": {{"period": "{period}", "format": "pdf"}}}}, None)
print(job.pk)
"""


def _state(db: Path, job_id: str) -> str:
    with sqlite3.connect(db) as found:
        row = found.execute(
            "SELECT state FROM jobs_job WHERE id = ?", (uuid.UUID(job_id).hex,)
        ).fetchone()
    return str(row[0])


def _time_job(db: Path, env: dict[str, str], period: str) -> float:
    """Queue one job and wait for it: the seconds from queued to done."""
    made = subprocess.run(
        [str(BOARDPACK), "shell", "-c", QUEUE.format(period=period)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    job_id = made.stdout.split()[-1]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        state = _state(db, job_id)
        if state in ("done", "failed"):
            check(state == "done", f"job {job_id} failed")
            break
        time.sleep(0.05)
    with sqlite3.connect(db) as found:
        seconds = found.execute(
            "SELECT (julianday(finished_at) - julianday(created_at)) * 86400, result_file "
            "FROM jobs_job WHERE id = ?",
            (uuid.UUID(job_id).hex,),
        ).fetchone()
    check(Path(seconds[1]).read_bytes().startswith(b"%PDF"), "the job's file is not a PDF")
    return float(seconds[0])


def measure(directory: Path) -> tuple[list[float], str]:
    db = directory / "jobs.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "BOARDPACK_JOB_FILES": str(directory / "files"),
    }
    data = loaded(directory, env)
    worker = subprocess.Popen(
        [str(BOARDPACK), "worker", "--no-startup-delay", "--interval", "0.1", "-v0"], env=env
    )
    try:
        time.sleep(3)  # the worker is up, as a deployed one is
        times = []
        for attempt in (1, 2):
            log(f"a {INDICATORS}-indicator quarterly PDF as a job, {attempt} of 2")
            times.append(_time_job(db, env, data.latest))
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
    return times, data.latest


def section(times: list[float], period: str) -> list[str]:
    best = min(times)
    rows = [
        [
            f"{INDICATORS}-indicator quarterly PDF in a job under {GOAL:.0f} s",
            f"{'met' if max(times) < GOAL else '**not met**'} "
            f"(first {times[0]:.1f} s, second {times[1]:.1f} s)",
        ]
    ]
    return [
        START,
        "## Reports made by jobs",
        "",
        f"A quarterly report of {INDICATORS} indicators for {period} as PDF, queued as a job and "
        "made by a running `boardpack worker` (a subprocess), timed from queued to the file "
        "saved (the job's own timestamps), on SQLite loaded from bench/generate.py's data. "
        "Command: `.venv/bin/python bench/jobs.py` (also run by `make bench`).",
        "",
        *markdown_table(["goal", "SQLite"], rows),
        "",
        f"- The best of the two: {best:.1f} s. The same report by `boardpack report` is in "
        "“Quarterly performance report” above (a fresh process: start-up included). Load "
        f"average at the end {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores.",
        END,
    ]


def main() -> None:
    measure_into(DOC, "jobs", measure, section, (START, END))


if __name__ == "__main__":
    main()
