"""Word: real headings, tables and page breaks, so a committee clerk can edit the paper.

The body is written as WordprocessingML text and parsed once. python-docx's object API built each
table cell by cell, resolved a style name per paragraph and scanned the whole document for each
picture's id: a 300-indicator report took over 20 s.

Charts go in as SVG through Word's svgBlip extension: Word 2016 and later draw them as vectors,
sharp at any printed size. The format wants a PNG beside each SVG for readers without SVG (Word
2013; LibreOffice 7.4, seen here); that PNG is one notice, shared by every chart of the same
shape, saying that the chart's figures are in the table below it. Drawing each chart as a PNG
with cairosvg took 25-65 ms a chart, too long for 300.
"""

from __future__ import annotations

import functools
import io
import re
from datetime import datetime, time
from xml.sax.saxutils import escape, quoteattr

import cairosvg
from docx import Document as WordDocument
from docx.document import Document as WordFile
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm
from lxml import etree

from boardpack.reports.document import (
    Block,
    Cell,
    Chart,
    Document,
    IndicatorBlock,
    Mark,
    Paragraph,
    Section,
    Table,
)
from boardpack.reports.render.fills import FILLS
from boardpack.reports.render.zipdates import restamp

MARK_COLOURS = {
    "red-diamond": "D4351C",
    "red": "D4351C",
    "amber": "B5500A",
    "blue-circle": "1D70B8",
    "green-plus": "00703C",
    "green": "00703C",
    "blue": "1D70B8",
    "spc-improvement": "1D70B8",
    "spc-concern": "C2560A",
    "spc-neutral": "4C2C92",
}
OTHER_MARK_COLOUR = "505A5F"
TABLE_TEXT_SIZE = 16
"""Half-points: 8 pt."""
WIDE_TABLE_COLUMNS = 9
"""From this many columns (a financial year's grid) a table is set compact: 7 pt text and
narrow cell margins, so that a date, a figure and "Worse than target" fit a month's column."""
WIDE_TABLE_TEXT_SIZE = 14
WIDE_TABLE_MARGINS = (
    '<w:tblCellMar><w:left w:w="43" w:type="dxa"/><w:right w:w="43" w:type="dxa"/></w:tblCellMar>'
)
CHART_WIDTH = Cm(16)
SVG_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
PICTURE = "http://schemas.openxmlformats.org/drawingml/2006/picture"
TABLE_LOOK = (
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
    'w:noHBand="0" w:noVBand="1"/>'
)
TOC_BEGIN = (
    '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-1" \\h \\z \\u </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
)
TOC_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
TABS_AND_BREAKS = re.compile(r"([\t\r\n])")
WORD_TABS_AND_BREAKS = {"\t": "<w:tab/>", "\r": "<w:br/>", "\n": "<w:br/>"}


def _run(
    text: str, *, bold: bool = False, italic: bool = False, colour: str = "", size: int = 0
) -> str:
    """A run of text as python-docx writes it: a tab or line break in the text becomes Word's."""
    if not text:
        return ""
    props = "".join(
        (
            "<w:b/>" if bold else "",
            "<w:i/>" if italic else "",
            f'<w:color w:val="{colour}"/>' if colour else "",
            f'<w:sz w:val="{size}"/>' if size else "",
        )
    )
    content = "".join(
        WORD_TABS_AND_BREAKS.get(part, f'<w:t xml:space="preserve">{escape(part)}</w:t>')
        for part in TABS_AND_BREAKS.split(text)
        if part
    )
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{content}</w:r>"


def _mark(mark: Mark, size: int = 0) -> str:
    colour = MARK_COLOURS.get(mark.key, OTHER_MARK_COLOUR)
    return _run(f"{mark.glyph} ", colour=colour, size=size) + _run(mark.text, size=size)


def _paragraph(runs: str, *, style: str = "", keep_with_next: bool = False) -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + (
        "<w:keepNext/>" if keep_with_next else ""
    )
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{runs}</w:p>"


