"""Backups of the whole database, taken while Boardpack runs, and their restore (docs/deploy.md,
"Backup and restore"): `boardpack backup FILE`, `boardpack restore FILE [--force]`.

- SQLite: SQLite's online backup API copies the database page by page from one read
  transaction, so the copy is the database as it was at one instant, whatever is being written.
  The backup is itself an SQLite database (open it with `sqlite3 FILE`).
- PostgreSQL: `pg_dump --format=custom` (one snapshot transaction; writers are not blocked),
  restored by `pg_restore` in one transaction. Owners and grants are left out: the restoring
  role owns what it restores.

A backup is written under a temporary name, flushed and renamed, so FILE is whole or absent,
and readable by its owner only (it holds personal data and password hashes). A restore goes
into an empty database, and refuses one with tables unless forced: then everything in it is
replaced.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connection, transaction

SQLITE = b"SQLite format 3\x00"
POSTGRESQL = b"PGDMP"
KINDS = {"sqlite": "an SQLite database", "postgresql": "a pg_dump archive"}


class BackupError(Exception):
    """A backup or a restore that cannot be done, said in words."""


def vendor() -> str:
    return str(connection.vendor)


def backup(target: Path) -> int:
    """Write a consistent snapshot of the database to `target`; returns its size in bytes."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as error:
        raise BackupError(f"Cannot write {target}: {error.strerror}") from error
    os.close(descriptor)
    try:
        if vendor() == "sqlite":
            _sqlite_backup(partial)
        else:
            _pg_dump(partial)
        _flush(partial)
        partial.replace(target)
    except OSError as error:
        raise BackupError(f"Cannot write {target}: {error.strerror}") from error
    finally:
        partial.unlink(missing_ok=True)
    return target.stat().st_size


def restore(source: Path, *, force: bool) -> None:
    """Restore `source`, a backup of this kind of database, into this (empty) database."""
    kind = kind_of(source)
    if kind != vendor():
        raise BackupError(
            f"{source} is {KINDS[kind]}; this database is {vendor()}: restore it into a "
            f"{kind} database (DATABASE_URL)."
        )
    tables = connection.introspection.table_names()
    if tables and not force:
        raise BackupError(
            f"The database is not empty ({len(tables)} tables): restore refuses to replace it. "
            "Restore into a new, empty database, or give --force to replace everything in it."
        )
    if kind == "sqlite":
        _sqlite_restore(source)
    else:
        _pg_restore(source, tables)
    connection.close()


def kind_of(path: Path) -> str:
    """ "sqlite" or "postgresql", from the file's first bytes."""
    try:
        with path.open("rb") as file:
            start = file.read(len(SQLITE))
    except OSError as error:
        raise BackupError(f"Cannot read {path}: {error.strerror}") from error
    if start == SQLITE:
        return "sqlite"
    if start.startswith(POSTGRESQL):
        return "postgresql"
    raise BackupError(f"{path} is not a Boardpack backup (an SQLite database or a pg_dump archive)")


def _flush(path: Path) -> None:
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def _sqlite_name() -> str:
    return str(connection.settings_dict["NAME"])


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _sqlite_backup(partial: Path) -> None:
    copy = sqlite3.connect(partial)
    try:
        source = _read_only(Path(_sqlite_name()))
        try:
            source.backup(copy)
        finally:
            source.close()
    except sqlite3.Error as error:
        raise BackupError(f"The SQLite backup of {_sqlite_name()} failed: {error}") from error
    finally:
        copy.close()


def _sqlite_restore(source: Path) -> None:
    backup = _read_only(source)
    connection.close()
    live = sqlite3.connect(_sqlite_name())
    try:
        (checked,) = backup.execute("PRAGMA quick_check").fetchone()
        if checked != "ok":
            raise BackupError(f"{source} is damaged ({checked}): nothing was restored.")
        backup.backup(live)
    finally:
        live.close()
        backup.close()


def _pg_environment() -> dict[str, str]:
    """libpq's variables for this database: the password goes by the environment, never on a
    command line that `ps` shows."""
    given: dict[str, Any] = connection.settings_dict
    named = {
        "PGHOST": given.get("HOST"),
        "PGPORT": given.get("PORT"),
        "PGUSER": given.get("USER"),
        "PGPASSWORD": given.get("PASSWORD"),
        "PGDATABASE": given.get("NAME"),
        "PGSSLMODE": (given.get("OPTIONS") or {}).get("sslmode"),
    }
    return {**os.environ, **{name: str(value) for name, value in named.items() if value}}


def _pg(program: list[str]) -> None:
    try:
        ran = subprocess.run(
            program, env=_pg_environment(), capture_output=True, text=True, check=False
        )
    except FileNotFoundError as error:
        raise BackupError(
            f"{program[0]} is not installed: it comes with PostgreSQL's client programs "
            "(Debian: apt-get install postgresql-client, of the server's version or newer)."
        ) from error
    if ran.returncode != 0:
        raise BackupError(f"{program[0]} failed: {ran.stderr.strip()}")


def _pg_dump(partial: Path) -> None:
    _pg(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}"])


PG_SCHEMA_OBJECTS = """
SELECT 'TABLE', c.oid::regclass::text FROM pg_class c
 WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
UNION ALL
SELECT 'VIEW', c.oid::regclass::text FROM pg_class c
 WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'v'
UNION ALL
SELECT 'SEQUENCE', c.oid::regclass::text FROM pg_class c
 WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S'
UNION ALL
SELECT 'FUNCTION', p.oid::regprocedure::text FROM pg_proc p
 WHERE p.pronamespace = current_schema()::regnamespace
"""
"""What a forced restore drops first: the tables, views, sequences and functions (the
data-version triggers') of the schema Boardpack uses."""


def _pg_restore(source: Path, tables: list[str]) -> None:
    if tables:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(PG_SCHEMA_OBJECTS)
            for kind, name in cursor.fetchall():
                cursor.execute(f"DROP {kind} IF EXISTS {name} CASCADE")
    database = str(connection.settings_dict["NAME"])
    connection.close()
    restoring = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
    _pg([*restoring, "--single-transaction", f"--dbname={database}", str(source)])
