"""`boardpack import benchmarks DIR_OR_FILE`: the published figures, their dictionary, the
statistical neighbours and the authority list, the kind `benchmarks` of the one pipeline.

Every file is read and every row checked before anything is written; then all files are
written in one transaction, and the report says what each file gave and what was not read.
Files are recognised by their columns, in this order: authority list, dictionary, neighbour
groups, figures (so a file may use the areas and measures of one before it).
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from boardpack.benchmarks.import_context import ImportContext
from boardpack.benchmarks.import_neighbours import NeighbourImporter
from boardpack.benchmarks.import_reference import AreaImporter, DictionaryImporter
from boardpack.benchmarks.import_values import ValueImporter
from boardpack.benchmarks.models import BenchmarkImport
from boardpack.core.problems import ImportFailed, Problem
from boardpack.lib.audit import account
from boardpack.lib.importing import (
    ErrorCollector,
    FileImporter,
    ImportReport,
    ImportRun,
    Kind,
    read_sheets,
)
from boardpack.lib.sources import Source, SourceFile

AUTHORITIES, DICTIONARY, NEIGHBOURS, VALUES = (
    "authority list",
    "dictionary",
    "neighbours",
    "figures",
)
ORDER = (AUTHORITIES, DICTIONARY, NEIGHBOURS, VALUES)
HEAD_BYTES = 64 * 1024
IMPORTERS: dict[str, Callable[[ImportContext], FileImporter[Any, Any]]] = {
    AUTHORITIES: AreaImporter,
    DICTIONARY: DictionaryImporter,
    NEIGHBOURS: NeighbourImporter,
    VALUES: ValueImporter,
}


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


def classify(file: SourceFile) -> str | None:
    """What a file holds, from its columns; None for a file that is none of the four."""
    if file.suffix == ".parquet":
        return VALUES
    if file.suffix == ".csv":
        head = file.head(HEAD_BYTES).decode("utf-8-sig", errors="replace")
        records = [next(csv.reader(io.StringIO(head)), [])]
    elif file.suffix == ".xlsx":
        try:
            workbook = read_sheets(file.name, file.read())
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


@dataclass
class Found:
    """The files of the source that hold benchmarks, in the order they are read."""

    source: Source
    files: list[tuple[str, SourceFile]]
    not_read: list[str]
    context: ImportContext


@dataclass
class Step:
    importer: FileImporter[Any, Any]
    plan: Any


@dataclass
class Checked:
    found: Found
    steps: list[Step]


class BenchmarksImporter:
    """The kind `benchmarks`: a folder (or zip) of published files, or one of them. Each file
    is read and checked as its kind, all before anything is written; then every file is
    written in one transaction, and the report says what each file gave and what was not read.
    """

    def __init__(self, run: ImportRun) -> None:
        self.user = run.user
        self.started = time.perf_counter()

    def read(self, source: Source) -> Found:
        found, not_read = [], []
        for file in source.files:
            kind = classify(file)
            if kind is None:
                not_read.append(f"{file.name} (not a benchmarks file: no known columns)")
            else:
                found.append((kind, file))
        if not found:
            several = len(source.files) != 1 or source.files[0].name != source.name
            reason = "holds no benchmarks file" if several else "is not a benchmarks file"
            raise ImportFailed(
                [Problem(source.name, None, None, f"{reason} (see docs/benchmarks.md)")]
            )
        found.sort(key=lambda item: (ORDER.index(item[0]), item[1].name))
        return Found(source, found, not_read, ImportContext.from_database())

    def validate(self, found: Found, errors: ErrorCollector) -> Checked:
        steps = []
        for kind, file in found.files:
            importer = IMPORTERS[kind](found.context)
            try:
                read = importer.read(Source(file.name, (file,)))
            except ImportFailed as failure:
                errors.errors.extend(failure.errors)
                continue
            steps.append(Step(importer, importer.validate(read, errors.for_file(file.name))))
        return Checked(found, steps)

    def write(self, plan: Checked) -> BenchmarksReport:
        found = plan.found
        found.context.record = BenchmarkImport.objects.create(
            at=timezone.now(),
            by=account(self.user),
            files=", ".join(f.name for _, f in found.files),
        )
        files = [step.importer.write(step.plan) for step in plan.steps]
        report = BenchmarksReport(found.source.name, files, found.not_read)
        report.seconds = time.perf_counter() - self.started
        BenchmarkImport.objects.filter(pk=found.context.record.pk).update(summary=str(report))
        return report


KINDS = (Kind("benchmarks", "Published benchmarks (LAIT)", BenchmarksImporter, several=True),)
