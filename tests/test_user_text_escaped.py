"""Text a person typed is shown as text in every page and every report format: `<script>` and
`<img onerror>` put in commentary, indicator titles and plan progress come out escaped in HTML
(pages and the HTML report) and as the literal characters in PDF (read with pypdf), Word
(python-docx) and Excel (openpyxl)."""

import io
import re

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from boardpack.core.periods import Month
from boardpack.reports.builders.delivery_plan import PlanReportQuery, build_delivery_plan
from boardpack.reports.builders.quarterly import QuarterlyQuery, build_quarterly
from boardpack.reports.render.docx import render_docx
from boardpack.reports.render.html import render_html
from boardpack.reports.render.pdf import render_pdf
from boardpack.reports.render.xlsx import render_xlsx
from boardpack.scorecard.selectors import current_scheme
from tests.hostile_text import IMAGE, SCRIPT, plant

TEXTS = (SCRIPT, IMAGE)
ESCAPED = ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")


@pytest.fixture
def planted(demo_data, officer):
    return plant(TEXTS, officer)


@pytest.fixture
def documents(planted):
    """The quarterly report (titles and commentary) and the plan's report (progress)."""
    quarterly = build_quarterly(QuarterlyQuery(Month(2012, 6)), scheme=current_scheme())
    return quarterly, build_delivery_plan(PlanReportQuery(planted.plan))


def _escaped(html: str, texts: tuple[str, ...] = TEXTS) -> None:
    """Neither text as markup, the texts shown there as escaped text."""
    for text, escaped in zip(TEXTS, ESCAPED, strict=True):
        assert text not in html
        assert escaped in html or text not in texts


def _pages(client, planted) -> dict[str, str]:
    slug = planted.plan.slug
    urls = {
        "scorecard": "/?period=2012-06",
        **{
            f"indicator {i.code}": f"/indicators/{i.pk}/?period=2012-06" for i in planted.indicators
        },
        "plan": f"/plans/{slug}/",
        **{f"action {a.ref}": f"/plans/{slug}/actions/{a.pk}/" for a in planted.actions},
    }
    found = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        found[name] = response.content.decode()
    return found


def test_every_page_escapes_the_markup(client, officer, planted):
    client.force_login(officer)
    pages = _pages(client, planted)
    _escaped(pages["scorecard"])  # both titles
    for indicator in planted.indicators:  # its title and its comment
        _escaped(pages[f"indicator {indicator.code}"], (indicator.title,))
    _escaped(pages["plan"])  # the actions' progress
    for action, text in zip(planted.actions, (*TEXTS, TEXTS[1]), strict=True):
        _escaped(pages[f"action {action.ref}"], (text,))


def test_the_html_reports_escape_the_markup(documents):
    quarterly, plan_report = documents
    _escaped(render_html(quarterly))
    _escaped(render_html(plan_report))


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_pdf_shows_the_literal_text(documents):
    for document in documents:
        reader = PdfReader(io.BytesIO(render_pdf(document)))
        text = _flat("".join(page.extract_text() for page in reader.pages))
        for typed in TEXTS:
            assert _flat(typed) in text


def test_word_shows_the_literal_text(documents):
    for document in documents:
        word = WordDocument(io.BytesIO(render_docx(document)))
        texts = [p.text for p in word.paragraphs]
        texts += [c.text for t in word.tables for row in t.rows for c in row.cells]
        for typed in TEXTS:
            assert any(typed in text for text in texts)


def test_excel_shows_the_literal_text(documents):
    for document in documents:
        workbook = load_workbook(io.BytesIO(render_xlsx(document)))
        values = [c.value for s in workbook.worksheets for r in s.iter_rows() for c in r]
        for typed in TEXTS:
            assert any(isinstance(v, str) and typed in v for v in values)
