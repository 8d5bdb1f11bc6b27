"""The priority report (seed 000) from the demo data, opened with each format's own library.

Priority 1 – Safe & Protected of the Council Business Plan 2012/13 for Quarter 1 2012/13: the
seed's success measures and symbols (37.47 / 36.00 / red diamond for 2042SC), its milestones
with their due dates, then each action with its owner, activity updates and completion.
"""

import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from boardpack.core.periods import Month
from boardpack.demo.priority_plan import PRIORITY_PLAN_NAME, load_demo_priority_plan
from boardpack.plans.models import Plan
from boardpack.reports.builders.priority import PriorityQuery, build_priority
from boardpack.reports.render.docx import render_docx
from boardpack.reports.render.pdf import render_pdf
from boardpack.reports.render.xlsx import render_xlsx
from boardpack.scorecard.selectors import current_scheme

MEASURES = [
    ("LAC per 10,000 population aged under 18 (2042SC)", "37.47", "36.00", "Worse than target"),
    (
        "No. subject to a CPP per 10,000 population <18 (2023SC)",
        "17.01",
        "19.00",
        "Better than target",
    ),
    ("Rate of permanent exclusions from school.", "0.11 (2011-12)", "0.13 (2011-12)", ""),
    ("% LAC (> 20 days) with a PEP (CS108)", "90.21%", "94.00%", "Within tolerance"),
    (
        "Ratio of active TAC cases to open social care referrals (CS143)",
        "0.31",
        "1.80",
        "Worse than target",
    ),
]
"""The seed's table of success measures: measure, actual, target and symbol (the exclusions
rate is not a demo indicator: its figures are printed as written and not judged)."""
OWNERS = [
    "Action 1: Head of Safeguarding Service",
    "Action 2: Head of Safeguarding Service",
    "Action 3: Head of Inclusion Service",
    "Action 4: Head of the Virtual School for Looked After Children",
    "Action 5: Head of Early Help Service",
    "Action 6: Assistant Director – Children's Social Care",
    "Action 7: LSCB Business Manager",
]


@pytest.fixture
def plan(demo_data) -> Plan:
    load_demo_priority_plan()
    return Plan.objects.get(name=PRIORITY_PLAN_NAME)


@pytest.fixture
def document(plan):
    query = PriorityQuery(plan=plan, objective=plan.objectives.get(number=1), month=Month(2012, 6))
    return build_priority(query, scheme=current_scheme())


def _texts(row) -> tuple[str, ...]:
    return tuple(cell.mark.text if cell.mark else cell.text for cell in row)


def test_the_priority_its_aim_and_its_success_measures(document):
    assert document.title == "Priority 1 – Safe & Protected: Quarter 1 2012/13"
    priority = document.sections[0]
    aim, measures, _milestones = priority.blocks
    assert aim.text.startswith("We want to work with all families to protect children")
    assert measures.header == (
        "Success measure",
        "Actual Q1 2012/13",
        "Target Q1 2012/13",
        "Symbol Q1 2012/13",
    )
    rows = [_texts(row) for row in measures.rows]
    assert [row[:3] for row in rows] == [m[:3] for m in MEASURES]
    assert [row[3] for row in rows] == [m[3] or "Not judged (figures as written)" for m in MEASURES]
    lac = measures.rows[0]
    assert (lac[3].mark.glyph, lac[3].mark.key) == ("◆", "red-diamond")
    assert lac[1].number is not None
    assert float(lac[1].number) == 37.47


def test_the_milestones_with_due_dates_and_completion(document):
    milestones = document.sections[0].blocks[2]
    assert milestones.header == ("Milestone", "Due", "Completion", "Status")
    munro, needs = (_texts(row) for row in milestones.rows)
    assert munro[0].startswith("Compliance with the recommendation of the Munro Review")
    assert munro[1:3] == ("April 2012", "Not completed")
    assert needs[0].startswith('Roll out of "Meeting the Needs of Children in Lincolnshire"')
    assert needs[1:3] == ("April 2012", "April 2012")


