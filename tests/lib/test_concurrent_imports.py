"""Two imports of one kind at once: the second waits for the first and both are written, on
SQLite and on PostgreSQL; one kept waiting too long is refused with a clear answer.

Each import is the real `boardpack import` in a process of its own; the processes set up
Django, wait for a signal and then import at the same moment. On PostgreSQL they use the test
database (committed to, so they see it); on SQLite a database file made for the test."""

import os
import re
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection

from boardpack.lib.importing import lock_name

pytestmark = pytest.mark.django_db(transaction=True)

PROBE = """
import pathlib, sys, time
import django
django.setup()
from django.core.management import call_command
from django.core.management.base import CommandError
print("ready", flush=True)
go = pathlib.Path(sys.argv[1])
while not go.exists():
    time.sleep(0.005)
try:
    call_command("import", sys.argv[2], sys.argv[3])
    print("imported", flush=True)
except CommandError as error:
    print(error, flush=True)
"""


def _indicators(path: Path, numbers: range) -> Path:
    rows = [f"X{n:03},Indicator {n},Children's Services,smaller" for n in numbers]
    path.write_text("\n".join(["code,title,director,polarity", *rows]) + "\n")
    return path


def _values(path: Path, years: range) -> Path:
    """Every indicator's actual for every month of the years, the same figure whoever writes it."""
    rows = [
        f"X{n:03},{year}-{month:02},{n + month}"
        for n in range(1, 51)
        for year in years
        for month in range(1, 13)
    ]
    path.write_text("\n".join(["code,period,actual", *rows]) + "\n")
    return path


@pytest.fixture
def database_url(tmp_path) -> str:
    found = connection.settings_dict
    if connection.vendor == "postgresql":
        password = f":{found['PASSWORD']}" if found["PASSWORD"] else ""
        return (
            f"postgres://{found['USER']}{password}@{found['HOST'] or 'localhost'}:"
            f"{found['PORT'] or 5432}/{found['NAME']}"
        )
    url = f"sqlite:///{tmp_path / 'imports.sqlite3'}"
    subprocess.run(
        [sys.executable, "-m", "django", "migrate", "-v0"],
        env=_env(url),
        check=True,
        timeout=300,
    )
    return url


def _env(url: str, **more: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "boardpack.settings",
        "DATABASE_URL": url,
        **more,
    }


def _at_once(url: str, kind: str, files: list[Path], go: Path, **env: str) -> list[tuple[str, str]]:
    """Each file imported as the kind by its own process, all started at the same moment: what
    each printed on standard output (its outcome) and standard error (its problems)."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", PROBE, str(go), kind, str(file)],
            env=_env(url, **env),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for file in files
    ]
    for process in processes:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
    go.touch()
    outcomes = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        outcomes.append((out.strip(), err))
    return outcomes


def _count(url: str, table: str) -> int:
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")
        return int(cursor.fetchone()[0])


def test_two_imports_of_one_kind_at_once_both_write_and_lose_nothing(database_url, tmp_path):
    indicators = _indicators(tmp_path / "indicators.csv", range(1, 51))
    assert _at_once(database_url, "indicators", [indicators], tmp_path / "ready")[0][0].endswith(
        "imported"
    )
    first = _values(tmp_path / "first.csv", range(2010, 2014))
    second = _values(tmp_path / "second.csv", range(2012, 2016))
    outcomes = _at_once(database_url, "values", [first, second], tmp_path / "go")
    assert [out.rsplit("\n", 1)[-1] for out, _ in outcomes] == ["imported", "imported"], outcomes
    created = [int(re.search(r"(\d+) created", out)[1]) for out, _ in outcomes]
    assert sorted(created) == [1200, 2400]  # the one that waited found the other's 1,200 there
    assert _count(database_url, "scorecard_actual") == 50 * 12 * 6


@contextmanager
def _import_running(url: str):
    """Another import of indicators holding the lock it takes, until the block ends."""
    if url.startswith("sqlite"):
        db = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            db.execute("ROLLBACK")
            db.close()
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(hashtext(%s))", [lock_name("indicators")])
        try:
            yield
        finally:
            cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [lock_name("indicators")])


def test_an_import_kept_waiting_too_long_is_refused_saying_why(database_url, tmp_path):
    file = _indicators(tmp_path / "waiting.csv", range(1, 11))
    with _import_running(database_url):
        started = time.monotonic()
        [(out, err)] = _at_once(
            database_url, "indicators", [file], tmp_path / "go", BOARDPACK_IMPORT_WAIT_SECONDS="1"
        )
        waited = time.monotonic() - started
    assert out == "waiting.csv: 1 error(s); nothing was written"
    assert err.strip() == (
        "waiting.csv: another import of indicators is running: nothing was written; try again "
        "when it has finished (this one waited 1 seconds)"
    )
    assert waited < 30
    assert _count(database_url, "scorecard_indicator") == 0
