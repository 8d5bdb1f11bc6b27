"""The committee appendix: linked indicators per director beside England, region and
neighbours, with rank, quartile and trend, in the four formats, each opened by its library."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from boardpack.reports.builders.appendix import AppendixQuery, build_appendix
from boardpack.reports.document import Chart, Table
from boardpack.reports.render.docx import render_docx
from boardpack.reports.render.html import render_html
from boardpack.reports.render.pdf import render_pdf
from boardpack.reports.render.xlsx import render_xlsx
from tests.benchmarks.conftest import bench_dir, link, linked, loaded  # noqa: F401

pytestmark = pytest.mark.usefixtures("linked")
DIRECTOR = "Assistant Director – Children's Social Care"


def _texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def _section(document, heading):
    return next(s for s in document.sections if s.heading == heading)


def test_each_director_lists_its_linked_indicators_latest_figures():
    document = build_appendix(AppendixQuery(year=2024))
    assert document.title == "Committee appendix – benchmarks 2024"
    table = _section(document, DIRECTOR).blocks[0]
    assert table.header == (
        "Code",
        "Indicator",
        "Year",
        "Value",
        "England",
        "Neighbours",
        "Quartile",
        "Trend",
    )
    assert [[row[0], *row[2:]] for row in _texts(table)] == [
        ["2042SC", "2024", "68", "69", "70.5", "B", "↑ Improving"],
        ["NI065", "2024", "19.3", "22.0", "23.8", "A", "No earlier value"],
        ["NI148", "2023/24", "40.0", "50.0", "27.8", "C", "↓ Worsening"],
    ]
    assert [cell.number for cell in table.rows[0][3:6]] == [68, 69, Decimal("70.5")]


def test_the_appendix_opens_with_a_committee_report_front_sheet():
    """As seeds 003 and 004: the report's title, purpose, recommendations and reason, then
    numbered paragraphs saying what the figures show."""
    front = build_appendix(AppendixQuery(year=2024)).sections[0]
    texts = [block.text for block in front.blocks]
    assert front.heading == "Committee report"
    assert texts[0].startswith("Report title: ")
    headings = [t for t in texts if t[0].isdigit() and ". " in t[:3]]
    assert headings == [
        "1. Purpose of the report",
        "2. Recommendations",
        "3. Reason for recommendations",
        "4. What the figures show",
        "5. By director",
    ]
    assert "2.1 That the committee consider and note the report." in texts
    assert "4.1 Of the 3 indicators, 1 in quartile A, 1 in quartile B, 1 in quartile C, 0 in " in (
        "\n".join(texts)
    )
    assert (
        f"5.1 {DIRECTOR}: 1 in quartile A, 1 in quartile B, 1 in quartile C, 0 in quartile D."
        in (texts)
    )


def test_each_indicator_has_its_comparison_and_chart():
    document = build_appendix(AppendixQuery(year=2024))
    section = _section(document, "2042SC: LAC per 10,000 population aged under 18")
    about, detail, chart = section.blocks
    assert "Polarity: Smaller is better (the indicator's: the published measure gives none)" in (
        about.text
    )
    assert _texts(detail) == [["2024", "68", "69", "94", "70.5", "2 of 3", "2 of 4", "B"]]
    assert isinstance(chart, Chart)
    assert chart.svg.startswith("<svg")
    assert _texts(chart.data) == [
        ["2023", "74", "70", "96", "74.0"],
        ["2024", "68", "69", "94", "70.5"],
    ]


def test_an_earlier_year_shows_the_figures_of_that_time():
    table = _section(build_appendix(AppendixQuery(year=2023)), DIRECTOR).blocks[0]
    assert [[row[0], *row[2:4], *row[6:]] for row in _texts(table)] == [
        ["2042SC", "2023", "74", "C", "No earlier value"],
        ["NI065", "No figures", "", "", ""],
        ["NI148", "2022/23", "41.0", "D", "No earlier value"],
    ]


def test_the_summary_counts_quartiles_per_director():
    summary = _section(build_appendix(AppendixQuery()), "About these figures")
    table = next(b for b in summary.blocks if isinstance(b, Table))
    assert _texts(table) == [[DIRECTOR, "1", "1", "1", "0", "0", "3"]]
    assert "Open Government Licence" in summary.blocks[-1].text


def test_without_the_authority_the_appendix_says_so(settings):
    settings.BOARDPACK_AUTHORITY_NUMBER = 1
    document = build_appendix(AppendixQuery(year=2024))
    assert document.sections[0].heading == "No benchmarks"


def test_the_appendix_costs_a_fixed_number_of_queries():
    with CaptureQueriesContext(connection) as three:
        build_appendix(AppendixQuery(year=2024))
    link("CS143", "LOWP", "bigger")
    link("NI064", "PCT")
    with CaptureQueriesContext(connection) as five:
        build_appendix(AppendixQuery(year=2024))
    assert len(three) == len(five)


def test_the_pdf_prints_the_figures():
    pdf = PdfReader(io.BytesIO(render_pdf(build_appendix(AppendixQuery(year=2024)))))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Committee appendix – benchmarks 2024" in text
    for expected in ("2042SC", "68", "70.5", "2 of 4", "↑ Improving", "27.8", "3 of 4"):
        assert expected in text
    # The chart data's headers whole: the table below its chart, not squeezed beside it.
    assert "Year Lancashire England North West Neighbours' mean" in text


def test_the_word_paper_has_the_tables():
    word = WordDocument(io.BytesIO(render_docx(build_appendix(AppendixQuery(year=2024)))))
    rows = [[cell.text for cell in row.cells] for t in word.tables for row in t.rows]
    assert [
        "2042SC",
        "LAC per 10,000 population aged under 18",
        "2024",
        "68",
        "69",
        "70.5",
        "B",
        "↑ Improving",
    ] in rows
    assert ["2024", "68", "69", "94", "70.5", "2 of 3", "2 of 4", "B"] in rows
    assert len(word.inline_shapes) == 3


def test_the_workbook_has_numbers_as_numbers():
    book = load_workbook(io.BytesIO(render_xlsx(build_appendix(AppendixQuery(year=2024)))))
    sheet = DIRECTOR.replace("Assistant Director", "AD")  # 31 characters at most, whole words
    assert book.sheetnames == ["Contents", "Committee report", "Summary", sheet]
    rows = [list(row) for row in book[sheet].iter_rows(values_only=True)]
    assert (
        "2042SC",
        "LAC per 10,000 population aged under 18",
        "2024",
        68,
        69,
        70.5,
        "B",
        "↑ Improving",
    ) in [tuple(r[:8]) for r in rows]
    assert ["2024", 68, 69, 94, 70.5, "2 of 3", "2 of 4", "B"] in [list(r[:8]) for r in rows]


def test_the_same_data_gives_the_same_document():
    first = render_html(build_appendix(AppendixQuery(year=2024)))
    assert first == render_html(build_appendix(AppendixQuery(year=2024)))
    assert render_docx(build_appendix(AppendixQuery(year=2024))) == render_docx(
        build_appendix(AppendixQuery(year=2024))
    )


def test_the_report_command_writes_the_appendix(tmp_path):
    out = io.StringIO()
    path = tmp_path / "appendix.xlsx"
    call_command(
        "report",
        "appendix",
        "--year",
        "2024",
        "--format",
        "xlsx",
        "--output",
        str(path),
        stdout=out,
    )
    assert out.getvalue() == f"Committee appendix – benchmarks 2024: written to {path}\n"
    assert load_workbook(path)["Summary"]["A1"].value == "About these figures"


@pytest.mark.parametrize("role", ["officer", "owner", "viewer", "delegate"])
def test_every_signed_in_role_reads_the_appendix(client, request, role):
    client.force_login(request.getfixturevalue(role))
    page = client.get(reverse("reports")).content.decode()
    assert 'action="/reports/appendix/"' in page
    assert '<option value="2024">2024</option>' in page
    html = client.get(reverse("report-appendix"), {"year": "2024", "format": "html"})
    assert html.status_code == 200
    assert "Committee appendix – benchmarks 2024" in html.content.decode()
    download = client.get(reverse("report-appendix"), {"format": "docx"})
    assert download["Content-Disposition"] == (
        'attachment; filename="committee-appendix-benchmarks-2024.docx"'
    )


def test_a_visitor_must_sign_in_for_the_appendix(client):
    assert client.get(reverse("report-appendix")).status_code == 302


def test_a_year_not_offered_is_refused(client, viewer):
    client.force_login(viewer)
    assert client.get(reverse("report-appendix"), {"year": "1990"}).status_code == 400
