"""The statistical-neighbour groups (sn_may_2025.xlsx): each authority's ten neighbours, for the
year in the file's name. A file for a new year adds groups; the groups of earlier years stay
and apply to the figures of their years."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from boardpack.benchmarks.import_context import ImportContext
from boardpack.benchmarks.import_reference import whole_number
from boardpack.benchmarks.models import Area, Neighbour, NeighbourSet
from boardpack.lib.importing import ErrorCollector, ImportReport, Workbook, WorkbookImporter

NEIGHBOURS = 10

YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def year_from_name(name: str) -> int:
    found = YEAR_IN_NAME.findall(name)
    if len(found) != 1:
        raise ValueError(
            "the file name must carry the one year its groups apply from, e.g. sn_may_2025.xlsx"
        )
    return int(found[0])


@dataclass(frozen=True)
class NeighbourRow:
    row: int
    authority: int
    neighbours: tuple[tuple[int, int, str], ...]
    """(position, authority number, closeness)."""


@dataclass(frozen=True)
class NeighbourPlan:
    year: int
    rows: list[NeighbourRow]
    notes: list[str]


def _header(workbook: Workbook) -> tuple[str, int, list[str]] | None:
    """The sheet, row index and lower-cased cells of the first row naming SN1."""
    for sheet in workbook.sheets:
        for index, record in enumerate(sheet.records[:20]):
            cells = [c.strip().lower() for c in record]
            if "sn1" in cells:
                return sheet.name, index, cells
    return None


class NeighbourImporter(WorkbookImporter[NeighbourPlan]):
    """Rows below the header naming `LA num` and SN1…SN10 (each followed by its closeness,
    SNP); the year the groups apply from is read from the file name."""

    def __init__(self, context: ImportContext) -> None:
        self.context = context

    def check(self, workbook: Workbook, errors: ErrorCollector) -> NeighbourPlan:
        try:
            year = year_from_name(PurePosixPath(workbook.name).name)
        except ValueError as error:
            errors.add(None, None, str(error))
            return NeighbourPlan(0, [], [])
        if year in self.context.neighbour_years:
            errors.add(
                None,
                None,
                f"gives the groups of {year} again ({self.context.neighbour_years[year]})",
            )
        self.context.neighbour_years[year] = workbook.name
        header = _header(workbook)
        if header is None:
            errors.add(None, "SN1", "no row names the columns SN1 to SN10")
            return NeighbourPlan(year, [], [])
        sheet_name, index, cells = header
        sheet = next(s for s in workbook.sheets if s.name == sheet_name)
        number_at = next((n for n, c in enumerate(cells) if c in ("la num", "la number")), None)
        if number_at is None:
            errors.add(index + 1, "LA num", "is a required column and is missing", sheet=sheet_name)
            return NeighbourPlan(year, [], [])
        columns = {k: cells.index(f"sn{k}") for k in range(1, NEIGHBOURS + 1) if f"sn{k}" in cells}
        rows, notes = [], []
        seen: dict[int, int] = {}
        for number, record in enumerate(sheet.records[index + 1 :], start=index + 2):
            if not any(c.strip() for c in record):
                continue
            used = [record[at] for at in (number_at, *columns.values()) if at < len(record)]
            if not any(c.strip() for c in used):
                text = " ".join(c.strip() for c in record if c.strip())
                notes.append(f"sheet {sheet_name!r}, row {number}: {text!r} read as a heading")
                continue
            row = self._row(number, record, number_at, columns, errors, sheet_name)
            if row is None:
                continue
            if row.authority in seen:
                errors.add(
                    number,
                    "LA num",
                    f"already given in row {seen[row.authority]}",
                    sheet=sheet_name,
                )
            seen[row.authority] = number
            rows.append(row)
        return NeighbourPlan(year, rows, notes)

    def _row(
        self,
        number: int,
        record: list[str],
        number_at: int,
        columns: dict[int, int],
        errors: ErrorCollector,
        sheet: str,
    ) -> NeighbourRow | None:
        def cell(at: int) -> str:
            return record[at].strip() if at < len(record) else ""

        def known(at: int, column: str) -> int | None:
            try:
                found = whole_number(cell(at))
            except ValueError as error:
                errors.add(number, column, str(error), sheet=sheet)
                return None
            if self.context.areas.get(found) != Area.Kind.AUTHORITY:
                errors.add(number, column, f"{found} is not an authority of the list", sheet=sheet)
                return None
            return found

        authority = known(number_at, "LA num")
        neighbours = []
        for position, at in columns.items():
            if not cell(at):
                continue
            found = known(at, f"SN{position}")
            if found is not None and found == authority:
                errors.add(number, f"SN{position}", "is the authority itself", sheet=sheet)
            elif found is not None:
                closeness = cell(at + 1) if at + 1 < len(record) else ""
                neighbours.append((position, found, closeness[:50]))
        if authority is None:
            return None
        return NeighbourRow(number, authority, tuple(neighbours))

    def count(self, read: Workbook, plan: NeighbourPlan) -> int:
        return len(plan.rows)

    def apply(self, plan: NeighbourPlan, report: ImportReport) -> None:
        areas = dict(Area.objects.values_list("number", "pk"))
        replaced, _ = NeighbourSet.objects.filter(year=plan.year).delete()
        sets = NeighbourSet.objects.bulk_create(
            NeighbourSet(
                authority_id=areas[row.authority],
                year=plan.year,
                source_ref=report.file,
                imported=self.context.record,
            )
            for row in plan.rows
        )
        Neighbour.objects.bulk_create(
            Neighbour(set=s, position=p, area_id=areas[n], closeness=c)
            for s, row in zip(sets, plan.rows, strict=True)
            for p, n, c in row.neighbours
        )
        report.created = len(sets)
        report.notes.append(f"neighbour groups apply from {plan.year}")
        report.notes.extend(plan.notes)
        if replaced:
            report.notes.append(f"the groups of {plan.year} loaded before were replaced")
