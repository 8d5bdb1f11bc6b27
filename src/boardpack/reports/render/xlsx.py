"""Excel: one sheet per section, numbers as numbers, charts as their data tables; a chart that
carries its lines (the SPC chart) also as Excel's own line chart beside its series. Every cell
goes through lib.spreadsheets, so text (a comment, a title) is never a formula."""

from __future__ import annotations

import io
from datetime import datetime, time
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from boardpack.lib.spreadsheets import append_row, set_value
from boardpack.reports.document import (
    Block,
    Cell,
    Chart,
    Document,
    IndicatorBlock,
    Paragraph,
    Table,
)
from boardpack.reports.render.zipdates import restamp

BOLD = Font(bold=True)
MAX_SHEET_NAME = 31
LINE_COLOURS = ("505A5F", "0B0C0C", "C2560A", "C2560A")
"""The values grey, the mean black, the process limits dashed (as the SVG draws them)."""


def _sheet_name(wanted: str, taken: set[str]) -> str:
    base = "".join(c for c in wanted if c not in "[]:*?/\\")[:MAX_SHEET_NAME] or "Sheet"
    name, number = base, 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        number += 1
    taken.add(name.lower())
    return name


def _number_format(decimals: int) -> str:
    return "0" if not decimals else "0." + "0" * decimals


def _write_cell(sheet: Worksheet, row: int, column: int, cell: Cell) -> None:
    target = sheet.cell(row=row, column=column)
    if cell.number is not None:
        target.value = float(cell.number)
        target.number_format = _number_format(cell.decimals)
    elif cell.mark is not None:
        set_value(target, f"{cell.mark.glyph} {cell.mark.text}")
    else:
        set_value(target, cell.text)


def _table(sheet: Worksheet, table: Table) -> None:
    append_row(sheet, [table.caption])
    sheet.cell(row=sheet.max_row, column=1).font = BOLD
    append_row(sheet, table.header)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for row in table.rows:
        number = sheet.max_row + 1
        for column, cell in enumerate(row, start=1):
            _write_cell(sheet, number, column, cell)
    append_row(sheet, [])


def _drawn(sheet: Worksheet, chart: Chart) -> None:
    """The chart's lines as a table, and Excel's own line chart of them beside it."""
    append_row(sheet, [f"Chart series: {chart.title}"])
    sheet.cell(row=sheet.max_row, column=1).font = BOLD
    header = sheet.max_row + 1
    append_row(sheet, ["Month", *(line.name for line in chart.lines)])
    columns = 1 + len(chart.lines)
    for column in range(1, columns + 1):
        sheet.cell(row=header, column=column).font = BOLD
    for n, label in enumerate(chart.labels):
        values = [float(v) if (v := line.values[n]) is not None else None for line in chart.lines]
        append_row(sheet, [label, *values])
        for column in range(2, columns + 1):
            sheet.cell(row=sheet.max_row, column=column).number_format = _number_format(
                chart.decimals
            )
    drawn = LineChart()
    drawn.title, drawn.height, drawn.width = chart.title, 7, 16
    rows = {"min_row": header, "max_row": sheet.max_row}
    drawn.add_data(Reference(sheet, min_col=2, max_col=columns, **rows), titles_from_data=True)
    drawn.set_categories(Reference(sheet, min_col=1, min_row=header + 1, max_row=sheet.max_row))
    for n, (series, colour) in enumerate(zip(drawn.series, LINE_COLOURS, strict=False)):
        series.graphicalProperties.line.solidFill = colour
        series.marker.symbol = "circle" if n == 0 else "none"
        if n > 1:
            series.graphicalProperties.line.dashStyle = "dash"
    sheet.add_chart(drawn, f"G{header - 1}")
    append_row(sheet, [])


def _chart(sheet: Worksheet, chart: Chart) -> None:
    _table(sheet, chart.data)
    if chart.lines:
        _drawn(sheet, chart)


def _block(sheet: Worksheet, block: Block) -> None:
    if isinstance(block, Paragraph):
        append_row(sheet, [block.text])
        sheet.cell(row=sheet.max_row, column=1).alignment = Alignment(wrap_text=False)
    elif isinstance(block, Table):
        _table(sheet, block)
    elif isinstance(block, Chart):
        _chart(sheet, block)
    else:
        _indicator(sheet, block)


def _indicator(sheet: Worksheet, block: IndicatorBlock) -> None:
    append_row(sheet, [f"{block.code}: {block.title}"])
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)
    append_row(sheet, [f"{fact.label}: {fact.value}" for fact in block.facts])
    append_row(sheet, ["Status", f"{block.mark.glyph} {block.mark.text}"])
    for label, signal in block.signals:
        append_row(sheet, [label, f"{signal.glyph} {signal.text}"])
    _table(sheet, block.grid)
    for chart in (block.chart, block.spc_chart):
        if chart is not None:
            _chart(sheet, chart)
    for comment in block.commentary:
        append_row(sheet, ["Comment", comment.author, comment.subject, comment.text])
    if not block.commentary:
        append_row(sheet, ["Comment", block.no_comment_text])
    append_row(sheet, [])


def render_xlsx(document: Document) -> bytes:
    workbook = Workbook()
    cover = workbook.active
    taken = {"contents"}
    cover.title = "Contents"
    for line in (document.authority, document.title, *document.cover_lines):
        append_row(cover, [line])
    cover["B2"].font = Font(bold=True, size=14)
    sheet = cover
    for section in document.sections:
        if section.sheet:
            sheet = workbook.create_sheet(_sheet_name(section.sheet, taken))
        append_row(sheet, [section.heading])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=13)
        for block in section.blocks:
            _block(sheet, block)
    stamp = datetime.combine(document.data_date, time())
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.title = document.title
    buffer = io.BytesIO()
    # openpyxl's Workbook.save stamps the clock as the modified date; its writer keeps ours, so
    # the same data gives the same bytes (a report made twice, by a job or the command line).
    with ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    return restamp(buffer.getvalue(), document.data_date)
