"""SQL expressions that turn a value as written (VARCHAR) into its typed value.

Validation and loading use the same expressions, so a value that passes is a
value that loads. Dates are dd/mm/yyyy (d/m/yyyy too) or ISO yyyy-mm-dd; a
date outside 1900-2100 is taken as a mistake.
"""

from __future__ import annotations

from typing import Final

from boardpack.calc.codes import CODES
from boardpack.calc.tables import Column, Table

DATE_FORMATS: Final = ("%d/%m/%Y", "%Y-%m-%d")
TRUE: Final = ("true", "1", "yes", "y")
FALSE: Final = ("false", "0", "no", "n")


def quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def date(expr: str) -> str:
    parsed = ", ".join(f"try_strptime({expr}, {quote(f)})" for f in DATE_FORMATS)
    return f"CAST(coalesce({parsed}) AS DATE)"


def valid_date(expr: str) -> str:
    """True where the text is a date that exists, in the accepted range."""
    return f"coalesce({date(expr)} BETWEEN DATE '1900-01-01' AND DATE '2100-12-31', false)"


def boolean(expr: str) -> str:
    trues = ", ".join(quote(v) for v in TRUE)
    falses = ", ".join(quote(v) for v in FALSE)
    return (
        f"CASE WHEN lower({expr}) IN ({trues}) THEN true "
        f"WHEN lower({expr}) IN ({falses}) THEN false END"
    )


def integer(expr: str) -> str:
    return f"CASE WHEN regexp_full_match({expr}, '[0-9]{{1,9}}') THEN CAST({expr} AS INTEGER) END"


def typed(table: Table, column: Column) -> str:
    """The typed value of a staged (VARCHAR) column."""
    name = column.name
    if column.type == "DATE":
        return date(name)
    if column.type == "BOOLEAN":
        return boolean(name)
    if column.type == "INTEGER":
        return integer(name)
    if (table.name, name) in CODES:
        return f"upper({name})"
    return name
