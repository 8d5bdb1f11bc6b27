"""The published figures in long format (bds_long_0.parquet, or a CSV with the same columns).

DuckDB reads the file and checks every row in SQL (641,070 rows in about a second); the rows
are then written in bulk: COPY on PostgreSQL, executemany in chunks elsewhere. A re-import
replaces, for each measure and year it holds, that year's figures and no others.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from django.db import connection
from django.db.models import Count

from boardpack.benchmarks.import_context import ImportContext
from boardpack.benchmarks.models import Area, Measure, PublishedValue
from boardpack.benchmarks.selectors import year_labels
from boardpack.core.comparators import MARKERS, latest_label, year_span
from boardpack.core.problems import ImportFailed, Problem
from boardpack.lib.importing import ErrorCollector, FileImporter, ImportReport
from boardpack.lib.sources import SourceFile

REQUIRED = {"short desc": "code", "years": "year", "la number": "number", "values": "value"}
OPTIONAL = {"la and regions": "area_name", "data item": "item", "region": "region"}
ERRORS_SHOWN = 50
"""Rows listed per kind of problem; the rest are counted."""
CHUNK = 50_000
NUMBER = r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"
LARGEST = 10**14
COLUMNS = ("measure_id", "area_id", "year", "year_start", "year_end", "value", "marker")


@dataclass
class ValuesPlan:
    con: duckdb.DuckDBPyConnection
    rows: int
    headers: dict[str, str]
    notes: list[str] = field(default_factory=list)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _reader(path: Path) -> str:
    literal = "'" + str(path).replace("'", "''") + "'"
    if path.suffix.lower() == ".parquet":
        return f"read_parquet({literal})"
    return f"read_csv({literal}, all_varchar = true, header = true)"


class ValueImporter(FileImporter[ValuesPlan, ValuesPlan]):
    """Columns: Short Desc (the measure's code), Years (as published), LA Number, Values (a
    number or a marker); LA and Regions, Data item and Region are read and not needed."""

    def __init__(self, context: ImportContext) -> None:
        self.context = context

    def read_file(self, file: SourceFile) -> ValuesPlan:
        name = file.name
        con = duckdb.connect()
        first_row = 1 if file.suffix == ".parquet" else 2
        try:
            with file.on_disk() as path:
                con.execute(f"CREATE TABLE raw AS SELECT * FROM {_reader(path)}")
        except duckdb.Error as error:
            reason = str(error).splitlines()[0]
            raise ImportFailed([Problem(name, None, None, f"cannot be read ({reason})")]) from None
        actual = {c.strip().lower(): c for c in con.sql("SELECT * FROM raw LIMIT 0").columns}
        problems = [
            Problem(name, 1, c, "is a required column and is missing")
            for c in REQUIRED
            if c not in actual
        ] + [
            Problem(name, 1, c, "is not a column of this file")
            for c in actual
            if c not in REQUIRED and c not in OPTIONAL
        ]
        if problems:
            raise ImportFailed(problems)
        area = (
            f"trim(CAST({_quote(actual['la and regions'])} AS VARCHAR))"
            if "la and regions" in actual
            else "NULL"
        )
        con.execute(
            f"""CREATE TABLE src AS SELECT
                rowid + {first_row} AS row,
                trim(CAST({_quote(actual["short desc"])} AS VARCHAR)) AS code,
                trim(CAST({_quote(actual["years"])} AS VARCHAR)) AS year,
                trim(CAST({_quote(actual["la number"])} AS VARCHAR)) AS number_text,
                trim(CAST({_quote(actual["values"])} AS VARCHAR)) AS value_text,
                {area} AS area_name
            FROM raw"""
        )
        con.execute("DROP TABLE raw")
        con.execute(
            f"""CREATE TABLE figs AS SELECT *,
                TRY_CAST(TRY_CAST(number_text AS DOUBLE) AS BIGINT) AS number,
                coalesce(regexp_full_match(value_text, '{NUMBER}'), false) AS is_number,
                coalesce(lower(value_text) IN ({", ".join(f"'{m}'" for m in sorted(MARKERS))}),
                         false) AS is_marker
            FROM src"""
        )
        con.execute("DROP TABLE src")
        (count,) = con.execute("SELECT count(*) FROM figs").fetchone() or (0,)
        headers = {REQUIRED.get(k, OPTIONAL.get(k, k)): v for k, v in actual.items()}
        return ValuesPlan(con, int(count), headers)

    def _tables(self, plan: ValuesPlan) -> None:
        con = plan.con
        found = con.execute("SELECT DISTINCT year FROM figs WHERE year <> ''").fetchall()
        con.execute("CREATE TABLE labels (year VARCHAR, y_start INTEGER, y_end INTEGER)")
        spans = [(label, year_span(label)) for (label,) in found]
        if spans:
            con.executemany(
                "INSERT INTO labels VALUES (?, ?, ?)",
                [(label, s.start if s else None, s.end if s else None) for label, s in spans],
            )
        con.execute("CREATE TABLE known_m (code VARCHAR)")
        if self.context.measures:
            con.executemany("INSERT INTO known_m VALUES (?)", [(c,) for c in self.context.measures])
        con.execute("CREATE TABLE known_a (number BIGINT)")
        if self.context.areas:
            con.executemany("INSERT INTO known_a VALUES (?)", [(n,) for n in self.context.areas])

    def check(self, plan: ValuesPlan, errors: ErrorCollector) -> ValuesPlan:
        self._tables(plan)
        h = plan.headers
        checks = [
            (h["code"], "code = '' OR code IS NULL", "'is required'"),
            (
                h["code"],
                "code <> '' AND code NOT IN (SELECT code FROM known_m)",
                "'''' || code || ''' is not a measure of the dictionary'",
            ),
            (
                h["number"],
                "number IS NULL OR number < 0 OR TRY_CAST(number_text AS DOUBLE) <> number",
                "'''' || coalesce(number_text, '') || ''' is not an area number'",
            ),
            (
                h["number"],
                "number >= 0 AND TRY_CAST(number_text AS DOUBLE) = number "
                "AND number NOT IN (SELECT number FROM known_a)",
                "number || ' is not an area of the authority list'",
            ),
            (
                h["value"],
                "value_text = '' OR value_text IS NULL",
                "'is blank: give the figure or its marker (c, x, z, - or .)'",
            ),
            (
                h["value"],
                "value_text <> '' AND NOT is_number AND NOT is_marker",
                "'''' || value_text || ''' is neither a number nor a marker (c, x, z, - or .)'",
            ),
            (
                h["value"],
                f"is_number AND abs(TRY_CAST(value_text AS DOUBLE)) >= {LARGEST}",
                "'''' || value_text || ''' is too large'",
            ),
            (h["year"], "year = '' OR year IS NULL", "'is required'"),
            (
                h["year"],
                "is_number AND year IN (SELECT year FROM labels WHERE y_start IS NULL)",
                "'''' || year || ''' names no year, and the row holds a figure'",
            ),
        ]
        for column, condition, reason in checks:
            found = plan.con.execute(
                f"SELECT row, {reason}, count(*) OVER () FROM figs WHERE {condition} "
                f"ORDER BY row LIMIT {ERRORS_SHOWN}"
            ).fetchall()
            self._add(errors, column, found)
        duplicates = plan.con.execute(
            f"""SELECT row, 'a figure for this measure, area and year is already in row '
                       || first, count(*) OVER ()
                FROM (SELECT row, min(row) OVER (PARTITION BY code, number, year) AS first
                      FROM figs WHERE TRY_CAST(number_text AS DOUBLE) = number)
                WHERE row <> first ORDER BY row LIMIT {ERRORS_SHOWN}"""
        ).fetchall()
        self._add(errors, h["year"], duplicates)
        if not errors.errors:
            plan.notes.extend(self._notes(plan))
        return plan

    @staticmethod
    def _add(errors: ErrorCollector, column: str, found: list[tuple[int, str, int]]) -> None:
        for row, reason, _ in found:
            errors.add(int(row), column, str(reason))
        if found and found[0][2] > len(found):
            errors.add(None, column, f"and {found[0][2] - len(found)} more rows like these")

    def _notes(self, plan: ValuesPlan) -> list[str]:
        con = plan.con
        notes = []
        markers = Counter(
            dict(
                con.execute(
                    "SELECT value_text, count(*) FROM figs WHERE is_marker GROUP BY 1"
                ).fetchall()
            )
        )
        (numbers,) = con.execute("SELECT count(*) FROM figs WHERE is_number").fetchone() or (0,)
        shown = ", ".join(f"{m!r} {n:,}" for m, n in sorted(markers.items()))
        missing = sum(markers.values())
        notes.append(f"{numbers:,} figures; {missing:,} suppressed or missing ({shown or 'none'})")
        for code, year, count, first, last, kinds in con.execute(
            """SELECT code, year, count(*), min(row), max(row),
                      string_agg(DISTINCT value_text, ', ')
               FROM figs WHERE year IN (SELECT year FROM labels WHERE y_start IS NULL)
               GROUP BY code, year ORDER BY min(row)"""
        ).fetchall():
            notes.append(
                f"not loaded: {count} rows of {code} (rows {first}–{last}) with year {year!r}, "
                f"which names no year, and no figure (only {kinds})"
            )
        names = self.context.area_names
        for number, name in con.execute(
            "SELECT DISTINCT number, area_name FROM figs WHERE area_name IS NOT NULL ORDER BY 1"
        ).fetchall():
            if names.get(number, name) != name:
                notes.append(
                    f"area {number} is named {name!r} here and {names[number]!r} in the "
                    "authority list; the number is used"
                )
        return notes

    def count(self, read: ValuesPlan, plan: ValuesPlan) -> int:
        return read.rows

    def apply(self, plan: ValuesPlan, report: ImportReport) -> None:
        con = plan.con
        record = self.context.record
        assert record is not None
        con.execute("CREATE TABLE mid (code VARCHAR, id BIGINT)")
        con.executemany(
            "INSERT INTO mid VALUES (?, ?)", list(Measure.objects.values_list("code", "pk"))
        )
        con.execute("CREATE TABLE aid (number BIGINT, id BIGINT)")
        con.executemany(
            "INSERT INTO aid VALUES (?, ?)", list(Area.objects.values_list("number", "pk"))
        )
        final = f"""SELECT mid.id AS measure_id, aid.id AS area_id, r.year AS year,
                l.y_start AS year_start, l.y_end AS year_end,
                CASE WHEN r.is_number
                     THEN CAST(CAST(r.value_text AS DECIMAL(20, 6)) AS VARCHAR) END AS value,
                CASE WHEN r.is_number THEN '' ELSE r.value_text END AS marker,
                {int(record.pk)} AS imported_id
            FROM figs r JOIN labels l ON l.year = r.year AND l.y_start IS NOT NULL
            JOIN mid ON mid.code = r.code JOIN aid ON aid.number = r.number"""
        pairs = con.execute(f"SELECT DISTINCT measure_id, year FROM ({final})").fetchall()
        (written,) = con.execute(f"SELECT count(*) FROM ({final})").fetchone() or (0,)
        replaced = _replace(pairs)
        _insert(con, final)
        _years({m for m, _ in pairs})
        report.created = written
        report.notes.extend(plan.notes)
        if replaced:
            report.notes.append(
                f"{replaced:,} figures loaded before for the same measures and years were replaced"
            )
        con.close()


def _replace(pairs: list[tuple[int, str]]) -> int:
    """Delete the stored figures of each (measure, year) the file holds; returns how many."""
    wanted = set(pairs)
    stored = (
        PublishedValue.objects.filter(measure_id__in={m for m, _ in wanted})
        .values_list("measure_id", "year")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counted: int = sum(n for m, y, n in stored if (m, y) in wanted)
    if counted:
        table = connection.ops.quote_name(PublishedValue._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {table} WHERE measure_id = %s AND year = %s", sorted(wanted)
            )
    return counted


def _years(measure_ids: set[int]) -> None:
    """Record each touched measure's first and latest published year."""
    spans = year_labels(measure_ids)
    measures = list(Measure.objects.filter(pk__in=measure_ids))
    for measure in measures:
        labels = spans.get(measure.pk, {})
        measure.first_year = min(labels, key=lambda y: (labels[y], y)) if labels else ""
        measure.latest_year = latest_label(labels) or ""
    Measure.objects.bulk_update(measures, ["first_year", "latest_year"])


def _insert(con: duckdb.DuckDBPyConnection, final: str) -> None:
    table = connection.ops.quote_name(PublishedValue._meta.db_table)
    names = ", ".join([*COLUMNS, "imported_id"])
    if connection.vendor == "postgresql":
        with tempfile.TemporaryDirectory() as directory, connection.cursor() as cursor:
            path = Path(directory) / "values.csv"
            literal = "'" + str(path).replace("'", "''") + "'"
            con.execute(f"COPY ({final}) TO {literal} (FORMAT csv, HEADER false, NULL '\\N')")
            with (
                cursor.cursor.copy(
                    f"COPY {table} ({names}) FROM STDIN (FORMAT csv, NULL '\\N')"
                ) as copy,
                path.open("rb") as source,
            ):
                while block := source.read(1 << 20):
                    copy.write(block)
            return
    placeholders = ", ".join(["%s"] * (len(COLUMNS) + 1))
    statement = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"
    result = con.execute(final)
    with connection.cursor() as cursor:
        while chunk := result.fetchmany(CHUNK):
            cursor.executemany(statement, chunk)
