"""A real worker killed with SIGKILL in the middle of a job: a second worker finds the stale
claim and the job ends done (or failed with the reason), never stuck running. The workers run
as subprocesses on a database of this test's own (a file: they cannot see the test's own)."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

BIN = Path(sys.executable).parent
SCRIPT = """
from boardpack.jobs.services import start_job
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from pathlib import Path
seed = Path("{seed}")
for kind in ("indicators", "values", "comments"):
    run_import(kind, Source.file(kind + ".csv", (seed / (kind + ".csv")).read_bytes()), user=None)
job = start_job("report", "Quarterly", {{"report": "quarterly",
    "data": {{"period": "2012-06", "format": "docx"}}}}, None)
print(job.pk)
"""
SEED = Path(__file__).resolve().parents[2] / "src" / "boardpack" / "demo" / "seed"


def _state(db: Path, job_id: str) -> str:
    with sqlite3.connect(db) as found:
        row = found.execute(
            "SELECT state, message FROM jobs_job WHERE id = ?", (uuid.UUID(job_id).hex,)
        ).fetchone()
    return row[0] if row else ""


def _wait(db: Path, job_id: str, states: set[str], seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = _state(db, job_id)
        if state in states:
            return state
        time.sleep(0.05)
    return _state(db, job_id)


def test_a_job_whose_worker_is_killed_is_finished_by_the_next_worker(tmp_path):
    db = tmp_path / "kill.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "DEBUG": "true",
        "BOARDPACK_JOB_FILES": str(tmp_path / "files"),
        "BOARDPACK_JOB_STALE_SECONDS": "2",
        "BOARDPACK_WORKER_BEAT_SECONDS": "1",
    }
    boardpack = str(BIN / "boardpack")
    subprocess.run([boardpack, "migrate", "-v0"], env=env, check=True)
    made = subprocess.run(
        [boardpack, "shell", "-c", SCRIPT.format(seed=SEED)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    job_id = made.stdout.strip().splitlines()[-1]
    worker = [boardpack, "worker", "--no-startup-delay", "--interval", "0.1", "-v0"]

    first = subprocess.Popen(worker, env=env)
    try:
        assert _wait(db, job_id, {"running", "done", "failed"}, 60) == "running"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    assert _state(db, job_id) == "running"  # the kill left it claimed

    second = subprocess.Popen(worker, env=env)
    try:
        ended = _wait(db, job_id, {"done", "failed"}, 90)
    finally:
        second.terminate()
        second.wait(timeout=30)
    assert ended in {"done", "failed"}
    with sqlite3.connect(db) as found:
        attempts, message = found.execute(
            "SELECT attempts, message FROM jobs_job WHERE id = ?", (uuid.UUID(job_id).hex,)
        ).fetchone()
    assert attempts == 2
    assert ended == "done" or "worker running this job stopped" in message
