"""Import templates: for each kind of one table, its header row as CSV or XLSX, to fill in."""

from __future__ import annotations

import csv
import io

from django.http import Http404

from boardpack.lib.importing import KINDS
from boardpack.lib.spreadsheets import append_row, csv_row
from boardpack.reports.render import FORMATS


def template_kinds() -> list[str]:
    return [kind.name for kind in KINDS.values() if kind.columns is not None]


def _header(kind: str) -> list[str]:
    registered = KINDS.get(kind)
    if registered is None or registered.columns is None:
        raise Http404
    required, optional = registered.columns
    return [*required, *optional]


def template_file(kind: str, fmt: str) -> tuple[bytes, str]:
    """The kind's header row as a file of the format, and its content type."""
    header = _header(kind)
    if fmt == "csv":
        text = io.StringIO()
        csv.writer(text).writerow(csv_row(header))
        return text.getvalue().encode(), "text/csv"
    if fmt != "xlsx":
        raise Http404
    from openpyxl import Workbook

    workbook = Workbook()
    append_row(workbook.active, header)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue(), FORMATS["xlsx"][1]
