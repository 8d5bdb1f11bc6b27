"""Load the input files into typed DuckDB tables, after validating them all.

``load`` is the one way in: it finds the files, stages them as text, runs
every check, and only if there is no problem creates the tables of
``tables.py`` (dates as DATE, codes upper case, with ``year``). A source not
given, or a CSV file not there, leaves its tables absent; an XML creates all
its source's tables, empty where it has no rows.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb

from boardpack.calc import readers, sql
from boardpack.calc.problems import InvalidInput, sort_problems
from boardpack.calc.readers import InputFile
from boardpack.calc.tables import BY_NAME, Source, ddl
from boardpack.calc.validate import check


@dataclass(frozen=True)
class LoadReport:
    sources: tuple[Source, ...]  # the sources loaded, of ssda903, cin, population
    years: dict[str, tuple[int, ...]]  # table -> the collection years it holds
    rows: dict[str, int]  # table -> rows loaded
    files: tuple[InputFile, ...]

    @property
    def tables(self) -> tuple[str, ...]:
        return tuple(self.rows)

    def hashes(self) -> dict[str, str]:
        """SHA-256 of each input file, by label: the provenance of what was computed."""
        out: dict[str, str] = {}
        for f in self.files:
            with f.path.open("rb") as fh:
                out[f.label] = hashlib.file_digest(fh, "sha256").hexdigest()
        return out


def load(
    con: duckdb.DuckDBPyConnection,
    *,
    ssda903: Path | None,
    cin: Path | None,
    population: Path | None,
    year: int | None = None,
) -> LoadReport:
    """Create the input tables in ``con``; raise InvalidInput (creating nothing) on any problem.

    ``year`` is the collection year of a folder of one year's files that is
    not named after its year; without it the year is the one of the 31 March
    after the latest episode or referral date.
    """
    staging = readers.stage(con, ssda903=ssda903, cin=cin, population=population, year=year)
    problems = staging.problems + check(con, set(staging.tables))
    if problems:
        readers.drop_staged(con, staging)
        raise InvalidInput(sort_problems(problems))
    rows: dict[str, int] = {}
    years: dict[str, tuple[int, ...]] = {}
    for name in staging.tables:
        table = BY_NAME[name]
        values = [f"{sql.typed(table, c)} AS {c.name}" for c in table.columns]
        if table.source != "population":
            values.append("year")
        con.execute(f"DROP TABLE IF EXISTS {name}")
        con.execute(ddl(table))
        con.execute(f"INSERT INTO {name} SELECT {', '.join(values)} FROM {readers.raw(name)}")
        con.execute(f"DROP TABLE {readers.raw(name)}")
        rows[name] = int(con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0])
        found = con.execute(f"SELECT DISTINCT year FROM {name} ORDER BY year").fetchall()
        years[name] = tuple(int(y) for (y,) in found if y is not None)
    all_sources: tuple[Source, ...] = ("ssda903", "cin", "population")
    sources = tuple(s for s in all_sources if staging.source_loaded(s))
    readers.drop_staged(con, staging)
    return LoadReport(sources, years, rows, tuple(staging.files))
