"""SPC in the quarterly report and the board pack: the two icons beside each status, the
special causes counted on the summary page, and each indicator's SPC chart when asked, in all
four formats."""

import io
import re
from html import unescape
from pathlib import Path
from xml.etree import ElementTree
from zipfile import ZipFile

from django.core.management import call_command
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from boardpack.core.periods import Month
from boardpack.reports.builders.quarterly import QuarterlyQuery, build_quarterly
from boardpack.reports.document import IndicatorBlock
from boardpack.reports.render.docx import render_docx
from boardpack.reports.render.html import render_html
from boardpack.reports.render.pdf import render_pdf
from boardpack.reports.render.xlsx import render_xlsx
from boardpack.scorecard.selectors import current_scheme
from tests.scorecard.spc_series import ALTERNATING, series_indicator

LAST = Month(2021, 4)
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _world():
    series_indicator("RISE", [*ALTERNATING, 20], targets={LAST: 5}, spc_baseline=12)
    series_indicator("FALL", [*ALTERNATING, 2], targets={LAST: 30}, spc_baseline=12)
    series_indicator("SHORT", ALTERNATING[:10], first=LAST.shift(-9))


def _report(spc_charts=False):
    query = QuarterlyQuery(LAST, spc_charts=spc_charts)
    return build_quarterly(query, scheme=current_scheme())


def _blocks(document):
    return {b.code: b for s in document.sections for b in s.blocks if isinstance(b, IndicatorBlock)}


def test_each_indicator_carries_its_variation_and_assurance_beside_its_status(db):
    _world()
    blocks = _blocks(_report())
    assert [(label, m.key, m.glyph, m.text) for label, m in blocks["RISE"].signals] == [
        ("Variation", "spc-improvement", "▲ H", "Improvement (high)"),
        ("Assurance", "spc-improvement", "P", "Consistently passes target"),
    ]
    assert [m.text for _, m in blocks["SHORT"].signals] == ["12 points are needed"] * 2
    assert all(b.spc_chart is None for b in blocks.values())


def test_the_summary_counts_the_special_causes_by_director(db):
    _world()
    summary = _report().sections[0]
    table = summary.blocks[-1]
    assert table.header == (
        "Director",
        "Special cause",
        "Improvement",
        "Concern",
        "No polarity",
        "Common cause",
        "Under 12 points",
    )
    assert [[c.text for c in row] for row in table.rows] == [
        ["SPC tests", "2", "1", "1", "0", "0", "1"]
    ]


def test_with_the_option_each_indicator_has_its_spc_chart(db):
    _world()
    document = _report(spc_charts=True)
    blocks = _blocks(document)
    chart = blocks["RISE"].spc_chart
    assert chart.title == "RISE: SPC chart of 13 points"
    assert chart.svg.startswith("<svg")
    assert 'width="640"' in chart.svg
    assert chart.data.header == ("Month", "Value", "Type", "Rules")
    assert [c.text for c in chart.data.rows[-1]] == [
        "Apr 21",
        "20.00",
        "Improvement",
        "Astronomical",
    ]
    assert "baseline: the first 12 points (fixed); mean 11.00; upper process limit 16.32" in (
        chart.data.caption
    )
    assert blocks["SHORT"].spc_chart is None
    assert "With each indicator's SPC chart" in document.cover_lines


def test_html_prints_the_icons_and_the_chart(db):
    _world()
    html = render_html(_report(spc_charts=True))
    article = html.split("<h4>RISE: Indicator RISE</h4>")[1].split("</article>")[0]
    assert re.search(
        r'<li><b>Variation:</b> <span class="mark mark--spc-improvement"><span class="glyph" '
        r'aria-hidden="true">▲ H</span> Improvement \(high\)</span></li>',
        article,
    )
    assert "<b>Assurance:</b>" in article
    assert article.count("<svg") == 2  # the trend chart and the SPC chart
    assert "Chart data: RISE: SPC chart of 13 points" in article


def test_word_prints_the_icons_and_both_charts(db):
    _world()
    word = WordDocument(io.BytesIO(render_docx(_report(spc_charts=True))))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Variation: ▲ H Improvement (high)" in text
    assert "Assurance: P Consistently passes target" in text
    svgs = [p for p in word.part.package.parts if str(p.partname).endswith(".svg")]
    assert len(svgs) == 3 + 2  # a trend chart each; an SPC chart for RISE and FALL, not SHORT
    captions = [t.rows[0].cells[0].text for t in word.tables]
    assert "Month" in captions


def test_excel_prints_the_icons_and_the_chart_data(db):
    _world()
    content = render_xlsx(_report(spc_charts=True))
    workbook = load_workbook(io.BytesIO(content))
    rows = [
        [c for c in row if c is not None]
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
    ]
    assert ["Variation", "▲ H Improvement (high)"] in rows
    assert ["Assurance", "F Consistently fails target"] in rows
    assert ["Apr 21", "20.00", "Improvement", "Astronomical"] in rows
    assert ["SPC tests", 2, 1, 1, 0, 0, 1] in rows
    assert ["Month", "Value", "Mean", "Upper process limit", "Lower process limit"] in rows
    assert ["Apr 21", 20, 11, 16.32, 5.68] in rows


def test_excel_draws_its_own_line_chart_of_each_spc_chart(db):
    _world()
    with ZipFile(io.BytesIO(render_xlsx(_report(spc_charts=True)))) as archive:
        charts = [archive.read(n).decode() for n in archive.namelist() if "charts/chart" in n]
    assert len(charts) == 2  # RISE and FALL; SHORT has too few points, no trend chart is drawn
    rise = ElementTree.fromstring(next(c for c in charts if "RISE: SPC chart of 13 points" in c))
    series = rise.findall(f".//{{{CHART}}}lineChart/{{{CHART}}}ser")
    assert len(series) == 4  # the values, the mean and the two process limits
    formulas = [s.find(f"{{{CHART}}}val/{{{CHART}}}numRef/{{{CHART}}}f").text for s in series]
    assert [re.sub(r".*!\$([A-Z])\$\d+:\$[A-Z]\$\d+", r"\1", f) for f in formulas] == list("BCDE")
    dashes = [s.find(f".//{{{DRAWING}}}prstDash").get("val") for s in series]
    assert dashes == ["solid", "solid", "dash", "dash"]


def test_the_pdf_prints_the_icons_and_the_chart(db):
    _world()
    reader = PdfReader(io.BytesIO(render_pdf(_report(spc_charts=True))))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Variation: ▲ H Improvement (high)" in text
    assert "RISE: SPC chart of 13 points" in text
    assert "Special cause variation (SPC) by director" in text


def test_the_command_writes_the_spc_charts_when_asked(db, tmp_path: Path):
    _world()
    output = tmp_path / "report.html"
    call_command(
        "report",
        "quarterly",
        "--period",
        LAST.key,
        "--format",
        "html",
        "--output",
        str(output),
        "--spc-charts",
        stdout=io.StringIO(),
    )
    assert "SPC chart of 13 points" in output.read_text()


def test_the_reports_page_offers_the_spc_charts(client, viewer, db):
    _world()
    client.force_login(viewer)
    page = unescape(client.get("/reports/").content.decode())
    assert 'name="spc_charts"' in page
    assert "With each indicator's SPC chart" in page
    report = client.get(f"/reports/?period={LAST.key}&spc_charts=on&format=html")
    assert "SPC chart of 13 points" in report.content.decode()
    plain = client.get(f"/reports/?period={LAST.key}&format=html")
    assert "SPC chart of 13 points" not in plain.content.decode()
