"""Run the measures over the input tables loaded in a DuckDB connection.

The registry (``boardpack.calc.measures``) says what each measure needs: shared steps
(``measures/shared/<step>.sql``, run once per calculation), input tables, how much data before
the period, working days. Before running a measure the engine checks that every input is there
and covers the period; a measure whose inputs are absent is reported as not computable, with
the reason, never as zero. Each SQL file returns one row: ``numerator``, ``denominator`` and
optionally ``missing`` (a reason it cannot be computed) and ``note`` (said beside the value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

import duckdb

from boardpack.calc import workdays
from boardpack.calc.measures import MEASURES, STEPS, Measure, Unit, closure, rules_digest

__all__ = ["MEASURES", "STEPS", "Measure", "Result", "Unit", "rules_digest", "run_measures"]
from boardpack.calc.periods import Period
from boardpack.calc.tables import BY_NAME

SOURCE_NAMES: Final[dict[str, str]] = {
    "ssda903": "the SSDA903 return",
    "cin": "the Children in Need census",
}
PLACES: Final = Decimal("0.01")


@dataclass(frozen=True)
class Result:
    """One measure for one period: the figures, or why there are none."""

    measure: str
    period: Period
    numerator: int | None
    denominator: int | None
    value: Decimal | None
    unit: Unit
    computable: bool
    reason: str = ""  # why not computable
    note: str = ""  # said beside a value: the population used, cases left out


@dataclass
class _Context:
    """What a calculation has found out about the connection, so each check runs once."""

    con: duckdb.DuckDBPyConnection
    tables: set[str]
    years: dict[str, set[int]]
    done: set[str] = field(default_factory=set)
    workdays: bool = False


def run_measures(
    con: duckdb.DuckDBPyConnection, period: Period, only: list[str] | None = None
) -> list[Result]:
    """Every measure (or those named in ``only``, in registry order) for one period."""
    unknown = sorted(set(only or ()) - MEASURES.keys())
    if unknown:
        raise ValueError(f"unknown measure(s): {', '.join(unknown)}")
    context = _Context(con, _input_tables(con), {})
    for source in SOURCE_NAMES:
        loaded = [t for t in sorted(context.tables & BY_NAME.keys()) if BY_NAME[t].source == source]
        if loaded:
            context.years[source] = _years(con, loaded)
    _record_coverage(context)
    chosen = [m for m in MEASURES.values() if only is None or m.id in only]
    return [_run(context, measure, period) for measure in chosen]


def _run(context: _Context, measure: Measure, period: Period) -> Result:
    reason = _unavailable(context, measure, period)
    if reason:
        return _not_computable(measure, period, reason)
    if measure.working_days and not context.workdays:
        workdays.install(context.con)
        context.workdays = True
    for name in closure(measure.steps):
        if name not in context.done:
            context.con.execute(STEPS[name].sql())
            context.done.add(name)
    text = measure.sql()
    wanted = set(re.findall(r"\$(\w+)", text))
    params = {k: v for k, v in period.params().items() if k in wanted}
    cursor = context.con.execute(text, params)
    columns = [d[0] for d in cursor.description or ()]
    row = cursor.fetchone()
    found = dict(zip(columns, row, strict=True)) if row else {}
    missing, note = found.get("missing"), found.get("note") or ""
    if missing:
        return _not_computable(measure, period, str(missing))
    numerator = _int(found.get("numerator"))
    denominator = _int(found.get("denominator"))
    return _result(measure, period, numerator, denominator, str(note))


def _result(
    measure: Measure, period: Period, numerator: int | None, denominator: int | None, note: str
) -> Result:
    numerator = numerator or 0
    if measure.unit == "count":
        return Result(measure.id, period, numerator, None, Decimal(numerator), "count", True)
    if not denominator:
        return Result(
            measure.id,
            period,
            numerator,
            denominator or 0,
            None,
            measure.unit,
            False,
            "nothing to measure in this period: the denominator is 0",
            note,
        )
    scale = {"percent": 100, "rate per 10,000": 10_000, "days": 1}[measure.unit]
    value = (Decimal(numerator) * scale / Decimal(denominator)).quantize(PLACES, ROUND_HALF_UP)
    return Result(measure.id, period, numerator, denominator, value, measure.unit, True, "", note)


def _not_computable(measure: Measure, period: Period, reason: str) -> Result:
    return Result(measure.id, period, None, None, None, measure.unit, False, reason)


def _unavailable(context: _Context, measure: Measure, period: Period) -> str:
    """Why the measure cannot be computed for the period from what is loaded ('' if it can)."""
    absent = [t for t in measure.needs if t not in context.tables]
    if absent:
        return _absent_reason(absent, context.tables & BY_NAME.keys())
    years = context.years.get(measure.source, set())
    first = collection_year(period.months_back(measure.lookback_months))
    wanted = list(range(first, collection_year(period.end) + 1))
    if not set(wanted) <= years:
        loaded = ", ".join(str(y) for y in sorted(years)) or "none"
        return (
            f"needs {SOURCE_NAMES[measure.source]} for {_years_text(wanted)} "
            f"(collection years to 31 March; loaded: {loaded})"
        )
    if measure.working_days:
        first_day, last_day = workdays.coverage()
        if period.start < first_day or period.end > last_day:
            return (
                "needs the bank holidays of the period: the shipped govuk-bank-holidays list "
                f"covers {first_day:%d/%m/%Y} to {last_day:%d/%m/%Y} (update the package)"
            )
    return ""


def _absent_reason(absent: list[str], loaded: set[str]) -> str:
    """'needs …' naming what to load: a whole source when none of it is loaded, else its files."""
    wants: list[str] = []
    for source, name in (*SOURCE_NAMES.items(), ("population", "the population file")):
        missing = [t for t in absent if BY_NAME[t].source == source]
        if not missing:
            continue
        if source == "population" or not any(BY_NAME[t].source == source for t in loaded):
            wants.append(name)
        else:
            label = "SSDA903" if source == "ssda903" else "Children in Need"
            wants.append(f"the {label} file(s) {', '.join(f'{t}.csv' for t in missing)}")
    return "needs " + " and ".join(wants)


def _years_text(years: list[int]) -> str:
    if len(years) == 1:
        return str(years[0])
    return ", ".join(str(y) for y in years[:-1]) + f" and {years[-1]}"


def collection_year(day: date) -> int:
    """The collection year a day falls in: the year of the next 31 March (or that day)."""
    return day.year if day.month <= 3 else day.year + 1


def _input_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT temporary "
        "UNION SELECT view_name FROM duckdb_views() WHERE NOT temporary AND NOT internal"
    ).fetchall()
    return {str(name) for (name,) in rows}


def _years(con: duckdb.DuckDBPyConnection, tables: list[str]) -> set[int]:
    """The collection years found in any of the tables."""
    union = " UNION ".join(f"SELECT DISTINCT year FROM {t}" for t in tables)
    rows = con.execute(f"SELECT year FROM ({union}) WHERE year IS NOT NULL").fetchall()
    return {int(y) for (y,) in rows}


def _record_coverage(context: _Context) -> None:
    """``data_coverage(source, first_day, last_day)``: the days each source's returns cover.

    The unbroken run of collection years ending with the latest loaded: 1 April before its
    first year to 31 March of its last.
    """
    con = context.con
    con.execute(
        "CREATE OR REPLACE TEMP TABLE data_coverage (source VARCHAR, first_day DATE, last_day DATE)"
    )
    for source, years in context.years.items():
        if not years:
            continue
        last = first = max(years)
        while first - 1 in years:
            first -= 1
        con.execute(
            "INSERT INTO data_coverage VALUES (?, ?, ?)",
            [source, date(first - 1, 4, 1), date(last, 3, 31)],
        )


def _int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, int | Decimal | float):
        return int(value)
    raise TypeError(f"expected a number, got {value!r}")
