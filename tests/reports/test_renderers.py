"""Each renderer turns one document into its format; each output is read back by its library."""

import io
from datetime import date
from decimal import Decimal

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from boardpack.reports.document import (
    Cell,
    Chart,
    Commentary,
    Document,
    Fact,
    IndicatorBlock,
    Mark,
    Paragraph,
    Section,
    Table,
)
from boardpack.reports.render import FORMATS
from boardpack.reports.render.docx import render_docx
from boardpack.reports.render.html import render_html
from boardpack.reports.render.pdf import render_pdf
from boardpack.reports.render.xlsx import render_xlsx

RED = Mark("red-diamond", "◆", "Worse than target")
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" role="img">'
    '<title>Trend</title><rect width="50" height="40"/></svg>'
)


def _document() -> Document:
    grid = Table(
        caption="2012/13",
        header=("", "30/04/12", "31/05/12", "30/06/12"),
        rows=(
            (Cell("Actual"), Cell(""), Cell(""), Cell("37.47", Decimal("37.47"), 2)),
            (Cell("Target"), Cell(""), Cell(""), Cell("36.00", Decimal(36), 2)),
            (Cell("Symbol"), Cell(""), Cell(""), Cell("", mark=RED)),
        ),
        row_headers=True,
    )
    chart = Chart(
        title="Trend",
        svg=SVG,
        data=Table("Chart data", ("Month", "Actual"), ((Cell("Jun 2012"), Cell("37.47")),)),
    )
    block = IndicatorBlock(
        code="2042SC",
        title="LAC per 10,000 population aged under 18",
        facts=(Fact("Owner", "Head of Safeguarding"), Fact("Polarity", "Smaller is Better")),
        mark=RED,
        grid=grid,
        chart=chart,
        commentary=(
            Commentary("Head of Safeguarding", "Head of Service Commentary", "Up.\n\nStable."),
        ),
    )
    return Document(
        title="Performance Report – Quarter 1 2012/13",
        authority="Example County Council",
        data_date=date(2012, 6, 30),
        cover_lines=("Data as at 30/06/2012",),
        sections=(
            Section(
                "Summary",
                1,
                (Paragraph("Seventeen indicators are worse than target."),),
                sheet="Summary",
            ),
            Section(
                "Assistant Director – Children's Social Care",
                1,
                page_break=True,
                sheet="Children's Social Care",
            ),
            Section("Worse than target", 2, (block,), mark=RED),
        ),
    )


def test_html_carries_every_element():
    html = render_html(_document())
    for text in (
        "Performance Report – Quarter 1 2012/13",
        "2042SC: LAC per 10,000",
        "37.47",
        "◆",
        "Worse than target",
        "Comment Author: Head of Safeguarding - Comment Subject: Head of Service Commentary",
        "<svg",
    ):
        assert text in html


def test_pdf_is_a_real_pdf_with_the_content():
    reader = PdfReader(io.BytesIO(render_pdf(_document())))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 2
    assert "2042SC: LAC per 10,000" in text
    assert "37.47" in text
    assert "Worse than target" in text


def test_word_has_headings_tables_a_picture_and_page_breaks():
    word = WordDocument(io.BytesIO(render_docx(_document())))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert "Performance Report – Quarter 1 2012/13" in headings
    assert "2042SC: LAC per 10,000 population aged under 18" in headings
    assert "◆ Worse than target" in headings
    grid = word.tables[0]
    assert [c.text for c in grid.rows[1].cells] == ["Actual", "", "", "37.47"]
    assert len(word.inline_shapes) == 1
    assert 'w:br w:type="page"' in word.element.xml
    assert word.core_properties.created.date() == date(2012, 6, 30)


def test_excel_has_a_sheet_per_section_and_numbers_as_numbers():
    workbook = load_workbook(io.BytesIO(render_xlsx(_document())))
    assert workbook.sheetnames == ["Contents", "Summary", "Children's Social Care"]
    values = [c for row in workbook["Children's Social Care"].iter_rows() for c in row]
    actual = next(c for c in values if c.value == pytest.approx(37.47))
    assert isinstance(actual.value, float)
    assert actual.number_format == "0.00"
    assert any(c.value == "◆ Worse than target" for c in values)


def test_the_same_document_gives_the_same_word_and_excel_bytes():
    assert render_docx(_document()) == render_docx(_document())
    assert render_xlsx(_document()) == render_xlsx(_document())


def test_every_format_has_a_renderer_and_a_content_type():
    assert sorted(FORMATS) == ["docx", "html", "pdf", "xlsx"]


def test_office_files_carry_the_data_date_not_the_clock():
    import zipfile

    for render in (render_docx, render_xlsx):
        archive = zipfile.ZipFile(io.BytesIO(render(_document())))
        assert {m.date_time[:3] for m in archive.infolist()} == {(2012, 6, 30)}
