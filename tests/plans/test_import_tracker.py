"""A tracker with every mess the issue lists imports losslessly: fields, flags, every cell."""

from datetime import date

import pytest

from boardpack.plans.models import Action, Objective, Plan
from tests.plans.trackers import HEADER, LINES, MESSY, PARAGRAPH, import_tracker, names_to_link


@pytest.fixture
def imported(db):
    names_to_link()
    return import_tracker()


def _action(ref: str, sheet: str = "Delivery Plan") -> Action:
    return Action.objects.get(ref=ref, sheet=sheet)


def test_it_skips_title_rows_and_reads_the_plan_and_its_period(imported):
    plan = Plan.objects.get()
    assert (plan.name, plan.slug) == (
        "Corporate Parenting Strategy Delivery Plan",
        "corporate-parenting-strategy-delivery-plan",
    )
    assert plan.period == "November 2018 – March 2020"
    assert (plan.period_start, plan.period_end) == (date(2018, 11, 1), date(2020, 3, 31))
    assert plan.source_file == "tracker.xlsx"
    first = plan.layout["sheets"][0]
    assert first["name"] == "Delivery Plan"
    assert first["title_rows"][0][0] == MESSY["Delivery Plan"][0][0]
    assert first["header"][: len(HEADER)] == HEADER
    assert [s["name"] for s in plan.layout["sheets"]] == ["Delivery Plan", "Completed"]


def test_it_reads_objectives_with_their_aim_and_how(imported):
    one, two = Objective.objects.order_by("number")
    assert (one.number, one.title) == (1, "Our Children and Young People have a voice")
    assert one.aim == "'To ensure that children and young people are consulted'."
    assert one.how_achieve == "'We will engage our young people.'"
    assert (two.number, two.title, two.aim, two.how_achieve) == (
        2,
        "Children can remain safely at home",
        "'To ensure early support'",
        "",
    )
    assert set(one.source_cells) == {"Delivery Plan", "Completed"}
    assert one.source_cells["Delivery Plan"]["how"] == [
        "How will we Achieve this:",
        "'We will engage our young people.'",
    ]


def test_every_action_in_order_with_its_objective(imported):
    rows = list(Action.objects.order_by("order").values_list("ref", "objective__number", "sheet"))
    assert rows == [
        ("1", 1, "Delivery Plan"),
        ("7b", 1, "Delivery Plan"),
        ("5a-c", 1, "Delivery Plan"),
        ("10b.i", 1, "Delivery Plan"),
        ("12b", 2, "Delivery Plan"),
        ("12d", 2, "Delivery Plan"),
        ("9", 2, "Delivery Plan"),
        ("16", 1, "Completed"),
    ]


def test_every_field_of_an_action(imported):
    action = _action("1")
    assert action.source_row == 9
    assert (action.ref, action.parent_refs, action.activity) == ("1", "", "Identify champions")
    assert (action.evidence, action.metric, action.metric_indicator.code) == (
        "Minutes",
        "CS143",
        "CS143",
    )
    assert (action.current_text, action.target_text) == ("Total 3 15.01.19", "")
    assert action.responsible == "Improvement Partner"
    assert list(action.responsible_people.values_list("name", flat=True)) == ["Improvement Partner"]
    assert (action.timescale_text, action.due_date, action.ongoing) == (
        "Nov-19",
        date(2019, 11, 30),
        False,
    )
    assert (action.brag, action.flags, action.duplicate_of) == ("green", [], None)


def test_refs_as_written_and_parent_plan_refs(imported):
    assert _action("7b").parent_refs == "2.1.1 4.4.6"
    assert {"1", "7b", "5a-c", "10b.i"} <= set(Action.objects.values_list("ref", flat=True))


@pytest.mark.parametrize(
    ("ref", "written", "due", "ongoing", "flags"),
    [
        ("1", "Nov-19", date(2019, 11, 30), False, []),
        ("7b", "30th April 2020", date(2020, 4, 30), False, []),
        ("5a-c", "Ongoing-Mar-20", date(2020, 3, 31), True, []),
        ("10b.i", "01/03/2019 and ongoing", date(2019, 3, 1), True, ["B.R.A.G."]),
        ("12b", "Spring Term 2019 - Nov 19", date(2019, 11, 30), False, []),
        ("12d", "31/04/19", None, False, ["L", "Timescale"]),
        ("16", "Complete", None, False, []),
    ],
)
def test_timescales_as_written_with_due_date_ongoing_and_flags(
    imported, ref, written, due, ongoing, flags
):
    action = Action.objects.get(ref=ref)
    assert (action.timescale_text, action.due_date, action.ongoing) == (written, due, ongoing)
    assert [flag.split(":")[0] for flag in action.flags] == flags


def test_an_impossible_day_is_flagged_never_guessed(imported):
    assert _action("12d").flags[1] == (
        "Timescale: 31/04/19 is not a date that exists (dates are read day/month/year)"
    )


