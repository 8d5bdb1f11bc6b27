"""Find the input files of each source and stage them in DuckDB as written.

Layout: a source folder holds one folder per collection year (``903/2023/``,
``903/2024/``), or is itself one year's files. A year's SSDA903 files are one
CSV per table (``header.csv``, ``episodes.csv`` ...) or one XML; the same for
the CIN census (``cin_referrals.csv`` ... or one XML). The population is one
CSV file. See docs/calc-inputs.md.

Staging reads every value as text into ``_raw_<table>`` with the file's label,
the row as a spreadsheet numbers it and the collection year. Validation then
checks the staged text, and loading casts it into the typed tables.
"""

from __future__ import annotations

import csv
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import duckdb

from boardpack.calc import sql, xml
from boardpack.calc.problems import problem
from boardpack.calc.tables import BY_NAME, CIN, POPULATION, SSDA903, Source, Table
from boardpack.core.encoding import stray_byte
from boardpack.core.problems import Problem

Form = Literal["csv", "xml"]
SOURCE_TABLES: dict[Source, tuple[Table, ...]] = {
    "ssda903": SSDA903,
    "cin": CIN,
    "population": (POPULATION,),
}
_YEAR_DIR = re.compile(r"(19|20)\d\d")
MAX_MALFORMED = 50  # malformed rows named one by one in a file; more are summed up
_REJECT_REASONS = {
    "TOO MANY COLUMNS": "the row has more fields than the header",
    "MISSING COLUMNS": "the row has fewer fields than the header",
    "UNQUOTED VALUE": "a field has a quote in the wrong place",
}


@dataclass(frozen=True)
class InputFile:
    source: Source
    path: Path
    label: str  # how problems and reports name it: relative to the folder given
    form: Form
    year: int | None  # the collection year, where the folder or the file says it
    table: str | None = None  # the table of a CSV; an XML holds all its source's tables


@dataclass
class Staging:
    files: list[InputFile]
    problems: list[Problem]
    tables: dict[str, set[int | None]]  # staged table -> the years staged

    def source_loaded(self, source: Source) -> bool:
        return any(BY_NAME[t].source == source for t in self.tables)


def raw(table: str) -> str:
    return f"_raw_{table}"


def find_inputs(source: Source, root: Path) -> tuple[list[InputFile], list[Problem]]:
    """The files of one source, by year, and what is missing."""
    label = root.name
    if not root.exists():
        return [], [Problem(str(root), None, None, "not found")]
    if source == "population":
        if root.is_dir():
            return [], [Problem(label, None, None, "the population is one CSV file, not a folder")]
        return [InputFile(source, root, label, "csv", None, POPULATION.name)], []
    if root.is_file():
        if root.suffix.lower() != ".xml":
            return [], [Problem(label, None, None, "give the folder of the CSV files, or an XML")]
        return [InputFile(source, root, label, "xml", None)], []
    year_dirs = sorted(d for d in root.iterdir() if d.is_dir() and _YEAR_DIR.fullmatch(d.name))
    if not year_dirs:
        year = int(root.name) if _YEAR_DIR.fullmatch(root.name) else None
        return _year_files(source, root, label, year)
    files: list[InputFile] = []
    problems: list[Problem] = []
    for d in year_dirs:
        found, missing = _year_files(source, d, f"{label}/{d.name}", int(d.name))
        files += found
        problems += missing
    return files, problems


def _year_files(
    source: Source, folder: Path, label: str, year: int | None
) -> tuple[list[InputFile], list[Problem]]:
    entries = sorted(p for p in folder.iterdir() if p.is_file())
    csvs = {p.stem.lower(): p for p in entries if p.suffix.lower() == ".csv"}
    xmls = [p for p in entries if p.suffix.lower() == ".xml"]
    tables = SOURCE_TABLES[source]
    known = [t for t in tables if t.name in csvs]
    if known and xmls:
        return [], [Problem(label, None, None, "holds both CSV and XML files: keep one form")]
    if xmls:
        if len(xmls) > 1:
            return [], [Problem(label, None, None, "holds several XML files: keep one a year")]
        return [InputFile(source, xmls[0], f"{label}/{xmls[0].name}", "xml", year)], []
    if not known:
        return [], [Problem(label, None, None, f"holds no {source.upper()} files")]
    files = [
        InputFile(source, csvs[t.name], f"{label}/{csvs[t.name].name}", "csv", year, t.name)
        for t in known
    ]
    problems = [
        problem(f"{label}/{t.file}", None, None, "required file missing")
        for t in tables
        if t.required and t.name not in csvs
    ]
    return files, problems


