"""The delivery-plan report of the demo tracker (seed 002), opened with each format's library.

Every action once under its objective, the completed (Blue) ones gathered at the end as the
seed does, and the BRAG counts of the import's report.
"""

import io
import re
from collections import Counter
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Max
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from boardpack.demo.management.commands.demo import PLAN_NAME, load_demo_plan
from boardpack.plans.models import Plan, ProgressEntry
from boardpack.plans.services import progress_add
from boardpack.reports.builders.delivery_plan import ACTION_HEADER, PlanReportQuery
from boardpack.reports.builders.delivery_plan import build_delivery_plan as build
from boardpack.reports.render.docx import render_docx
from boardpack.reports.render.html import render_html
from boardpack.reports.render.pdf import render_pdf
from boardpack.reports.render.xlsx import render_xlsx

COMPLETED = "Completed actions (Blue)"
TOTALS = ["All objectives", "9", "13", "103", "67", "4", "196"]
"""Red, Amber, Green, Blue, no status and all: the import's BRAG counts (docs)."""


@pytest.fixture
def plan(db) -> Plan:
    load_demo_plan()
    return Plan.objects.get(name=PLAN_NAME)


@pytest.fixture
def document(plan):
    return build(PlanReportQuery(plan))


def _action_tables(document):
    """(section heading, level, whether after the completed heading, table) in order."""
    after = False
    for section in document.sections:
        after = after or section.heading == COMPLETED
        for block in section.blocks:
            if block.kind == "table" and block.header == ACTION_HEADER:
                yield section.heading, section.level, after, block


def test_every_action_appears_once_under_its_objective(document, plan):
    printed = Counter()
    for heading, _, _, table in _action_tables(document):
        for row in table.rows:
            printed[(heading, row[0].text, row[1].text)] += 1
    expected = Counter(
        (f"Objective {a.objective.number} – {a.objective.title}", a.ref or "(no ref)", a.activity)
        for a in plan.actions.select_related("objective")
    )
    assert sum(printed.values()) == 196
    assert printed == expected


def test_completed_blue_actions_are_gathered_at_the_end(document):
    for _, level, after, table in _action_tables(document):
        brags = {row[-1].mark.text for row in table.rows}
        if after:
            assert (level, brags) == (2, {"Blue"})
        else:
            assert level == 1
            assert "Blue" not in brags
    headings = [s.heading for s in document.sections]
    assert headings[0] == "BRAG summary"
    assert headings[1].startswith("Objective 1 – Our Children and Young People have a voice")
    assert headings.index(COMPLETED) == 10  # after the nine objectives' open actions


def test_the_summary_counts_brag_per_objective(document):
    summary = document.sections[0].blocks[0].data
    assert summary.header == (
        "Objective",
        "▲ Red",
        "◐ Amber",
        "✔ Green",
        "■ Blue",
        "– No status",
        "Total",
    )
    assert [c.text for c in summary.rows[-1]] == TOTALS
    one = summary.rows[0]
    assert one[0].text.startswith("Objective 1 – ")
    assert [c.number for c in one[1:]] == [0, 3, 41, 3, 0, 47]


def test_each_row_has_latest_progress_responsible_timescale_and_brag(document):
    rows = {row[1].text: row for _, _, _, table in _action_tables(document) for row in table.rows}
    one = rows[
        "Identify Internal Corporate Parent Champion leads for children in care and care leavers "
        "to champion the voice of the child"
    ]
    assert one[2].text.startswith("14.05.19 - ")
    assert one[3].text == "Improvement Partner"
    assert one[4].text == "31/12/19\n(due 31/12/2019)"
    assert (one[5].mark.glyph, one[5].mark.text) == ("✔", "Green")


def test_the_documents_date_is_the_newest_update_not_the_clock(plan, document, officer):
    newest = ProgressEntry.objects.filter(action__plan=plan).aggregate(last=Max("date"))["last"]
    assert document.data_date == newest == date(2019, 9, 30)
    assert "Progress recorded to 30 September 2019" in document.cover_lines
    assert build(PlanReportQuery(plan)) == document
    action = plan.actions.filter(ref="1").first()
    progress_add(action=action, day=date(2019, 10, 3), text="Champions met", user=officer)
    assert build(PlanReportQuery(plan)).data_date == date(2019, 10, 3)


