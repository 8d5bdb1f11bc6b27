"""The quarterly report from the seed's data, opened with each format's own library."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from boardpack.core.periods import Month
from boardpack.reports.builders.quarterly import QuarterlyQuery, build_quarterly
from boardpack.reports.render.docx import render_docx
from boardpack.reports.render.html import render_html
from boardpack.reports.render.pdf import render_pdf
from boardpack.reports.render.xlsx import render_xlsx
from boardpack.scorecard.models import Comment, Indicator
from boardpack.scorecard.selectors import current_scheme

SECTION_ORDER = ["Worse than target", "Better than target", "Within tolerance"]


@pytest.fixture
def document(demo_data):
    return build_quarterly(QuarterlyQuery(Month(2012, 6)), scheme=current_scheme())


def _blocks(document):
    """(director, section, block) for every indicator block in reading order."""
    director = None
    for section in document.sections:
        if section.level == 1:
            director = section.heading
        for block in section.blocks:
            if block.kind == "indicator":
                yield director, section.heading, block


def test_every_indicator_appears_once_under_its_director_and_status(document):
    found = [(d, s, b.code) for d, s, b in _blocks(document)]
    codes = [code for _, _, code in found]
    assert sorted(codes) == sorted(Indicator.objects.values_list("code", flat=True))
    directors = dict(Indicator.objects.values_list("code", "directorate__name"))
    assert all(directors[code] == director for director, _, code in found)
    lac = next(b for _, s, b in _blocks(document) if b.code == "2042SC")
    assert lac.mark.text == "Worse than target"


def test_sections_come_red_then_green_then_blue_within_each_director(document):
    order = []
    for section in document.sections:
        if section.level == 1:
            order.append([])
        elif section.level == 2:
            order[-1].append(SECTION_ORDER.index(section.heading))
    assert all(group == sorted(group) for group in order)


def test_the_grid_is_twelve_months_of_actual_target_and_symbol(document):
    lac = next(b for _, _, b in _blocks(document) if b.code == "2042SC")
    assert lac.grid.header[1:4] == ("30/04/12", "31/05/12", "30/06/12")
    assert len(lac.grid.header) == 13
    actual, target, symbol = lac.grid.rows
    assert actual[3].text == "37.47"
    assert [c.text for c in target[1:]].count("36.00") == 4
    assert symbol[3].mark.glyph == "◆"
    # Printed as seed 001 prints it, one glyph; its words are there for a screen reader.
    grid = render_html(document).split("2042SC: actual, target and symbol by month")[1]
    symbols = grid.split('<th scope="row">Symbol</th>')[1].split("</tr>")[0]
    assert (
        '<span class="glyph" aria-hidden="true">◆</span>'
        '<span class="visually-hidden">Worse than target</span>'
    ) in symbols
    assert "> Worse than target" not in symbols


def test_the_summary_opens_with_a_bar_of_statuses_per_director(document):
    chart = document.sections[0].blocks[0]
    table = chart.data
    assert table.caption == "Indicators by director and status"
    assert [c.text for c in table.rows[-1]] == ["All directors", "17", "9", "7", "33"]
    assert chart.svg.count('class="bp-bar"') == len(table.rows) == 5
    assert 'aria-label="All directors: Worse than target: 17, Better than target: 9, ' in chart.svg


def test_commentary_is_the_approved_text_or_says_none_is_required(document):
    blocks = {b.code: b for _, _, b in _blocks(document)}
    assert blocks["2042SC"].commentary[0].subject == "Head of Service Commentary"
    assert blocks["2042SC"].commentary[0].text.startswith("Currently there are 520 children")
    assert blocks["NI063"].commentary == ()
    assert blocks["NI063"].no_comment_text == "No comment required (on target)"


def test_unapproved_commentary_is_listed_not_printed(demo_data):
    Comment.objects.filter(indicator__code="2042SC").update(state="submitted")
    document = build_quarterly(QuarterlyQuery(Month(2012, 6)), scheme=current_scheme())
    summary = document.sections[0]
    missing = summary.blocks[1]
    assert "2042SC" in [row[0].text for row in missing.rows]
    lac = next(b for _, _, b in _blocks(document) if b.code == "2042SC")
    assert lac.commentary == ()


def test_the_pdf_holds_each_indicator_its_values_and_commentary(document):
    reader = PdfReader(io.BytesIO(render_pdf(document)))
    pages = [page.extract_text() for page in reader.pages]
    # No indicator block is split across pages: each page's blocks end on it.
    for page in pages[2:]:
        assert page.count("Latest Comments") == page.count("Polarity:"), page
    text = re.sub(r"\s+", " ", " ".join(pages))
    assert "Performance Report – Quarter 1 2012/13" in text
    for code in Indicator.objects.values_list("code", flat=True):
        assert f"{code}:" in text, code
    assert "37.47" in text
    assert "Currently there are 520 children looked after" in text
    assert "No comment required (on target)" in text


def test_the_word_paper_has_a_heading_per_director_and_indicator(document):
    word = WordDocument(io.BytesIO(render_docx(document)))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Assistant Director – Children's Social Care" in headings
    assert "2042SC: LAC per 10,000 population aged under 18" in headings
    # each measure's trend, and the summary's bars of statuses
    assert len(word.inline_shapes) == Indicator.objects.filter(kind="measure").count() + 1
    grid = next(t for t in word.tables if t.rows[0].cells[3].text == "30/06/12")
    assert grid.rows[1].cells[0].text == "Actual"


def test_the_workbook_has_a_sheet_per_director_with_numbers(document):
    workbook = load_workbook(io.BytesIO(render_xlsx(document)))
    assert len(workbook.sheetnames) == 6
    assert workbook.sheetnames[:2] == ["Contents", "Summary"]
    numbers = [
        c.value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, float)
    ]
    assert 37.47 in numbers


def test_the_workbook_reads_as_a_spreadsheet(document):
    """Full sheet names, percentages as numbers shown with their sign, widths set, and each
    measure's trend as Excel's own chart."""
    workbook = load_workbook(io.BytesIO(render_xlsx(document)))
    assert "AD – Children's Social Care" in workbook.sheetnames
    assert all(len(name) <= 31 for name in workbook.sheetnames)
    sheet = workbook["AD – Children's Social Care"]
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [
        c.value for c in cells if isinstance(c.value, str) and re.fullmatch(r"[\d.]+%", c.value)
    ]
    percentages = [c for c in cells if c.number_format == '0.0"%"']
    assert percentages
    assert all(isinstance(c.value, int | float) for c in percentages)
    assert sheet.column_dimensions["B"].width > 8
    measures = Indicator.objects.filter(
        kind="measure", directorate__name="Assistant Director – Children's Social Care"
    )
    charts = sum(len(each._charts) for each in workbook.worksheets)
    assert charts == Indicator.objects.filter(kind="measure").count()
    assert len(sheet._charts) == measures.count()


def test_the_same_data_gives_the_same_document(demo_data):
    first = build_quarterly(QuarterlyQuery(Month(2012, 6)), scheme=current_scheme())
    second = build_quarterly(QuarterlyQuery(Month(2012, 6)), scheme=current_scheme())
    assert first == second
    assert first.data_date.isoformat() == "2012-06-30"


def test_the_report_query_count_does_not_grow_with_indicators(
    demo_data, django_assert_max_num_queries
):
    # 8 for the report, 6 for the SPC icons worked out and kept (1 once they are kept).
    with django_assert_max_num_queries(14) as few:
        build_quarterly(QuarterlyQuery(Month(2012, 6)), scheme=current_scheme())
    Indicator.objects.filter(code__startswith="CS").delete()
    with django_assert_max_num_queries(len(few)):
        build_quarterly(QuarterlyQuery(Month(2012, 6)), scheme=current_scheme())


def test_the_cli_writes_a_filtered_report(demo_data, tmp_path: Path):
    output = tmp_path / "q1.xlsx"
    call_command(
        "report",
        "quarterly",
        "--period",
        "2012-06",
        "--format",
        "xlsx",
        "--output",
        str(output),
        "--director",
        "Assistant Director – Additional Needs",
        stdout=io.StringIO(),
    )
    workbook = load_workbook(output)
    assert workbook.sheetnames == ["Contents", "Summary", "AD – Additional Needs"]


def test_the_cli_names_an_unknown_director(demo_data, tmp_path: Path):
    with pytest.raises(CommandError, match="director 'Nobody' is not known"):
        call_command(
            "report",
            "quarterly",
            "--period",
            "2012-06",
            "--format",
            "pdf",
            "--output",
            str(tmp_path / "x.pdf"),
            "--director",
            "Nobody",
        )


def test_the_reports_page_previews_and_downloads(client, viewer, demo_data):
    client.force_login(viewer)
    assert b"Quarterly performance report" in client.get("/reports/").content
    preview = client.get("/reports/?period=2012-06&format=html")
    assert b"2042SC: LAC per 10,000" in preview.content
    download = client.get("/reports/?period=2012-06&format=docx")
    assert download["Content-Disposition"] == (
        'attachment; filename="performance-report-quarter-1-2012-13.docx"'
    )


def test_the_reports_page_needs_a_sign_in(client, db):
    assert client.get("/reports/?period=2012-06&format=pdf").status_code == 302
