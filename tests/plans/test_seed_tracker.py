"""The demo tracker built from seed 002 holds every row of the seed's tables, and imports."""

import re
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from boardpack.accounts.models import Person
from boardpack.demo.management.commands.demo import PLAN_FILE, PLAN_NAME, SEED_DIR, load_demo_plan
from boardpack.plans.models import Action, Plan, ProgressEntry
from boardpack.plans.selectors import my_actions, plan_summary

SEED = next((Path(__file__).resolve().parents[3] / "shared" / "seeds").glob("002_*"))
SECTIONS = {
    "Delivery Plan": (74, 197),
    "Metrics": (202, 290),
    "Delivery Plan (cont.)": (295, 335),
    "Completed (Blue)": (356, 498),
}
"""Where each sheet's rows are in the seed's text (lines, from 1)."""
REF = re.compile(r"\d{1,2}[a-zA-Zа-я]{0,2}[\d.a-z\-, ]{0,8}|a -b|I0a")
EXPLAINED = {
    "Delivery Plan": (
        Counter({"4 4.4.7": 1}),  # ref 4 and its Getting to Good Plan ref 4.4.7, run together
        Counter({"4": 1, "": 3}),  # three rows whose ref the PDF lost
    ),
    "Metrics": (Counter({"4": 1}), Counter()),  # an OCR'd duplicate of the row's ref "1"
    "Delivery Plan (cont.)": (Counter(), Counter()),
    "Completed (Blue)": (
        # a page margin ("7") before 7a, 12 and 16, whose refs are in the second field; OCR'd
        # duplicate lines of rows 1, 4, 2 and 1a on the last (scanned) page
        Counter({"7": 1, "1": 1, "4": 1, "2": 1, "4-": 1}),
        Counter({"7a": 1, "12": 1, "16": 1}),
    ),
}
PEOPLE = ["Josie Lee", "Barbara Bath", "Brendan Lee", "Victoria Gent", "Audrey Swann"]
PEOPLE += ["Andy Smith", "Debbie Duffell", "Gavin Redhead", "Shaeda Alam", "Ruksana Mulla"]
PEOPLE += ["Sally Allen", "Chris Hayes", "Jane Booth", "Clare Platt", "Dave Carr", "A Smith"]


@pytest.fixture
def demo_plan(db):
    report = load_demo_plan()
    return Plan.objects.get(name=PLAN_NAME), report


def _seed_refs(first: int, last: int) -> Counter[str]:
    lines = SEED.read_text().split("\n")
    firsts = (lines[n - 1].split("\t")[0].strip() for n in range(first, last + 1))
    return Counter(ref for ref in firsts if REF.fullmatch(ref))


@pytest.mark.parametrize("sheet", list(SECTIONS))
def test_every_row_of_the_seed_is_an_action(demo_plan, sheet):
    imported = Counter(Action.objects.filter(sheet=sheet).values_list("ref", flat=True))
    seed = _seed_refs(*SECTIONS[sheet])
    assert (seed - imported, imported - seed) == EXPLAINED[sheet]


def test_the_seed_tracker_imports_with_its_objectives_actions_and_progress(demo_plan):
    plan, _ = demo_plan
    assert plan.objectives.count() == 9
    per_sheet = dict(Counter(plan.actions.values_list("sheet", flat=True)))
    assert per_sheet == {
        "Delivery Plan": 76,
        "Metrics": 26,
        "Delivery Plan (cont.)": 29,
        "Completed (Blue)": 65,
    }
    assert ProgressEntry.objects.filter(action__plan=plan).count() == 287
    totals = plan_summary(plan).totals
    assert {status.value if status else None: n for status, n in totals.items()} == {
        "red": 9,
        "amber": 13,
        "green": 103,
        "blue": 67,
        None: 4,
    }
    assert (plan.period_start.isoformat(), plan.period_end.isoformat()) == (
        "2018-11-01",
        "2020-03-31",
    )


def test_the_report_lists_every_flagged_cell(demo_plan):
    _, report = demo_plan
    lines = report.splitlines()
    assert "sheets skipped (no header row): 'Governance', 'Appendix'" in lines
    assert (
        "linked by exact name: 19 responsible people, 0 responsible services, 0 metrics to "
        "indicators"
    ) in lines
    flagged = lines[lines.index("flagged cells: 36") + 1 :]
    assert len(flagged) == 36
    for expected in [
        "sheet 'Delivery Plan (cont.)', row 30, column 'Timescales': '31/04/19': 31/04/19 is not "
        "a date that exists (dates are read day/month/year)",
        "sheet 'Completed (Blue)', row 86, column 'Timescales': 'Nov1-9': could not read "
        "'Nov1-9' as a date",
        "sheet 'Delivery Plan', row 93, column 'Timescales': '01./03/20': could not read "
        "'01./03/20' as a date",
        "sheet 'Delivery Plan (cont.)', row 20, column 'Ref': '5a5': objective 1 already has an "
        "action '5a5' (row 19)",
        "sheet 'Metrics', row 17, column 'Timescales': 'Quarterly Monitoring': 'Quarterly "
        "Monitoring' gives no due date",
    ]:
        assert f"  {expected}" in flagged


def test_the_duplicate_in_the_seed_is_linked(demo_plan):
    twelve_d = Action.objects.get(ref="12d")
    assert "Duplicate of 12b - Close" in twelve_d.activity
    assert (twelve_d.duplicate_of.ref, twelve_d.duplicate_of.objective.number) == ("12b", 3)


def test_the_plan_sits_under_its_parent_and_boards(demo_plan):
    plan, _ = demo_plan
    assert plan.parent.name == "Getting to Good Plan"
    assert plan.board.name == "Corporate Parenting Board"
    assert plan.board.parent.name == "Children's Services Improvement Board"
    assert plan.parent.board == plan.board.parent
    assert plan.board.programme_manager.name == "Project Manager"


def test_the_demo_leads_have_their_actions(demo_plan):
    lead = Person.objects.get(name="Strategic Lead for Care Leavers")
    refs = [(a.objective.number, a.ref) for a in my_actions(lead)]
    assert (3, "13c") in refs
    assert all(a.responsible.strip() == lead.name for a in my_actions(lead))


def test_loading_the_demo_plan_twice_changes_nothing(demo_plan):
    assert "0 created, 0 updated, 196 unchanged" in load_demo_plan()


def test_no_personal_name_is_in_the_demo_tracker():
    seed = SEED.read_text()
    assert all(name in seed for name in PEOPLE)
    workbook = load_workbook(SEED_DIR / PLAN_FILE, read_only=True)
    text = "\n".join(
        str(cell)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell
    )
    assert [name for name in PEOPLE if re.search(rf"\b{name}\b", text)] == []
    assert "JL advised" in text