def _row(
    widths: list[int], cells: list[str], *, header: bool = False, fills: list[str] | None = None
) -> str:
    """A table row; a header row repeats at the top of each page the table runs onto. `fills`:
    each cell's background (RGB hex, blank for none)."""
    shades = [
        f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        for fill in fills or [""] * len(cells)
    ]
    content = "".join(
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shade}</w:tcPr><w:p>{runs}</w:p></w:tc>'
        for width, runs, shade in zip(widths, cells, shades, strict=True)
    )
    return f"<w:tr>{'<w:trPr><w:tblHeader/></w:trPr>' if header else ''}{content}</w:tr>"


def _value(cell: Cell, *, bold: bool, size: int) -> str:
    if cell.mark is not None and cell.filled:
        _, text = FILLS.get(cell.mark.key, FILLS["none"])
        mark = cell.mark
        return _run(f"{mark.glyph} {mark.text}", bold=True, colour=text, size=size)
    if cell.mark is not None:
        return _mark(cell.mark, size)
    return _run(cell.text, bold=bold, size=size)


def _fill(cell: Cell) -> str:
    if cell.mark is None or not cell.filled:
        return ""
    return FILLS.get(cell.mark.key, FILLS["none"])[0]


@functools.cache
def _notice_png(height: int) -> bytes:
    """What a reader without SVG (Word before 2016) shows in a chart's place, 640 px wide."""
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="640" height="{height}" '
        'font-family="arial, sans-serif" font-size="16" text-anchor="middle" fill="#0b0c0c">'
        f'<rect x="1" y="1" width="638" height="{height - 2}" fill="#ffffff" '
        'stroke="#505a5f" stroke-width="2"/>'
        f'<text x="320" y="{height / 2 - 6}">This chart needs Word 2016 or later.</text>'
        f'<text x="320" y="{height / 2 + 18}">Its figures are in the table below.</text>'
        "</svg>"
    )
    return bytes(cairosvg.svg2png(bytestring=svg.encode()))