def test_the_pdf(document):
    reader = PdfReader(io.BytesIO(render_pdf(document)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert reader.pages[1].mediabox.width > reader.pages[1].mediabox.height  # landscape
    assert "BRAG summary" in text
    assert text.index("Objective 9 – ") < text.index(COMPLETED)
    assert "Identify Internal Corporate Parent Champion" in text
    assert "Corporate Parenting Strategy Delivery Plan" in reader.pages[2].extract_text()
    # The web page's BRAG bars, one per objective with each part's glyph and count, then all.
    summary = reader.pages[1].extract_text()
    assert "Objective 1 – Our Children and Young People have a voice" in summary
    assert re.search(r"All objectives\s+▲\s+9\s+◐\s+13\s+✔\s+103\s+■\s+67", summary)


def test_the_word_document(document):
    word = WordDocument(io.BytesIO(render_docx(document)))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "BRAG summary"
    assert headings.index(COMPLETED) == 10
    summary = word.tables[0]
    assert [c.text for c in summary.rows[-1].cells] == TOTALS
    action_rows = [row for table in word.tables for row in table.rows[1:] if len(row.cells) == 6]
    assert len(action_rows) == 196
    assert word.sections[0].page_width > word.sections[0].page_height
    # BRAG as trackers show it: the cell filled with the status's colour, its word in it.
    fills = Counter(
        (row.cells[5].text, row.cells[5]._tc.tcPr.xpath("string(w:shd/@w:fill)"))
        for row in action_rows
    )
    assert fills[("◐ Amber", "F47738")] == 13
    assert fills[("▲ Red", "D4351C")] == 9


def test_the_workbook(document):
    workbook = load_workbook(io.BytesIO(render_xlsx(document)))
    assert workbook.sheetnames == [
        "Contents",
        "Summary",
        *(f"Objective {n}" for n in range(1, 10)),
        "Completed (Blue)",
    ]
    rows = list(workbook["Summary"].iter_rows(values_only=True))
    total = next(r for r in rows if r[0] == "All objectives")
    assert total[1:7] == (9, 13, 103, 67, 4, 196)
    brags = Counter(
        row[5]
        for sheet in workbook.worksheets[2:]
        for row in sheet.iter_rows(values_only=True)
        if row[5] and row[5] != "BRAG"
    )
    assert brags == {"▲ Red": 9, "◐ Amber": 13, "✔ Green": 103, "■ Blue": 67, "– No status": 4}
    assert sum(brags.values()) == 196
    filled = {
        cell.value: cell.fill.fgColor.rgb
        for sheet in workbook.worksheets[2:]
        for row in sheet.iter_rows()
        for cell in row
        if cell.column == 6 and cell.fill.fill_type == "solid"
    }
    assert filled["◐ Amber"].endswith("F47738")
    assert filled["✔ Green"].endswith("00703C")


def test_the_html_is_the_web_preview(document):
    html = render_html(document)
    assert (
        '<span class="mark mark--blue"><span class="glyph" aria-hidden="true">■</span> Blue' in html
    )
    assert "<colgroup>" in html
    # BRAG as trackers show it: a cell filled with the status's colour, its word in it.
    assert html.count('<td class="filled filled--amber"><span class="mark mark--amber">') == 13 + 1
    assert 'aria-hidden="true">◐</span> Amber</span></td>' in html


def test_the_summary_draws_a_brag_bar_per_objective(document):
    chart = document.sections[0].blocks[0]
    assert chart.data.caption == "Actions by objective and BRAG status"
    assert chart.svg.count('class="bp-bar"') == len(chart.data.rows)
    assert 'aria-label="All objectives: Red: 9, Amber: 13, Green: 103, Blue: 67, No status: 4"' in (
        chart.svg
    )


def test_the_command_writes_each_format(plan, tmp_path):
    for fmt in ("html", "pdf", "docx", "xlsx"):
        output = tmp_path / f"plan.{fmt}"
        call_command("report", "plan", "--plan", plan.slug, "--format", fmt, "--output", output)
        assert output.stat().st_size > 1000
    with pytest.raises(CommandError, match="plan 'Nope' is not known"):
        call_command("report", "plan", "--plan", "Nope", "--format", "pdf", "--output", output)


def test_the_reports_page_offers_and_serves_it(client, viewer, plan):
    client.force_login(viewer)
    html = client.get("/reports/").content.decode()
    assert 'action="/reports/plan/"' in html
    assert f'<option value="{plan.slug}"' in html
    response = client.get(f"/reports/plan/?plan={plan.slug}&format=docx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="corporate-parenting-strategy-delivery-plan.docx"'
    )
    response = client.get("/reports/plan/?plan=nope&format=pdf")
    assert response.status_code == 400
    assert "Choose a plan from the list" in response.content.decode()
