"""The scorecard's current view as a CSV or XLSX download; its cells through lib.spreadsheets,
so no spreadsheet runs a title or a comment."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from boardpack.lib.spreadsheets import append_row, csv_record
from boardpack.scorecard.presenters import EXPORT_COLUMNS, status_record
from boardpack.scorecard.selectors import StatusRow

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_csv(rows: list[StatusRow], *, filename: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csv_record(status_record(row)) for row in rows)
    return _download(buffer.getvalue().encode("utf-8-sig"), "text/csv; charset=utf-8", filename)


def export_xlsx(rows: list[StatusRow], *, filename: str) -> HttpResponse:
    """Actual and target are numbers in the sheet (not text), formatted to the decimals."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Scorecard"
    append_row(sheet, EXPORT_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        record: dict[str, object] = dict(status_record(row))
        if row.indicator.kind == row.indicator.Kind.MEASURE:
            record["actual"] = float(row.actual) if row.actual is not None else None
            record["target"] = float(row.target) if row.target is not None else None
        append_row(sheet, [record[c] for c in EXPORT_COLUMNS])
        number_format = "0" if not row.indicator.decimals else "0." + "0" * row.indicator.decimals
        for column in ("F", "G"):
            sheet[f"{column}{sheet.max_row}"].number_format = number_format
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _download(buffer.getvalue(), XLSX_TYPE, filename)
