"""The Word renderer writes the document's XML itself: each table cell, chart and run is checked."""

import io
from datetime import date

from docx import Document as WordDocument
from lxml import etree

from boardpack.reports.document import Cell, Chart, Document, Mark, Paragraph, Section, Table
from boardpack.reports.render.docx import render_docx

SVG = "http://www.w3.org/2000/svg"
SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
GREEN = Mark("green-plus", "✚", "Better than target")


def _chart(title: str) -> Chart:
    svg = (
        f'<svg xmlns="{SVG}" width="640" height="320" style="max-width:100%;height:auto">'
        f'<title>{title}</title><path d="M0 0 L640 320"/></svg>'
    )
    return Chart(
        title, svg, Table(f"{title}: data", ("Month", "Actual"), ((Cell("Jun"), Cell("4")),))
    )


TABLE = Table(
    caption="Missing returns",
    header=("Code", "Indicator", "Status"),
    rows=(
        (Cell("SC01"), Cell("Staff & agency <spend>"), Cell("", mark=GREEN)),
        (Cell("SC02"), Cell("Visits\tdone\nin time"), Cell("37.47")),
    ),
    widths=(20, 60, 20),
)
DOCUMENT = Document(
    title="Charts and tables",
    authority="Example County Council",
    data_date=date(2024, 3, 31),
    sections=(
        Section("Trends", 1, (_chart("Visits"), Paragraph("Between"), _chart("Spend"))),
        Section("Returns", 1, (TABLE,), page_break=True),
    ),
)


def _word() -> WordDocument:
    return WordDocument(io.BytesIO(render_docx(DOCUMENT)))


def test_each_chart_is_its_own_svg_with_a_png_for_older_readers():
    word = _word()
    charts = []
    for shape in word.inline_shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        assert word.part.related_parts[blip.embed].content_type == "image/png"
        svg_blip = next(blip.iter(SVG_BLIP))
        svg = etree.fromstring(word.part.related_parts[svg_blip.get(EMBED)].blob)
        assert svg.get("style") is None
        assert svg.find(f"{{{SVG}}}path") is not None
        charts.append((svg.findtext(f"{{{SVG}}}title"), shape._inline.docPr.get("descr")))
        assert shape.width * 320 == shape.height * 640
    assert charts == [("Visits", "Visits"), ("Spend", "Spend")]


def test_every_table_cell_is_written_with_its_header_row_repeating():
    word = _word()
    assert [[[c.text for c in row.cells] for row in table.rows] for table in word.tables] == [
        [["Month", "Actual"], ["Jun", "4"]],
        [["Month", "Actual"], ["Jun", "4"]],
        [
            ["Code", "Indicator", "Status"],
            ["SC01", "Staff & agency <spend>", "✚ Better than target"],
            ["SC02", "Visits\tdone\nin time", "37.47"],
        ],
    ]
    returns = word.tables[2]
    assert [row._tr.trPr is not None for row in returns.rows] == [True, False, False]
    widths = [column.width for column in returns.columns]
    assert [round(100 * width / sum(widths)) for width in widths] == [20, 60, 20]
    symbol = returns.rows[1].cells[2].paragraphs[0].runs[0]
    assert str(symbol.font.color.rgb) == "00703C"


def test_the_chart_captions_and_pictures_keep_with_what_follows():
    word = _word()
    kept = [p.text or "picture" for p in word.paragraphs if p.paragraph_format.keep_with_next]
    assert kept == [
        "picture",
        "Visits: data",
        "picture",
        "Spend: data",
        "Missing returns",
    ]


def test_the_page_is_a4_with_two_centimetre_margins():
    page = _word().sections[0]
    assert (round(page.page_width.cm, 1), round(page.page_height.cm, 1)) == (21.0, 29.7)
    assert round(page.left_margin.cm, 1) == round(page.right_margin.cm, 1) == 2.0


def test_a_financial_year_grid_is_set_compact_so_its_thirteen_columns_fit():
    months = tuple(f"{m:02d}/24" for m in range(1, 13))
    grid = Table("Grid", ("", *months), ((Cell("Symbol"), *(Cell("", mark=GREEN),) * 12),))
    narrow = Table("Narrow", ("Code", "Status"), ((Cell("SC01"), Cell("", mark=GREEN)),))
    document = Document(
        "Grid",
        "Example County Council",
        date(2024, 3, 31),
        sections=(Section("S", 1, (grid, narrow)),),
    )
    word = WordDocument(io.BytesIO(render_docx(document)))
    wide, small = word.tables
    margins = wide._tbl.tblPr.xpath("./w:tblCellMar/w:left/@w:w")
    assert margins == ["43"]
    assert not small._tbl.tblPr.xpath("./w:tblCellMar")
    assert {
        run.font.size.pt for cell in wide.rows[1].cells for p in cell.paragraphs for run in p.runs
    } == {7}
    assert {
        run.font.size.pt for cell in small.rows[1].cells for p in cell.paragraphs for run in p.runs
    } == {8}
