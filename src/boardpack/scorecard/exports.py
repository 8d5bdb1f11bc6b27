"""The scorecard's current view as a CSV or XLSX download: the columns of `boardpack status`,
then the SPC variation and assurance icons as the page shows them (their texts); its cells
through lib.spreadsheets, so no spreadsheet runs a title or a comment."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from boardpack.lib.spreadsheets import append_row, csv_record
from boardpack.scorecard.presenters import EXPORT_COLUMNS, status_record
from boardpack.scorecard.selectors import StatusRow, row_summaries
from boardpack.scorecard.spc.presenters import spc_icons

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS = (*EXPORT_COLUMNS, "variation", "assurance")


def _records(rows: list[StatusRow]) -> Iterator[tuple[StatusRow, dict[str, object]]]:
    """Each row with its record: the status columns and the SPC icons' texts."""
    summaries = row_summaries(rows)
    for row in rows:
        variation, assurance = spc_icons(summaries[row.indicator.pk])
        yield row, {**status_record(row), "variation": variation.text, "assurance": assurance.text}


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_csv(rows: list[StatusRow], *, filename: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csv_record(record) for _, record in _records(rows))
    return _download(buffer.getvalue().encode("utf-8-sig"), "text/csv; charset=utf-8", filename)


def export_xlsx(rows: list[StatusRow], *, filename: str) -> HttpResponse:
    """Actual and target are numbers in the sheet (not text), formatted to the decimals."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Scorecard"
    append_row(sheet, COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row, record in _records(rows):
        if row.indicator.kind == row.indicator.Kind.MEASURE:
            record["actual"] = float(row.actual) if row.actual is not None else None
            record["target"] = float(row.target) if row.target is not None else None
        append_row(sheet, [record[c] for c in COLUMNS])
        number_format = "0" if not row.indicator.decimals else "0." + "0" * row.indicator.decimals
        for column in ("F", "G"):
            sheet[f"{column}{sheet.max_row}"].number_format = number_format
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _download(buffer.getvalue(), XLSX_TYPE, filename)
