"""`boardpack calc run` and `calc validate` without the database: load the input files,
compute every measure for a period, and print the results.

Child-level data goes no further than the DuckDB connection opened here: the results are
aggregates, and a problem names a child by their ID and the row only.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Final

import duckdb

from boardpack.calc import LoadReport, load
from boardpack.calc.engine import Result, rules_digest, run_measures
from boardpack.calc.periods import Period
from boardpack.calc.validate import validate
from boardpack.core.problems import Problem
from boardpack.lib.spreadsheets import csv_record

COLUMNS: Final = (
    "measure",
    "period",
    "numerator",
    "denominator",
    "value",
    "unit",
    "computable",
    "reason",
    "note",
)
DFE_RULES: Final = (
    "The DfE's own validation rules (csc-validator-be-903 and csc-validator-be-cin) are not run: "
    "their dependency pins do not fit Boardpack's (pandas below 2, an old govuk-bank-holidays), "
    "see docs/calc-inputs.md. Run the DfE's tool on the same files for those rules."
)


@dataclass(frozen=True)
class Inputs:
    """The input files as given on the command line; a source not given is None."""

    ssda903: Path | None
    cin: Path | None
    population: Path | None

    @property
    def given(self) -> bool:
        return any(p is not None for p in (self.ssda903, self.cin, self.population))

    def options(self) -> list[str]:
        """The command-line options that give these inputs."""
        found = [
            ("--ssda903", self.ssda903),
            ("--cin", self.cin),
            ("--population", self.population),
        ]
        return [part for option, path in found if path is not None for part in (option, str(path))]


@dataclass(frozen=True)
class Computed:
    period: Period
    results: list[Result]
    report: LoadReport  # report.hashes(): each input file's SHA-256, the provenance


def problems(inputs: Inputs) -> list[Problem]:
    """Every problem in the input files (boardpack.calc.validate)."""
    return validate(ssda903=inputs.ssda903, cin=inputs.cin, population=inputs.population)


def compute(inputs: Inputs, period: Period) -> Computed:
    """Every measure the inputs allow for the period; raises InvalidInput on any problem."""
    with duckdb.connect() as con:
        report = load(con, ssda903=inputs.ssda903, cin=inputs.cin, population=inputs.population)
        results = run_measures(con, period)
    return Computed(period, results, report)


def engine_version() -> str:
    """The package version and the digest of every measure's SQL: what computed a value."""
    try:
        package = version("boardpack")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        package = "unknown"
    return f"boardpack {package}, rules {rules_digest()}"


def _text(value: int | Decimal | None) -> str:
    return "" if value is None else str(value)


def record(result: Result) -> dict[str, str]:
    """One result as text, by column."""
    return {
        "measure": result.measure,
        "period": result.period.key,
        "numerator": _text(result.numerator),
        "denominator": _text(result.denominator),
        "value": _text(result.value),
        "unit": result.unit,
        "computable": "yes" if result.computable else "no",
        "reason": result.reason,
        "note": result.note,
    }


def as_json(results: list[Result], published: Mapping[str, object] | None = None) -> str:
    """The results as a JSON list: numbers as numbers, absent figures as null; with
    ``published`` (measure → the published figure beside it, composed above this app) each
    row has it as ``published``."""
    rows: list[dict[str, object]] = [
        {
            "measure": r.measure,
            "period": r.period.key,
            "period_start": r.period.start.isoformat(),
            "period_end": r.period.end.isoformat(),
            "numerator": r.numerator,
            "denominator": r.denominator,
            "value": float(r.value) if r.value is not None else None,
            "unit": r.unit,
            "computable": r.computable,
            "reason": r.reason,
            "note": r.note,
        }
        for r in results
    ]
    if published is not None:
        for row in rows:
            row["published"] = published.get(str(row["measure"]))
    return json.dumps(rows, indent=2, ensure_ascii=False)


def as_csv(results: list[Result]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_record(record(r)) for r in results)
    return out.getvalue().rstrip("\n")


def as_table(results: list[Result]) -> str:
    """Aligned columns for a terminal; the reason and the note are written out in full."""
    rows = [dict(zip(COLUMNS, COLUMNS, strict=True)), *(record(r) for r in results)]
    widths = {c: max(len(row[c]) for row in rows) for c in COLUMNS}
    lines = ("  ".join(row[c].ljust(widths[c]) for c in COLUMNS).rstrip() for row in rows)
    return "\n".join(lines)