def test_each_action_with_its_owner_activity_updates_and_completion(document):
    actions = [s for s in document.sections if s.level == 2]
    assert [s.heading for s in actions] == OWNERS
    one = actions[0]
    assert one.blocks[0].text == "Looked After Children per 10,000 population aged under 18."
    measure = one.blocks[1]
    assert _texts(measure.rows[0]) == MEASURES[0]
    updates = one.blocks[2]
    assert updates.header == ("Date", "Activity update")
    ((when, text),) = (_texts(row) for row in updates.rows)
    assert when == "September 12"
    assert text.startswith("Although the number of LAC children has increased")
    assert "connected persons.\nChanges in Case law around homeless" in text
    six = actions[5]
    assert len(six.blocks[2].rows) == 4
    assert _texts(six.blocks[2].rows[1])[1] == (
        "The recently updated action plan has been shared with LSCB. Completion: "
        "Completed September 2012"
    )
    assert six.blocks[3].text == "Completion: March 2013 (due 31/03/2013)"
    assert actions[6].blocks[-1].text == (
        "Completion: April 2012 (due 30/04/2012); Blue: action complete and closed."
    )


def test_the_pdf(document):
    reader = PdfReader(io.BytesIO(render_pdf(document)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in (
        "Priority 1 – Safe & Protected",
        "37.47",
        "36.00",
        "◆ Worse than target",
        "17.01",
        "April 2012",
        "Action 7: LSCB Business Manager",
        "Activity updates",
    ):
        assert expected in text, expected
    footer = reader.pages[1].extract_text()
    assert "Example County Council – Priority 1 – Safe & Protected: Quarter 1 2012/13" in footer
    # The figures' headers wrap within their columns instead of running into each other.
    assert "2012/13Target" not in text
    assert "2012/13Symbol" not in text
    assert "Actual Q1\n2012/13\nTarget Q1\n2012/13" in text


def test_the_word_document(document):
    word = WordDocument(io.BytesIO(render_docx(document)))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Priority 1 – Safe & Protected"
    assert headings[2:] == OWNERS
    measures = word.tables[0]
    assert [c.text for c in measures.rows[1].cells] == [
        "LAC per 10,000 population aged under 18 (2042SC)",
        "37.47",
        "36.00",
        "◆ Worse than target",
    ]
    milestones = word.tables[1]
    assert [c.text for c in milestones.rows[2].cells][1:3] == ["April 2012", "April 2012"]
    assert any(
        "Although the number of LAC children" in c.text for t in word.tables for c in t._cells
    )


def test_the_workbook(document):
    workbook = load_workbook(io.BytesIO(render_xlsx(document)))
    assert workbook.sheetnames == ["Contents", "Priority", "Actions"]
    rows = list(workbook["Priority"].iter_rows(values_only=True))
    lac = next(r for r in rows if r[0] and str(r[0]).startswith("LAC per 10,000"))
    assert lac[1:4] == (37.47, 36, "◆ Worse than target")
    actions = [r[0] for r in workbook["Actions"].iter_rows(values_only=True) if r[0]]
    assert [a for a in actions if str(a).startswith("Action ")] == OWNERS


def test_the_command_and_its_mistakes(plan, tmp_path):
    output = tmp_path / "priority.pdf"
    args = ["report", "priority", "--plan", PRIORITY_PLAN_NAME, "--objective", "1"]
    call_command(*args, "--period", "2012-06", "--format", "pdf", "--output", output)
    assert PdfReader(output).pages
    with pytest.raises(CommandError, match="has no objective '2' \\(its objectives: 1\\)"):
        call_command(*args[:-1], "2", "--period", "2012-06", "--format", "pdf", "--output", output)
    with pytest.raises(CommandError, match="period"):
        call_command(*args, "--period", "June", "--format", "pdf", "--output", output)


def test_the_reports_page_offers_and_serves_it(client, viewer, plan):
    client.force_login(viewer)
    html = client.get("/reports/").content.decode()
    objective = plan.objectives.get(number=1)
    # The priority with measures is chosen first.
    assert (
        f'<option value="{objective.pk}" selected>Council Business Plan 2012/13: Priority 1' in html
    )
    response = client.get(f"/reports/priority/?priority={objective.pk}&period=2012-06&format=html")
    assert response.status_code == 200
    assert "37.47" in response.content.decode()
    response = client.get(f"/reports/priority/?priority={objective.pk}&period=nope")
    assert response.status_code == 400