class _Body:
    """The body of one Word file, written as XML text, and the chart parts it points to."""

    def __init__(self, word: WordFile) -> None:
        self.word = word
        self.xml: list[str] = []
        self.charts = 0
        self.styles: dict[str, str] = {}
        page = word.sections[-1]
        usable = page.page_width - page.left_margin - page.right_margin
        self.text_width = round(usable / 635)
        """Twips between the margins."""

    def style(self, name: str) -> str:
        """The id of a style of the template, looked up once per name."""
        if name not in self.styles:
            self.styles[name] = self.word.styles[name].style_id
        return self.styles[name]

    def paragraph(self, runs: str, style: str = "") -> None:
        self.xml.append(_paragraph(runs, style=self.style(style) if style else ""))

    def heading(self, runs: str, level: int) -> None:
        self.paragraph(runs, "Title" if level == 0 else f"Heading {level}")

    def table(self, table: Table) -> None:
        caption = _paragraph(_run(table.caption), style=self.style("Caption"), keep_with_next=True)
        shares = table.widths or (1,) * len(table.header)
        widths = [self.text_width * share // sum(shares) for share in shares]
        wide = len(table.header) >= WIDE_TABLE_COLUMNS
        size = WIDE_TABLE_TEXT_SIZE if wide else TABLE_TEXT_SIZE
        header = [_run(text, bold=True, size=size) for text in table.header]
        rows = "".join(
            _row(
                widths,
                [
                    _value(cell, bold=table.row_headers and n == 0, size=size)
                    for n, cell in enumerate(row)
                ],
                fills=[_fill(cell) for cell in row],
            )
            for row in table.rows
        )
        layout = '<w:tblLayout w:type="fixed"/>' if table.widths else ""
        layout += WIDE_TABLE_MARGINS if wide else ""
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
        self.xml.append(
            f"{caption}<w:tbl><w:tblPr>"
            f'<w:tblStyle w:val="{self.style("Table Grid")}"/><w:tblW w:type="auto" w:w="0"/>'
            f"{layout}{TABLE_LOOK}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
            f"{_row(widths, header, header=True)}{rows}</w:tbl>"
        )

    def chart(self, chart: Chart) -> None:
        """The chart's SVG (its web-page sizing style dropped) over a PNG notice, then its data."""
        svg = etree.fromstring(chart.svg.encode())
        svg.attrib.pop("style", None)
        width, height = round(float(svg.get("width", 640))), round(float(svg.get("height", 320)))
        self.charts += 1
        number = self.charts
        part = self.word.part
        svg_part = Part(
            PackURI(f"/word/media/chart{number}.svg"),
            "image/svg+xml",
            etree.tostring(svg, xml_declaration=True, encoding="UTF-8"),
            part.package,
        )
        svg_id = part.relate_to(svg_part, RELATIONSHIP_TYPE.IMAGE)
        notice = _notice_png(640 * height // width)
        png_id, _ = part.get_or_add_image(io.BytesIO(notice))
        cx, cy = CHART_WIDTH, CHART_WIDTH * height // width
        self.xml.append(
            "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline>"
            f'<wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{number}" name="Chart {number}" descr={quoteattr(chart.title)}/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            f'<a:graphic><a:graphicData uri="{PICTURE}"><pic:pic>'
            f'<pic:nvPicPr><pic:cNvPr id="0" name="chart{number}.svg"/><pic:cNvPicPr/>'
            "</pic:nvPicPr>"
            f'<pic:blipFill><a:blip r:embed="{png_id}"><a:extLst><a:ext uri="{SVG_EXTENSION}">'
            f'<asvg:svgBlip r:embed="{svg_id}"/></a:ext></a:extLst></a:blip>'
            "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"/></pic:spPr>'
            "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
        )
        self.table(chart.data)

    def indicator(self, block: IndicatorBlock) -> None:
        self.heading(_run(f"{block.code}: {block.title}"), 3)
        self.paragraph(
            "".join(
                _run(f"{fact.label}: ", bold=True) + _run(f"{fact.value}   ")
                for fact in block.facts
            )
        )
        self.paragraph(
            _run("Status: ", bold=True)
            + _mark(block.mark)
            + "".join(
                _run(f"   {label}: ", bold=True) + _mark(signal) for label, signal in block.signals
            )
        )
        self.table(block.grid)
        for chart in (block.chart, block.spc_chart):
            if chart is not None:
                self.chart(chart)
        self.heading(_run("Latest comments"), 4)
        if not block.commentary:
            self.paragraph(_run(block.no_comment_text))
        for comment in block.commentary:
            byline = f"Comment Author: {comment.author} - Comment Subject: {comment.subject}"
            self.paragraph(_run(byline, italic=True))
            for part in comment.text.split("\n\n"):
                self.paragraph(_run(part))

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(_run(block.text, bold=block.style in ("lead", "heading")))
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Chart):
            self.chart(block)
        else:
            self.indicator(block)

    def contents(self, headings: list[str]) -> None:
        """A table-of-contents field of the level-1 headings, its entries written out (Word
        fills in their pages when it opens the file: the field is marked dirty, to be updated)."""
        self.paragraph(_run("Contents", bold=True, size=28), "TOC Heading")
        for n, heading in enumerate(headings):
            start = TOC_BEGIN if n == 0 else ""
            end = TOC_END if n == len(headings) - 1 else ""
            self.paragraph(start + _run(heading) + end)

    def section(self, section: Section) -> None:
        if section.page_break:
            self.paragraph('<w:r><w:br w:type="page"/></w:r>')
        title = _mark(section.mark) if section.mark is not None else _run(section.heading)
        self.heading(title, min(section.level, 9))
        for block in section.blocks:
            self.block(block)

    def finish(self) -> None:
        """Parse the written XML once and put it before the body's page settings."""
        written = parse_xml(
            f'<w:body {nsdecls("w", "r", "wp", "a", "pic")} xmlns:asvg="{SVG_NAMESPACE}">'
            f"{''.join(self.xml)}</w:body>"
        )
        body = self.word.element.body
        end = body.index(body.sectPr)
        body[end:end] = list(written)


A4 = (Cm(21), Cm(29.7))  # python-docx's template is US Letter; councils print on A4


def render_docx(document: Document) -> bytes:
    word = WordDocument()
    page = word.sections[0]
    page.page_width, page.page_height = A4
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
    body = _Body(word)
    body.paragraph(_run(document.authority), "Subtitle")
    body.heading(_run(document.title), 0)
    for line in document.cover_lines:
        body.paragraph(_run(line))
    if document.contents:
        body.contents([heading for heading, _ in document.contents_entries])
    for section in document.sections:
        body.section(section)
    body.finish()
    buffer = io.BytesIO()
    word.save(buffer)
    return restamp(buffer.getvalue(), document.data_date)
