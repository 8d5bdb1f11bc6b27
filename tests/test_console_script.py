"""The console script ends in one clear line, not a traceback, when the environment lacks a
setting or when the program reading its output stops reading (`boardpack status … | head`).

Each runs `boardpack` as a subprocess, as a person at a terminal would."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BOARDPACK = [sys.executable, "-m", "boardpack.cli"]


def _environment(**env: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return {**clean, **env}


def test_a_report_without_a_secret_key_says_so_in_one_line(tmp_path: Path):
    result = subprocess.run(
        [*BOARDPACK, "report", "quarterly", "--period", "2012-06", "--format", "html",
         "--output", str(tmp_path / "q.html")],
        env=_environment(DEBUG="false"),
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == "boardpack: The environment variable SECRET_KEY must be set.\n"
    assert result.stdout == ""


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> dict[str, str]:
    """A migrated SQLite database of the demo's indicators, for the subprocess to read."""
    path = tmp_path_factory.mktemp("db") / "boardpack.sqlite3"
    env = _environment(DEBUG="true", DATABASE_URL=f"sqlite:///{path}")
    seed = Path(__file__).resolve().parents[1] / "src" / "boardpack" / "demo" / "seed"
    for command in (["migrate", "-v", "0"], ["import", "indicators", str(seed / "indicators.csv")]):
        subprocess.run([*BOARDPACK, *command], env=env, check=True, capture_output=True)
    return env


def test_status_into_a_reader_that_stops_early_says_so_in_one_line(database):
    with subprocess.Popen(
        [*BOARDPACK, "status", "--period", "2012-06"],
        env=database,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        process.stdout.close()  # the reader goes away before the first line: `| head -0`
        stderr = process.stderr.read()
        code = process.wait()
    assert code == 1
    assert stderr == (
        "boardpack: stopped: the program reading the output closed it (broken pipe)\n"
    )


def test_status_into_a_reader_that_reads_it_all_prints_every_indicator(database):
    result = subprocess.run(
        [*BOARDPACK, "status", "--period", "2012-06", "--format", "csv"],
        env=database,
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(result.stdout.splitlines()) == 1 + 33
    assert result.stderr == ""