@pytest.mark.parametrize(
    ("ref", "written", "brag"),
    [("1", "green", "green"), ("7b", "Blu", "blue"), ("5a-c", None, ""), ("9", "Red", "red")],
)
def test_brag_in_any_case_and_misspelt(imported, ref, written, brag):
    action = Action.objects.get(ref=ref)
    assert action.brag == brag
    assert action.source_cells.get("B.R.A.G.") == written


def test_two_statuses_in_one_cell_are_kept_and_flagged(imported):
    action = _action("10b.i")
    assert action.brag == ""
    assert action.source_cells["B.R.A.G."] == "Amber/Green"
    assert action.flags == ["B.R.A.G.: 'Amber/Green' names more than one status (Amber, Green)"]


def test_each_status_read_is_a_confirmed_brag_change_naming_the_file(imported):
    change = _action("7b").brag_changes.get()
    assert (change.brag, change.previous, change.confirmed) == ("blue", "", True)
    assert change.reason == "import: tracker.xlsx (BRAG written 'Blu')"
    assert not _action("5a-c").brag_changes.exists()


def test_progress_run_together_in_a_paragraph(imported):
    entries = list(_action("1").progress_entries.values_list("date", "text", "raw", "marker"))
    assert entries == [
        (None, "Agreed at SMT 15.01.19.", "Agreed at SMT 15.01.19.", ""),
        (date(2019, 3, 26), "Meeting arranged", "26.03.19 - Meeting arranged", "26.03.19"),
        (
            date(2019, 5, 14),
            "JL advised EG confirmed that this paused",
            "14.05.19 - JL advised EG confirmed that this paused",
            "14.05.19",
        ),
    ]
    assert " ".join(raw for _, _, raw, _ in entries) == PARAGRAPH


def test_progress_at_line_starts_with_month_headings_and_authors(imported):
    entries = list(
        _action("7b").progress_entries.values_list("date", "author", "text", "month_only")
    )
    assert entries == [
        (date(2019, 7, 31), "", "Panels set up", True),
        (date(2019, 8, 7), "", "Panel held", False),
        (date(2019, 5, 15), "BG", "performance to improve", False),
    ]
    assert "\n".join(_action("7b").progress_entries.values_list("raw", flat=True)) == LINES


def test_a_service_named_exactly_on_a_line_is_linked_never_guessed(imported):
    action = _action("7b")
    assert list(action.responsible_units.values_list("name", flat=True)) == [
        "Policy, Information & Commissioning"
    ]
    assert not action.responsible_people.exists()


def test_an_action_closed_as_a_duplicate_keeps_the_link(imported):
    duplicate = _action("12d")
    assert duplicate.duplicate_of == _action("12b")
    assert duplicate.brag == "blue"


def test_every_source_cell_is_kept_as_written(imported):
    for number, row in enumerate(MESSY["Delivery Plan"], start=1):
        action = Action.objects.filter(sheet="Delivery Plan", source_row=number).first()
        if action is None:
            continue
        written = {
            (HEADER[i] if i < len(HEADER) else "L"): text for i, text in enumerate(row) if text
        }
        assert action.source_cells == written


def test_the_report_lists_counts_and_every_flagged_cell(imported):
    lines = str(imported).splitlines()
    assert lines[0] == "tracker.xlsx: 19 row(s) read; 8 created, 0 updated, 0 unchanged"
    assert "plan: corporate-parenting-strategy-delivery-plan" in lines[1]
    assert "objectives: 2" in lines
    assert "actions: 8 (0 removed)" in lines
    assert "progress entries: 7" in lines
    assert "BRAG: Red 1, Amber 0, Green 2, Blue 3, none 2" in lines
    assert "duplicates linked: 1" in lines
    assert lines[lines.index("flagged cells: 3") + 1 :] == [
        "  sheet 'Delivery Plan', row 12, column 'B.R.A.G.': 'Amber/Green': 'Amber/Green' "
        "names more than one status (Amber, Green)",
        "  sheet 'Delivery Plan', row 15, column 'L': 'a note beside the table': text in a "
        "column without a header: kept as written",
        "  sheet 'Delivery Plan', row 15, column 'Timescale': '31/04/19': 31/04/19 is not a "
        "date that exists (dates are read day/month/year)",
    ]


def test_history_records_the_import(imported):
    action = _action("1")
    assert action.history.count() == 1
    assert action.history.first().history_change_reason == "import: tracker.xlsx"


def test_a_csv_tracker_is_one_sheet(db):
    rows = [
        [*HEADER],
        ["Objective 1 – Voice"],
        ["1", "", "Listen", "", "", "", "", "", "", "Nov-19"],
    ]
    csv = "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows)
    report = import_tracker(csv.encode(), name="tracker.csv")
    assert "1 created" in str(report)
    action = Action.objects.get()
    assert (action.sheet, action.source_row, action.due_date) == ("", 3, date(2019, 11, 30))
