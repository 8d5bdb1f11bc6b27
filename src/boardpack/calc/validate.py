"""Validation of the staged input, before anything is computed: set-based, in SQL.

Every check is one SELECT over a staged table giving the file, the row, the
column, the reason and the child's ID of each row that fails. Checks: blank
required values, dates that do not exist, numbers and yes/no flags, codes
from the code lists (by collection year), a child given twice in a header,
an episode ending before it starts, episodes of one child that overlap, an
X1 episode end with no episode starting that day, an ending without a reason
(or a reason without an ending), rows whose child or referral is missing
from the file it belongs to, and end dates before start dates. At most
``PER_CHECK`` problems are listed for one check in one file; a last line
gives how many more there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

import duckdb

from boardpack.calc import readers, sql
from boardpack.calc.codes import CODES
from boardpack.calc.problems import problem, sort_problems
from boardpack.calc.tables import BY_NAME, Table
from boardpack.core.problems import Problem

PER_CHECK: Final = 50


@dataclass(frozen=True)
class Check:
    table: str
    column: str | None
    select: str  # SELECT _file, _row, reason, child FROM ... WHERE <fails>


def validate(
    *,
    ssda903: Path | None,
    cin: Path | None,
    population: Path | None,
    year: int | None = None,
) -> list[Problem]:
    """Every problem in the input files; nothing is kept."""
    with duckdb.connect() as con:
        staging = readers.stage(con, ssda903=ssda903, cin=cin, population=population, year=year)
        return sort_problems(staging.problems + check(con, set(staging.tables)))


def check(con: duckdb.DuckDBPyConnection, staged: set[str]) -> list[Problem]:
    """The problems in the staged tables named (``_raw_<table>`` in ``con``)."""
    problems: list[Problem] = []
    for c in checks(staged):
        query = (
            f"WITH fails AS ({c.select}) SELECT _file, _row, reason, child, "
            f"count(*) OVER (PARTITION BY _file) AS n FROM fails "
            f"QUALIFY row_number() OVER (PARTITION BY _file ORDER BY _row) <= {PER_CHECK} "
            f"ORDER BY _file, _row"
        )
        rows = con.execute(query).fetchall()
        table = BY_NAME[c.table]
        more: dict[str, int] = {}
        for file, row, reason, child, n in rows:
            column = _display(table, c.column, file)
            problems.append(problem(file, row, column, reason, child))
            more[file] = n - PER_CHECK
        problems += [
            problem(
                file, None, _display(table, c.column, file), f"and {n} more rows like those above"
            )
            for file, n in more.items()
            if n > 0
        ]
    return problems


def _display(table: Table, column: str | None, file: str) -> str | None:
    """The column as the file names it: the CSV header, or the XML tag."""
    if column is None:
        return None
    c = table.column(column)
    if file.lower().endswith(".xml"):
        return c.tag or c.name.upper()
    return table.header(c)


def _child(table: Table) -> str:
    names = {c.name for c in table.columns}
    return "child" if "child" in names else "lachildid" if "lachildid" in names else "NULL"


def _simple(table: Table, column: str | None, reason: str, fails: str) -> Check:
    select = (
        f"SELECT _file, _row, {reason} AS reason, {_child(table)} AS child "
        f"FROM {readers.raw(table.name)} WHERE {fails}"
    )
    return Check(table.name, column, select)


def checks(staged: set[str]) -> list[Check]:
    """Every check that applies to the tables staged."""
    out: list[Check] = []
    for name in sorted(staged):
        table = BY_NAME[name]
        out += _value_checks(table)
    out += _episode_checks(staged)
    out += _link_checks(staged)
    out += _order_checks(staged)
    if "header" in staged:
        out.append(_duplicates(BY_NAME["header"], "child", "the child is in the header twice"))
    if "cin_referrals" in staged:
        out.append(
            _duplicates(BY_NAME["cin_referrals"], "referral_id", "the referral ID is given twice")
        )
    if "population" in staged:
        out.append(_duplicates(BY_NAME["population"], "year", "the year is given twice"))
        out.append(
            _simple(
                BY_NAME["population"],
                "population",
                "'not more than 0'",
                f"{sql.integer('population')} <= 0",
            )
        )
    return out


def _value_checks(table: Table) -> list[Check]:
    out: list[Check] = []
    for c in table.columns:
        n = c.name
        if c.filled:
            out.append(_simple(table, n, "'blank: a value is required'", f"{n} IS NULL"))
        if c.type == "DATE":
            reason = "'not a date that exists (dd/mm/yyyy)'"
            out.append(_simple(table, n, reason, f"{n} IS NOT NULL AND NOT {sql.valid_date(n)}"))
        elif c.type == "INTEGER":
            reason = "'not a whole number'"
            out.append(_simple(table, n, reason, f"{n} IS NOT NULL AND {sql.integer(n)} IS NULL"))
        elif c.type == "BOOLEAN":
            reason = "'not true or false (1 or 0)'"
            out.append(_simple(table, n, reason, f"{n} IS NOT NULL AND {sql.boolean(n)} IS NULL"))
        lists = CODES.get((table.name, n))
        if lists:
            cases = " ".join(
                f"WHEN year BETWEEN {cl.first_year} AND {cl.last_year} "
                f"THEN [{', '.join(sql.quote(code) for code in sorted(cl.codes))}]"
                for cl in lists
            )
            reason = (
                f"CASE WHEN length({n}) <= 4 THEN 'unknown code ''' || {n} || ''' for ' || year "
                f"ELSE 'unknown code for ' || year END"
            )
            fails = f"{n} IS NOT NULL AND NOT list_contains(CASE {cases} ELSE [] END, upper({n}))"
            out.append(_simple(table, n, reason, fails))
    return out


def _duplicates(table: Table, column: str, reason: str) -> Check:
    raw = readers.raw(table.name)
    select = (
        f"SELECT _file, _row, {sql.quote(reason)} AS reason, {_child(table)} AS child FROM {raw} "
        f"WHERE {column} IS NOT NULL "
        f"QUALIFY row_number() OVER (PARTITION BY _file, {column} ORDER BY _row) > 1"
    )
    return Check(table.name, column, select)


def _episode_checks(staged: set[str]) -> list[Check]:
    if "episodes" not in staged:
        return []
    episodes = BY_NAME["episodes"]
    decom, dec = sql.date("decom"), sql.date("dec")
    ordered = (
        f"SELECT _file, _row, child, rec, {decom} AS start, {dec} AS finish, "
        f"lag({dec}) OVER w AS prev_finish, lag(_row) OVER w AS prev_row, "
        f"lag(_row) OVER w IS NOT NULL AND lag(dec) OVER w IS NULL AS prev_open, "
        f"lead({decom}) OVER w AS next_start "
        f"FROM _raw_episodes WHERE {sql.valid_date('decom')} "
        f"AND (dec IS NULL OR {sql.valid_date('dec')}) "
        # an episode that ended the day it began (a placement that lasted no day) comes first
        f"WINDOW w AS (PARTITION BY _file, child ORDER BY {decom}, {dec} NULLS LAST, _row)"
    )
    overlap = (
        f"SELECT _file, _row, CASE WHEN prev_open "
        f"THEN 'starts while the episode in row ' || prev_row || ' is still open' "
        f"ELSE 'starts before the episode in row ' || prev_row || ' ends' END AS reason, child "
        f"FROM ({ordered}) WHERE prev_open OR start < prev_finish"
    )
    x1 = (
        "SELECT _file, _row, 'REC X1 but no episode of the child starts on DEC' AS reason, child "
        f"FROM ({ordered}) WHERE upper(rec) = 'X1' AND finish IS NOT NULL "
        "AND (next_start IS NULL OR next_start <> finish)"
    )
    return [
        _simple(episodes, "dec", "'DEC is before DECOM'", f"{dec} < {decom}"),
        Check("episodes", "decom", overlap),
        Check("episodes", "rec", x1),
        _simple(episodes, "rec", "'DEC is given without REC'", "dec IS NOT NULL AND rec IS NULL"),
        _simple(episodes, "dec", "'REC is given without DEC'", "rec IS NOT NULL AND dec IS NULL"),
    ]


# (table, its key columns, the table they must be in, reason)
_LINKS: Final = (
    ("episodes", ("child",), "header", "the child has no row in the header"),
    ("cin_referrals", ("lachildid",), "cin_child", "the child has no row in cin_child"),
    (
        "cin_assessments",
        ("referral_id",),
        "cin_referrals",
        "the referral ID is not in cin_referrals",
    ),
    ("cin_plans", ("referral_id",), "cin_referrals", "the referral ID is not in cin_referrals"),
    ("cin_s47", ("referral_id",), "cin_referrals", "the referral ID is not in cin_referrals"),
    ("cin_cpp", ("referral_id",), "cin_referrals", "the referral ID is not in cin_referrals"),
    ("cin_cpp_reviews", ("cpp_id",), "cin_cpp", "the plan ID is not in cin_cpp"),
)


def _link_checks(staged: set[str]) -> list[Check]:
    out: list[Check] = []
    for name, keys, parent, reason in _LINKS:
        if name not in staged or parent not in staged:
            continue
        on = " AND ".join(f"p.{k} = r.{k}" for k in keys)
        child = _child(BY_NAME[name])
        select = (
            f"SELECT r._file, r._row, {sql.quote(reason)} AS reason, r.{child} AS child "
            f"FROM {readers.raw(name)} r WHERE {' AND '.join(f'r.{k} IS NOT NULL' for k in keys)} "
            f"AND NOT EXISTS (SELECT 1 FROM {readers.raw(parent)} p WHERE {on} AND p.year = r.year)"
        )
        out.append(Check(name, keys[0], select))
    return out


# (table, start column, end column)
_ORDER: Final = (
    ("cin_referrals", "referral_date", "closure_date"),
    ("cin_assessments", "start_date", "authorised_date"),
    ("cin_plans", "start_date", "end_date"),
    ("cin_s47", "s47_start_date", "icpc_date"),
    ("cin_cpp", "cpp_start", "cpp_end"),
    ("missing", "mis_start", "mis_end"),
)


def _order_checks(staged: set[str]) -> list[Check]:
    out: list[Check] = []
    for name, start, end in _ORDER:
        if name in staged:
            table = BY_NAME[name]
            reason = sql.quote(f"{_display(table, end, '')} is before {_display(table, start, '')}")
            out.append(_simple(table, end, reason, f"{sql.date(end)} < {sql.date(start)}"))
    return out