def stage(
    con: duckdb.DuckDBPyConnection,
    *,
    ssda903: Path | None,
    cin: Path | None,
    population: Path | None,
    year: int | None = None,
) -> Staging:
    """Find and stage every input file; structural problems are in the result.

    Staging runs on one DuckDB thread (the connection's setting is put back after): rows are
    read in file order to number them, so more threads only wait, and on a busy 2-core
    machine one thread staged the national-scale set in 8.6 s against 23 s with two.
    """
    threads = con.execute("SELECT current_setting('threads')").fetchall()[0][0]
    con.execute("SET threads = 1")
    try:
        return _stage(con, ssda903=ssda903, cin=cin, population=population, year=year)
    finally:
        con.execute(f"SET threads = {int(threads)}")


def _stage(
    con: duckdb.DuckDBPyConnection,
    *,
    ssda903: Path | None,
    cin: Path | None,
    population: Path | None,
    year: int | None,
) -> Staging:
    staging = Staging([], [], {})
    roots: list[tuple[Source, Path | None]] = [
        ("ssda903", ssda903),
        ("cin", cin),
        ("population", population),
    ]
    for source, root in roots:
        if root is None:
            continue
        files, problems = find_inputs(source, Path(root))
        staging.problems += problems
        for f in files:
            if f.year is None and source != "population":
                f = replace(f, year=year)
            if f.form == "xml":
                f = replace(f, year=_stage_xml(con, f, staging))
            else:
                _stage_csv(con, f, staging, BY_NAME[f.table or ""])
            staging.files.append(f)
    _infer_years(con, staging)
    return staging


def drop_staged(con: duckdb.DuckDBPyConnection, staging: Staging) -> None:
    """Leave nothing of the staging behind."""
    for name in [*(raw(t) for t in staging.tables), "_rejects", "_rejects_scan"]:
        con.execute(f"DROP TABLE IF EXISTS {name}")


def _create_raw(con: duckdb.DuckDBPyConnection, table: Table, staging: Staging) -> None:
    if table.name in staging.tables:
        return
    meta = "_file VARCHAR, _row BIGINT"
    if table.source != "population":
        meta += ", year INTEGER"
    cols = ", ".join(f"{c.name} VARCHAR" for c in table.columns)
    con.execute(f"CREATE OR REPLACE TABLE {raw(table.name)} ({meta}, {cols})")
    staging.tables[table.name] = set()


def _read_header(path: Path) -> list[str] | None:
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
        return next(csv.reader(fh), None)


def _stage_csv(
    con: duckdb.DuckDBPyConnection,
    f: InputFile,
    staging: Staging,
    table: Table,
) -> None:
    """Stage one CSV; an XML's tables come here as CSVs with their lines in ``_row``."""
    label = f.label
    header = _read_header(f.path)
    if not header:
        staging.problems.append(problem(label, 1, None, "the file is empty: no header row"))
        return
    names = [h.strip().lower() for h in header]
    problems = [
        problem(label, 1, header[i], "column given twice")
        for i, n in enumerate(names)
        if n and n in names[:i]
    ]
    problems += [
        problem(label, 1, table.header(c), "required column missing")
        for c in table.columns
        if c.required and c.name not in names
    ]
    if problems:
        staging.problems += problems
        return
    _create_raw(con, table, staging)
    staging.tables[table.name].add(f.year)
    _insert(con, f, table, names, "utf-8")
    rejects = con.execute(
        "SELECT line, min(error_type) FROM _rejects GROUP BY line ORDER BY line"
    ).fetchall()
    _clear_rejects(con)
    if any(kind == "INVALID ENCODING" for _line, kind in rejects):
        con.execute(f"DELETE FROM {raw(table.name)} WHERE _file = {sql.quote(label)}")
        if stray := stray_byte(f.path.read_bytes()):
            # UTF-8 but for a stray byte: refused, not stored as mojibake.
            staging.problems.append(problem(label, stray.row, stray.column, stray.reason))
            return
        # No UTF-8 in it: read it as Excel's Windows-1252 (Latin-1) instead.
        _insert(con, f, table, names, "latin-1")
        rejects = con.execute(
            "SELECT line, min(error_type) FROM _rejects GROUP BY line ORDER BY line"
        ).fetchall()
        _clear_rejects(con)
    if rejects:
        _report_rejects(
            con, label, table, [(int(line), str(kind)) for line, kind in rejects], staging
        )


