"""`boardpack import benchmarks DIR_OR_FILE`: the published figures, their dictionary, the
statistical neighbours and the authority list, through the one import shape.

Every file is read and every row checked before anything is written; then all files are
written in one transaction, and the report says what each file gave and what was not read.
Files are recognised by their columns, in this order: authority list, dictionary, neighbour
groups, figures (so a file may use the areas and measures of one before it).
"""

from __future__ import annotations

import csv
import io
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from boardpack.benchmarks.import_context import ImportContext
from boardpack.benchmarks.import_neighbours import NeighbourImporter
from boardpack.benchmarks.import_reference import AreaImporter, DictionaryImporter
from boardpack.benchmarks.import_values import ValueImporter
from boardpack.benchmarks.models import BenchmarkImport
from boardpack.lib.importing import (
    ErrorCollector,
    ImportFailed,
    ImportReport,
    Pipeline,
    RowError,
    read_sheets,
    read_table,
)

AUTHORITIES, DICTIONARY, NEIGHBOURS, VALUES = (
    "authority list",
    "dictionary",
    "neighbours",
    "figures",
)
ORDER = (AUTHORITIES, DICTIONARY, NEIGHBOURS, VALUES)
HEAD_BYTES = 64 * 1024


@dataclass
class BenchmarksReport:
    source: str
    files: list[ImportReport] = field(default_factory=list)
    not_read: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(f.rows for f in self.files)

    def __str__(self) -> str:
        lines = [str(f) for f in self.files]
        lines += [f"not read: {text}" for text in self.not_read]
        lines.append(f"{self.source}: {self.rows:,} row(s) in {self.seconds:.1f} s")
        return "\n".join(lines)


def _cells(record: list[str]) -> set[str]:
    return {c.strip().lower() for c in record}


def classify(path: Path) -> str | None:
    """What a file holds, from its columns; None for a file that is none of the four."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return VALUES
    if suffix == ".csv":
        with path.open("rb") as source:
            head = source.read(HEAD_BYTES).decode("utf-8-sig", errors="replace")
        records = [next(csv.reader(io.StringIO(head)), [])]
    elif suffix == ".xlsx":
        try:
            workbook = read_sheets(path.name, path.read_bytes())
        except ImportFailed:
            return None
        records = [r for s in workbook.sheets for r in s.records[:20]]
    else:
        return None
    for record in records:
        cells = _cells(record)
        if "measure_short" in cells:
            return DICTIONARY
        if {"short desc", "values"} <= cells:
            return VALUES
        if "sn1" in cells:
            return NEIGHBOURS
        if {"la number", "la name"} <= cells:
            return AUTHORITIES
    return None


def _find(path: Path) -> tuple[list[tuple[str, Path]], list[str]]:
    if not path.exists():
        raise ImportFailed([RowError(str(path), None, None, "does not exist")])
    candidates = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    found, not_read = [], []
    for candidate in candidates:
        kind = classify(candidate)
        if kind is None:
            not_read.append(f"{candidate.name} (not a benchmarks file: no known columns)")
        else:
            found.append((kind, candidate))
    if not found:
        reason = "holds no benchmarks file" if path.is_dir() else "is not a benchmarks file"
        raise ImportFailed([RowError(path.name, None, None, f"{reason} (see docs/benchmarks.md)")])
    found.sort(key=lambda item: (ORDER.index(item[0]), item[1].name))
    return found, not_read


@dataclass
class Step:
    importer: Any
    plan: Any
    report: ImportReport


def _check(kind: str, path: Path, context: ImportContext, errors: ErrorCollector) -> Step | None:
    """Read and validate one file; None when it could not be read at all."""
    name = path.name
    if kind == VALUES:
        values = ValueImporter(context)
        read = values.read(name, path)
        return Step(values, values.validate(read, errors), ImportReport(name, rows=read.rows))
    if kind == NEIGHBOURS:
        neighbours = NeighbourImporter(context)
        workbook = read_sheets(name, path.read_bytes())
        plan = neighbours.validate(workbook, errors)
        rows = len(plan.rows) if plan else 0
        return Step(neighbours, plan, ImportReport(name, rows=rows)) if plan else None
    importer: AreaImporter | DictionaryImporter = (
        AreaImporter(context) if kind == AUTHORITIES else DictionaryImporter(context)
    )
    table = read_table(name, path.read_bytes())
    Pipeline(importer).check_columns(table)  # type: ignore[arg-type]
    return Step(
        importer, importer.validate(table, errors), ImportReport(name, rows=len(table.rows))
    )


def import_benchmarks(*, path: Path, user: AbstractBaseUser | None) -> BenchmarksReport:
    """The one way in for published benchmarks: the CLI, the demo and the benchmark run."""
    start = time.perf_counter()
    found, not_read = _find(path)
    context = ImportContext.from_database()
    steps: list[Step] = []
    problems: list[RowError] = []
    years: dict[int, str] = {}
    for kind, file in found:
        errors = ErrorCollector(file.name)
        try:
            step = _check(kind, file, context, errors)
        except ImportFailed as failure:
            problems += failure.errors
            continue
        if kind == NEIGHBOURS and step is not None:
            year = step.plan.year
            if year in years:
                errors.add(None, None, f"gives the groups of {year} again ({years[year]})")
            years[year] = file.name
        problems += errors.errors
        if step is not None:
            steps.append(step)
    if problems:
        raise ImportFailed(problems)
    report = BenchmarksReport(path.name, [s.report for s in steps], not_read)
    with transaction.atomic():
        context.record = BenchmarkImport.objects.create(
            at=timezone.now(),
            by=user if user is not None and user.pk else None,
            files=", ".join(f.name for _, f in found),
        )
        for step in steps:
            step.importer.write(step.plan, step.report)
    report.seconds = time.perf_counter() - start
    BenchmarkImport.objects.filter(pk=context.record.pk).update(summary=str(report))
    return report
