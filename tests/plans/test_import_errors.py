"""A tracker that cannot be read is refused whole: every problem named, nothing written."""

import pytest

from boardpack.core.problems import ImportFailed
from boardpack.plans.models import Action, BragChange, Objective, Plan, ProgressEntry
from tests.plans.trackers import HEADER, action, import_tracker, workbook_bytes

OBJECTIVE = ["Objective 1 – Our Children have a voice"]
GOOD = action("1", activity="Listen", progress="14.05.19 - done", timescale="Nov-19", brag="Red")


def _refused(sheets, **kwargs) -> list[str]:
    with pytest.raises(ImportFailed) as failure:
        import_tracker(sheets, **kwargs)
    assert not any(
        model.objects.exists() for model in (Plan, Objective, Action, ProgressEntry, BragChange)
    )
    return [str(error) for error in failure.value.errors]


def test_a_file_with_no_header_row_is_refused(db):
    errors = _refused({"Notes": [["Some notes"], ["Ref", "Progress"]]})
    assert errors == [
        "tracker.xlsx: no header row found: a tracker needs a row naming its columns, at least "
        "Ref and Activity and 2 more of Ref, Getting to Good Plan Ref, Activity, Progress, "
        "Evidence, Metric, Current Data & Date, Target Data & Date, Responsible Service, "
        "Timescales, BRAG, within the first 50 rows"
    ]


def test_an_action_before_any_objective_is_refused_with_sheet_row_and_column(db):
    errors = _refused({"Plan": [["Title"], HEADER, GOOD, OBJECTIVE, GOOD]})
    assert errors == [
        "tracker.xlsx, sheet 'Plan', row 3, column 'REF': an action before any objective row "
        "(`Objective 1 – …`)"
    ]


def test_every_problem_on_every_sheet_is_listed_together(db):
    long_text = "This sentence sits in the Ref column where a ref belongs"
    errors = _refused(
        {
            "Open": [HEADER, OBJECTIVE, GOOD, [long_text], OBJECTIVE],
            "Closed": [
                ["Ref", "Activity", "Progress", "Timescales", "Timescale", "BRAG"],
                OBJECTIVE,
                ["2", "Listen"],
            ],
        }
    )
    assert errors == [
        "tracker.xlsx, sheet 'Open', row 4, column 'REF': 'This sentence sits in the Ref column "
        "where a ref belongs' does not look like a ref (at most 30 characters and three words); "
        "an objective row starts `Objective 1 – …`",
        "tracker.xlsx, sheet 'Open', row 5, column 'REF': objective 1 already starts earlier on "
        "this sheet",
        "tracker.xlsx, sheet 'Closed', row 1, column 'Timescale': means the same as 'Timescales'",
    ]


def test_an_objective_row_with_other_cells_filled_is_refused(db):
    errors = _refused({"Plan": [HEADER, [*OBJECTIVE, "stray"], GOOD]})
    assert errors == [
        "tracker.xlsx, sheet 'Plan', row 2, column 'REF': an objective row has its text in one "
        "cell; also in Getting to Good Plan Ref"
    ]


def test_a_csv_cell_a_spreadsheet_could_not_hold_is_refused(db):
    csv = f"Ref,Activity,Progress,Timescales\nObjective 1 – Voice\n1,tab\x01here,{'x' * 32_768},\n"
    errors = _refused(csv.encode(), name="tracker.csv")
    assert errors == [
        "tracker.csv, row 3, column 'Activity': holds a control character (U+0001) a cell "
        "cannot hold"
    ]
    csv = f"Ref,Activity,Progress,Timescales\nObjective 1 – Voice\n1,Listen,{'x' * 32_768},\n"
    assert _refused(csv.encode(), name="tracker.csv") == [
        "tracker.csv, row 3, column 'Progress': holds more than 32767 characters"
    ]


def test_a_plan_needs_a_name(db):
    errors = _refused({"Plan": [HEADER, OBJECTIVE, GOOD]}, plan="  ")
    assert errors == ["tracker.xlsx: the plan needs a name (--name)"]


def test_a_csv_error_names_no_sheet(db):
    csv = "Ref,Activity,Progress,Timescales\n1,Listen,,Nov-19\n"
    errors = _refused(csv.encode(), name="tracker.csv")
    assert errors == [
        "tracker.csv, row 2, column 'Ref': an action before any objective row (`Objective 1 – …`)"
    ]


def test_a_refused_reimport_leaves_the_plan_as_it_was(db):
    import_tracker({"Plan": [HEADER, OBJECTIVE, GOOD]})
    before = list(Action.objects.values_list("ref", "activity", "brag"))
    with pytest.raises(ImportFailed):
        import_tracker({"Plan": [HEADER, ["2", "Before an objective"], OBJECTIVE, GOOD]})
    assert list(Action.objects.values_list("ref", "activity", "brag")) == before
    assert Action.objects.get().history.count() == 1


def test_a_file_that_is_not_a_spreadsheet_is_refused(db):
    errors = _refused(b"PK\x03\x04 not really a zip", name="tracker.xlsx")
    assert len(errors) == 1
    assert errors[0].startswith("tracker.xlsx: is not a readable XLSX")


def test_messy_cells_are_not_errors(db):
    messy = action("", activity="No ref", timescale="31/04/19", brag="Gren")
    report = import_tracker({"Plan": [HEADER, OBJECTIVE, messy, workbook_row_with_extra()]})
    assert "2 created" in str(report)


def workbook_row_with_extra() -> list[str]:
    return [*action("2", activity="Extra cells", timescale="Nov1-9"), "beyond", "the header"]


def test_bytes_helper_writes_every_sheet():
    data = workbook_bytes({"A": [["x"]], "B": [["y"]]})
    assert data[:2] == b"PK"
