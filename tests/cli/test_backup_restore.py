"""`boardpack backup` and `boardpack restore`, on SQLite and on PostgreSQL (when DATABASE_URL
names a PostgreSQL server, as `make test-postgres` does): the demo plus values, comments, plan
progress and a job, backed up while another connection holds a write open, restored into a new
database: every table's rows are the same. A database that is not empty is refused unless
--force; a file that is not a backup, or one of the other database, is refused in words.

The commands run as they do in production, in processes of their own, on databases of their
own (not the test database)."""

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
BOARDPACK = Path(sys.executable).parent / "boardpack"
SERVER = os.environ.get("DATABASE_URL", "")

CHANGES = """
from datetime import date
from django.contrib.auth import get_user_model
from boardpack.jobs.services import start_job
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.plans.models import Action
from boardpack.plans.services import progress_add

officer = get_user_model().objects.get(username="performance.officer")
values = b"code,period,actual,target,provisional\\n2042SC,2012-09,37.5,35,yes\\n"
run_import("values", Source.file("values.csv", values), user=officer)
comment = (
    "code,period,author,subject,text\\n2042SC,2012-09,Head of Safeguarding Service,"
    "Head of Service Commentary,\\"Up again, caf\\u00e9 \\u2013 \\u00a3 and all\\"\\n"
)
run_import("comments", Source.file("comments.csv", comment.encode()), user=officer)
progress_add(action=Action.objects.order_by("pk").first(), day=date(2012, 9, 3),
             text="Met the board", user=officer)
start_job("cycle", "The update cycle", {}, officer)
"""


class Database:
    """A database of the test's own: its URL, a raw connection to it, and its every row."""

    def __init__(self, url: str) -> None:
        self.url = url

    def connect(self):
        if self.url.startswith("sqlite"):
            return sqlite3.connect(urlsplit(self.url).path)
        import psycopg

        return psycopg.connect(self.url.replace("postgres://", "postgresql://", 1))

    def tables(self, link) -> list[str]:
        query = (
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            if self.url.startswith("sqlite")
            else "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        )
        return sorted(name for (name,) in link.execute(query).fetchall())

    def rows(self) -> dict[str, list[tuple]]:
        """Every table's rows, in an order of their own (the physical order may differ)."""
        with self.connect() as link:
            return {
                table: sorted(link.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
                for table in self.tables(link)
            }


def boardpack(database: Database, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("BOARDPACK_", "DJANGO"))}
    env = {
        **inherited,
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
        ),
        "DATABASE_URL": database.url,
    }
    ran = subprocess.run(
        [BOARDPACK, *args], env=env, capture_output=True, text=True, check=False, timeout=600
    )
    assert not check or ran.returncode == 0, ran.stderr
    return ran


def _postgres_pair(prefix: str) -> Iterator[tuple[Database, Database]]:
    import psycopg

    server = urlsplit(SERVER.replace("postgres://", "postgresql://", 1))
    names = (f"{prefix}_backup_source", f"{prefix}_backup_restored")
    admin_url = server._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        yield tuple(Database(server._replace(path=f"/{name}").geturl()) for name in names)
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


ENGINES = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(
            not SERVER.startswith("postgres"), reason="DATABASE_URL names no PostgreSQL server"
        ),
    ),
]


@pytest.fixture(scope="module", params=ENGINES)
def databases(request, tmp_path_factory) -> Iterator[tuple[Database, Database]]:
    """The demo with changes of every kind, and a new database beside it."""
    if request.param == "sqlite":
        where = tmp_path_factory.mktemp("sqlite")
        yield from _loaded(tuple(Database(f"sqlite:///{where}/{n}.sqlite3") for n in ("a", "b")))
    else:
        prefix = urlsplit(SERVER).path.strip("/") or "bp"
        for pair in _postgres_pair(prefix):
            yield from _loaded(pair)


def _loaded(pair: tuple[Database, Database]) -> Iterator[tuple[Database, Database]]:
    source, _ = pair
    boardpack(source, "demo", "--reset")
    boardpack(source, "shell", "--command", CHANGES)
    yield pair


