"""Word: real headings, tables and page breaks, so a committee clerk can edit the paper."""

from __future__ import annotations

import io
from datetime import datetime, time

import cairosvg
from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as WordTable

from boardpack.reports.document import (
    Block,
    Chart,
    Document,
    IndicatorBlock,
    Mark,
    Paragraph,
    Section,
    Table,
)
from boardpack.reports.render.zipdates import restamp

MARK_COLOURS = {
    "red-diamond": RGBColor(0xD4, 0x35, 0x1C),
    "red": RGBColor(0xD4, 0x35, 0x1C),
    "amber": RGBColor(0xB5, 0x50, 0x0A),
    "blue-circle": RGBColor(0x1D, 0x70, 0xB8),
    "green-plus": RGBColor(0x00, 0x70, 0x3C),
    "green": RGBColor(0x00, 0x70, 0x3C),
    "blue": RGBColor(0x1D, 0x70, 0xB8),
}


def _mark_run(paragraph: object, mark: Mark) -> None:
    glyph = paragraph.add_run(f"{mark.glyph} ")  # type: ignore[attr-defined]
    glyph.font.color.rgb = MARK_COLOURS.get(mark.key, RGBColor(0x50, 0x5A, 0x5F))
    paragraph.add_run(mark.text)  # type: ignore[attr-defined]


def _table(word: WordDocument, table: Table) -> WordTable:
    caption = word.add_paragraph(table.caption, style="Caption")
    caption.paragraph_format.keep_with_next = True
    grid = word.add_table(rows=1, cols=len(table.header), style="Table Grid")
    for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].font.bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for index, (target, value) in enumerate(zip(cells, row, strict=True)):
            if value.mark is not None:
                _mark_run(target.paragraphs[0], value.mark)
            else:
                run = target.paragraphs[0].add_run(value.text)
                run.font.bold = table.row_headers and index == 0
    for row in grid.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8)
    if table.widths:
        _widths(word, grid, table.widths)
    return grid


def _widths(word: WordDocument, grid: WordTable, widths: tuple[int, ...]) -> None:
    """Share the text width between the columns as the table's relative widths say."""
    page = word.sections[-1]
    usable = page.page_width - page.left_margin - page.right_margin
    grid.autofit = False
    for index, column in enumerate(grid.columns):
        width = int(usable * widths[index] / sum(widths))
        column.width = width
        for cell in column.cells:
            cell.width = width


def _chart(word: WordDocument, chart: Chart) -> None:
    png = cairosvg.svg2png(bytestring=chart.svg.encode(), output_width=1280)
    word.add_picture(io.BytesIO(png), width=Cm(16))
    word.paragraphs[-1].paragraph_format.keep_with_next = True
    _table(word, chart.data)


def _indicator(word: WordDocument, block: IndicatorBlock) -> None:
    word.add_heading(f"{block.code}: {block.title}", level=3)
    facts = word.add_paragraph()
    for fact in block.facts:
        facts.add_run(f"{fact.label}: ").bold = True
        facts.add_run(f"{fact.value}   ")
    status = word.add_paragraph()
    status.add_run("Status: ").bold = True
    _mark_run(status, block.mark)
    _table(word, block.grid)
    if block.chart is not None:
        _chart(word, block.chart)
    word.add_heading("Latest comments", level=4)
    if not block.commentary:
        word.add_paragraph(block.no_comment_text)
    for comment in block.commentary:
        byline = word.add_paragraph()
        byline.add_run(
            f"Comment Author: {comment.author} - Comment Subject: {comment.subject}"
        ).italic = True
        for part in comment.text.split("\n\n"):
            word.add_paragraph(part)


def _block(word: WordDocument, block: Block) -> None:
    if isinstance(block, Paragraph):
        paragraph = word.add_paragraph(block.text)
        if block.style in ("lead", "heading"):
            for run in paragraph.runs:
                run.font.bold = True
    elif isinstance(block, Table):
        _table(word, block)
    elif isinstance(block, Chart):
        _chart(word, block)
    else:
        _indicator(word, block)


def _section(word: WordDocument, section: Section) -> None:
    if section.page_break:
        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    heading = word.add_heading(level=min(section.level, 9))
    if section.mark is not None:
        _mark_run(heading, section.mark)
    else:
        heading.add_run(section.heading)
    for block in section.blocks:
        _block(word, block)


def render_docx(document: Document) -> bytes:
    word = WordDocument()
    page = word.sections[0]
    if document.landscape:
        page.orientation = WD_ORIENT.LANDSCAPE
        page.page_width, page.page_height = page.page_height, page.page_width
    else:
        page.orientation = WD_ORIENT.PORTRAIT
    page.left_margin = page.right_margin = Cm(2)
    word.core_properties.title = document.title
    word.core_properties.author = document.authority
    stamp = datetime.combine(document.data_date, time())
    word.core_properties.created = word.core_properties.modified = stamp
    word.add_paragraph(document.authority, style="Subtitle")
    word.add_heading(document.title, level=0)
    for line in document.cover_lines:
        word.add_paragraph(line)
    for section in document.sections:
        _section(word, section)
    buffer = io.BytesIO()
    word.save(buffer)
    return restamp(buffer.getvalue(), document.data_date)
