"""The quarterly report, in each of its four formats, says "No actual yet" for an indicator with
no actual in the period: it is not on target and no commentary is asked of it."""

import io
import re
from datetime import date

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from boardpack.core.periods import Month
from boardpack.reports.builders.quarterly import QuarterlyQuery, build_quarterly
from boardpack.reports.render.docx import render_docx
from boardpack.reports.render.html import render_html
from boardpack.reports.render.pdf import render_pdf
from boardpack.reports.render.xlsx import render_xlsx
from boardpack.scorecard.models import Actual, Indicator
from boardpack.scorecard.selectors import current_scheme


@pytest.fixture
def document(demo_data):
    Actual.objects.filter(indicator__code="NI066", period=date(2012, 6, 30)).delete()
    return build_quarterly(QuarterlyQuery(Month(2012, 6)), scheme=current_scheme())


def _segment(text: str, code: str) -> str:
    """The text of one indicator's block: from its code to the next indicator's code."""
    text = re.sub(r"\s+", " ", text)
    start = text.index(f"{code}:")
    others = [f"{c}:" for c in Indicator.objects.exclude(code=code).values_list("code", flat=True)]
    ends = [found for c in others if (found := text.find(c, start)) > start]
    return text[start : min(ends, default=len(text))]


def _html_text(document) -> str:
    return re.sub(r"<[^>]+>", " ", render_html(document))


def _pdf_text(document) -> str:
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(document))).pages)


def _docx_text(document) -> str:
    return " ".join(p.text for p in WordDocument(io.BytesIO(render_docx(document))).paragraphs)


def _xlsx_text(document) -> str:
    workbook = load_workbook(io.BytesIO(render_xlsx(document)))
    return " ".join(
        str(cell.value)
        for sheet in workbook.worksheets[2:]
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )


@pytest.mark.parametrize("text_of", [_html_text, _pdf_text, _docx_text, _xlsx_text])
def test_the_block_says_no_actual_yet_and_not_on_target(document, text_of):
    text = text_of(document)
    block = _segment(text, "NI066")
    assert "No actual yet" in block
    assert "on target" not in block
    assert "No comment required (on target)" in _segment(text, "NI063")


def test_it_is_not_listed_as_missing_commentary(document):
    summary = document.sections[0]
    listed = [row[0].text for block in summary.blocks[1:] for row in block.rows]
    assert "NI066" not in listed