def _insert(
    con: duckdb.DuckDBPyConnection, f: InputFile, table: Table, names: list[str], encoding: str
) -> None:
    positions = {n: i for i, n in enumerate(names)}
    values = [
        f"nullif(trim(c{positions[c.name]}), '')" if c.name in positions else "NULL"
        for c in table.columns
    ]
    row = "CAST(c0 AS BIGINT)" if names[0] == "_row" else "ordinality + 1"
    meta = f"{sql.quote(f.label)}, {row}"
    if table.source != "population":
        meta += f", {f.year if f.year is not None else 'NULL'}"
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(names))) + "}"
    con.execute(
        f"INSERT INTO {raw(table.name)} SELECT {meta}, {', '.join(values)} "
        f"FROM read_csv({sql.quote(str(f.path))}, header = true, auto_detect = false, "
        f"columns = {columns}, delim = ',', quote = '\"', escape = '\"', strict_mode = true, "
        f"encoding = '{encoding}', store_rejects = true, rejects_table = '_rejects', "
        "rejects_scan = '_rejects_scan') WITH ORDINALITY"
    )


def _clear_rejects(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("DELETE FROM _rejects")
    con.execute("DELETE FROM _rejects_scan")


def _report_rejects(
    con: duckdb.DuckDBPyConnection,
    label: str,
    table: Table,
    rejects: list[tuple[int, str]],
    staging: Staging,
) -> None:
    """Malformed rows: name them, and number the staged rows after them as the file does."""
    staging.problems += [
        problem(label, line, None, _REJECT_REASONS.get(kind, f"unreadable row ({kind})"))
        for line, kind in rejects[:MAX_MALFORMED]
    ]
    if len(rejects) > MAX_MALFORMED:
        more = f"and {len(rejects) - MAX_MALFORMED} more malformed rows: is it a CSV of this table?"
        staging.problems.append(problem(label, None, None, more))
        return
    # The n-th staged row is the file's row n + 1, plus one for each malformed row before it.
    shifts = ", ".join(f"({line - i})" for i, (line, _kind) in enumerate(rejects, start=1))
    con.execute(
        f"UPDATE {raw(table.name)} SET _row = _row + "
        f"(SELECT count(*) FROM (VALUES {shifts}) s(t) WHERE s.t <= _row - 1) "
        f"WHERE _file = {sql.quote(label)}"
    )


def _stage_xml(con: duckdb.DuckDBPyConnection, f: InputFile, staging: Staging) -> int | None:
    """Stage an XML's tables; its collection year, from the folder or the file's header."""
    tables = SOURCE_TABLES[f.source]
    with tempfile.TemporaryDirectory(prefix="boardpack-xml-") as tmp:
        result = xml.to_csv(f.path, f.source, Path(tmp))
        staging.problems += [
            problem(f.label, line, None, reason) for line, reason in result.problems
        ]
        year = f.year or result.year
        for t in tables:  # an XML holds every table of its source, if only with no rows
            path = Path(tmp) / t.file
            if path.exists():
                _stage_csv(con, InputFile(f.source, path, f.label, "csv", year, t.name), staging, t)
            else:
                _create_raw(con, t, staging)
                staging.tables[t.name].add(year)
    return year


# The table and date columns whose latest date tells a return's collection year.
_YEAR_FROM: dict[Source, tuple[str, tuple[str, ...]]] = {
    "ssda903": ("episodes", ("decom", "dec")),
    "cin": ("cin_referrals", ("referral_date", "closure_date")),
}


def _infer_years(con: duckdb.DuckDBPyConnection, staging: Staging) -> None:
    """One year's files not in a year folder: the year of the 31 March after their latest date.

    Only a source given as a single folder or XML can lack a year, so it is
    one group: all its files.
    """
    for source, (table, columns) in _YEAR_FROM.items():
        labels = [f.label for f in staging.files if f.source == source and f.year is None]
        if not labels:
            continue
        year = _latest_year(con, table, columns, labels) if table in staging.tables else None
        if year is None and not any(p.file in labels for p in staging.problems):
            reason = "cannot tell the collection year: put the files in a folder named after it"
            staging.problems.append(problem(labels[0], None, None, reason))
        if year is None:
            continue
        in_files = ", ".join(sql.quote(label) for label in labels)
        for name, years in staging.tables.items():
            if BY_NAME[name].source == source:
                where = f"year IS NULL AND _file IN ({in_files})"
                con.execute(f"UPDATE {raw(name)} SET year = {year} WHERE {where}")
                years.discard(None)
                years.add(year)
        staging.files = [
            replace(f, year=year) if f.source == source and f.year is None else f
            for f in staging.files
        ]


def _latest_year(
    con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...], labels: list[str]
) -> int | None:
    in_files = ", ".join(sql.quote(label) for label in labels)
    latest = ", ".join(sql.date(c) for c in columns)
    d = con.execute(
        f"SELECT max(greatest({latest})) FROM {raw(table)} WHERE _file IN ({in_files})"
    ).fetchall()[0][0]
    if d is None:
        return None
    return int(d.year) if d.month <= 3 else int(d.year) + 1