@pytest.fixture(scope="module")
def backed_up(databases, tmp_path_factory) -> tuple[Database, Database, Path]:
    """The source backed up while another connection has written a row it has not committed."""
    source, new = databases
    file = tmp_path_factory.mktemp("backup") / "boardpack.backup"
    writer = source.connect()
    try:
        writer.execute(
            "INSERT INTO jobs_workerseen (worker_id, seen_at) VALUES ('uncommitted', '2026-01-01')"
        )
        ran = boardpack(source, "backup", str(file))
    finally:
        writer.rollback()
        writer.close()
    assert f"to {file} (" in ran.stdout
    return source, new, file


def test_the_backup_is_readable_by_its_owner_only(backed_up):
    *_, file = backed_up
    assert file.stat().st_mode & 0o777 == 0o600
    assert not list(file.parent.glob(".*partial"))


def test_restored_into_a_new_database_every_tables_rows_are_the_same(backed_up):
    source, new, file = backed_up
    ran = boardpack(new, "restore", str(file))
    assert "Restored" in ran.stdout
    before, after = source.rows(), new.rows()
    assert sorted(after) == sorted(before)
    for table, rows in before.items():
        assert after[table] == rows, table
    assert [r for r in after["jobs_job"] if "The update cycle" in r]
    assert [r for r in after["plans_progressentry"] if "Met the board" in r]
    assert any("café – £" in str(r) for r in after["scorecard_comment"])
    assert len(after["benchmarks_publishedvalue"]) > 600_000
    assert not [r for r in after["jobs_workerseen"] if "uncommitted" in r]


def test_a_database_that_is_not_empty_is_refused_unless_forced(backed_up):
    source, _, file = backed_up
    refused = boardpack(source, "restore", str(file), check=False)
    assert refused.returncode == 1
    assert "not empty" in refused.stderr
    assert "--force" in refused.stderr
    before = source.rows()
    with source.connect() as link:
        link.execute("DELETE FROM jobs_job")
    forced = boardpack(source, "restore", "--force", str(file))
    assert "Restored" in forced.stdout
    assert source.rows() == before


def test_the_restored_database_takes_new_rows_after_the_restored_ones(backed_up):
    _, new, _ = backed_up
    before = new.rows()
    boardpack(new, "shell", "--command", CHANGES.replace("2012-09", "2012-12"))
    after = new.rows()
    for table in ("jobs_job", "plans_progressentry", "scorecard_comment"):
        assert len(after[table]) == len(before[table]) + 1, table


def test_a_file_that_is_not_a_backup_is_refused_in_words(backed_up, tmp_path):
    source, _, _ = backed_up
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello")
    refused = boardpack(source, "restore", "--force", str(bogus), check=False)
    assert refused.returncode == 1
    assert "is not a Boardpack backup" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_a_backup_of_a_database_that_is_not_there_is_refused_in_words(tmp_path):
    missing = Database(f"sqlite:///{tmp_path}/nowhere/missing.sqlite3")
    refused = boardpack(missing, "backup", str(tmp_path / "b.backup"), check=False)
    assert refused.returncode == 1
    assert "backup of" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not list(tmp_path.glob("*.backup"))
    assert not list(tmp_path.glob(".*partial"))


def test_a_backup_of_the_other_kind_of_database_is_refused(backed_up, tmp_path):
    source, _, _ = backed_up
    other = tmp_path / "other.backup"
    if source.url.startswith("sqlite"):
        other.write_bytes(b"PGDMP\x01\x0e\x00" + bytes(100))
        expected = "is a pg_dump archive; this database is sqlite"
    else:
        with sqlite3.connect(other) as made:
            made.execute("CREATE TABLE t (x)")
        expected = "is an SQLite database; this database is postgresql"
    refused = boardpack(source, "restore", "--force", str(other), check=False)
    assert refused.returncode == 1
    assert expected in refused.stderr


def test_a_backup_that_cannot_be_written_leaves_no_file(backed_up, tmp_path):
    """A full disk: /dev/full refuses every write (SQLite's pages; pg_dump's archive)."""
    source, _, _ = backed_up
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    folder = tmp_path / "full"
    folder.mkdir()
    (folder / ".boardpack.backup.partial").symlink_to("/dev/full")
    refused = boardpack(source, "backup", str(folder / "boardpack.backup"), check=False)
    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr
    assert not (folder / "boardpack.backup").exists()
