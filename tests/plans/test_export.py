"""Exports: the tracker XLSX imports back as the same plan; the JSON follows its schema."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from boardpack.plans.exports import plan_json, plan_xlsx
from boardpack.plans.models import Action, Plan
from boardpack.plans.services import (
    action_close_as_duplicate,
    brag_confirm,
    brag_propose,
    progress_add,
)
from tests.plans.trackers import import_tracker, names_to_link

ACTION_FIELDS = [
    "ref",
    "parent_refs",
    "activity",
    "evidence",
    "metric",
    "metric_indicator_id",
    "current_text",
    "target_text",
    "responsible",
    "timescale_text",
    "due_date",
    "ongoing",
    "flags",
    "brag",
    "sheet",
    "source_row",
    "source_cells",
]


def _content(plan: Plan) -> dict[str, object]:
    """Everything a plan holds, field by field, without database ids."""
    actions = plan.actions.order_by("order")
    return {
        "period": (plan.period, plan.period_start, plan.period_end),
        "layout": plan.layout,
        "objectives": list(
            plan.objectives.values("number", "title", "aim", "how_achieve", "source_cells")
        ),
        "actions": [
            {
                **{field: getattr(action, field) for field in ACTION_FIELDS},
                "objective": action.objective.number,
                "duplicate_of": action.duplicate_of.ref if action.duplicate_of else None,
                "people": sorted(action.responsible_people.values_list("name", flat=True)),
                "units": sorted(action.responsible_units.values_list("name", flat=True)),
                "progress": list(
                    action.progress_entries.values_list(
                        "date", "author", "text", "raw", "marker", "month_only", "flags"
                    )
                ),
            }
            for action in actions
        ],
    }


@pytest.fixture
def plan(db):
    names_to_link()
    import_tracker()
    return Plan.objects.get()


def test_importing_the_xlsx_export_gives_the_same_plan(plan):
    import_tracker(plan_xlsx(plan), plan="Copy", name="tracker.xlsx")
    assert _content(Plan.objects.get(name="Copy")) == _content(plan)


def test_importing_the_export_into_the_same_plan_changes_nothing(plan):
    history = [a.history.count() for a in Action.objects.order_by("pk")]
    report = import_tracker(plan_xlsx(plan), name="tracker.xlsx")
    assert "0 created, 0 updated, 8 unchanged" in str(report)
    assert [a.history.count() for a in Action.objects.order_by("pk")] == history


def test_changes_made_in_boardpack_survive_the_round_trip(plan, officer):
    nine = Action.objects.get(ref="9")
    progress_add(action=nine, day=nine.due_date, text="Recovery plan agreed", user=officer)
    brag_confirm(
        change=brag_propose(action=nine, brag="amber", reason="Back on track", user=officer),
        user=officer,
    )
    action_close_as_duplicate(
        action=Action.objects.get(ref="5a-c"),
        duplicate_of=Action.objects.get(ref="1"),
        reason="Same champions work",
        user=officer,
    )
    import_tracker(plan_xlsx(plan), plan="Copy")
    copy = {a["ref"]: a for a in _content(Plan.objects.get(name="Copy"))["actions"]}
    assert copy["9"]["brag"] == "amber"
    assert [(p[0], p[2]) for p in copy["9"]["progress"]] == [
        (nine.due_date, "Recovery plan agreed")
    ]
    assert (copy["5a-c"]["brag"], copy["5a-c"]["duplicate_of"]) == ("blue", "1")


def test_the_xlsx_keeps_sheets_title_rows_and_the_header_as_written(plan):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(plan_xlsx(plan)))
    assert workbook.sheetnames == ["Delivery Plan", "Completed"]
    rows = [[c or "" for c in row] for row in workbook["Delivery Plan"].iter_rows(values_only=True)]
    assert rows[0][0].startswith("Corporate Parenting Strategy November 2018")
    assert rows[3][:11] == plan.layout["sheets"][0]["header"][:11]
    assert rows[4][0] == "Objective 1 – Our Children and Young People have a voice"
    assert rows[14][11] == "a note beside the table"


def test_the_json_follows_the_schema(plan):
    data = plan_json(plan)
    assert data["plan"] == {
        "name": "Corporate Parenting Strategy Delivery Plan",
        "slug": "corporate-parenting-strategy-delivery-plan",
        "period": "November 2018 – March 2020",
        "parent": None,
        "board": None,
    }
    assert [set(o) for o in data["objectives"]] == [{"number", "title", "aim", "actions"}] * 2
    action = data["objectives"][0]["actions"][1]
    assert action == {
        "ref": "7b",
        "parent_refs": "2.1.1 4.4.6",
        "activity": "Young people on interview panels",
        "brag": "Blue",
        "timescale": "30th April 2020",
        "due_date": "2020-04-30",
        "ongoing": False,
        "flags": [],
        "responsible": "Strategic Lead for Participation\nPolicy, Information & Commissioning",
        "progress": [
            {"date": "2019-07-31", "text": "Panels set up"},
            {"date": "2019-08-07", "text": "Panel held"},
            {"date": "2019-05-15", "text": "performance to improve"},
        ],
    }
    twelve_d = data["objectives"][1]["actions"][1]
    assert (twelve_d["due_date"], twelve_d["brag"], twelve_d["progress"][0]["date"]) == (
        None,
        "Blue",
        None,
    )
    assert twelve_d["flags"][1].startswith("Timescale: 31/04/19 is not a date that exists")
    assert data["objectives"][0]["actions"][3]["brag"] is None
    json.dumps(data)


def _export(*args: str) -> str:
    out = io.StringIO()
    call_command("export", "plan", *args, stdout=out)
    return out.getvalue()


def test_the_export_command_writes_json_to_standard_output_by_name_or_slug(plan):
    by_slug = json.loads(_export(plan.slug, "--format", "json"))
    assert by_slug == json.loads(_export(plan.name, "--format", "json")) == plan_json(plan)


def test_the_export_command_writes_files(plan, tmp_path: Path):
    xlsx, as_json = tmp_path / "plan.xlsx", tmp_path / "plan.json"
    assert _export(plan.slug, "--format", "xlsx", "--output", str(xlsx)) == (
        f"{plan.slug}: written to {xlsx}\n"
    )
    _export(plan.slug, "--format", "json", "--output", str(as_json))
    assert xlsx.read_bytes()[:2] == b"PK"
    assert json.loads(as_json.read_text()) == plan_json(plan)


def test_the_export_command_says_what_is_wrong(plan):
    with pytest.raises(CommandError, match="there is no plan called 'nowhere'"):
        _export("nowhere", "--format", "json")
    with pytest.raises(CommandError, match="needs --output"):
        _export(plan.slug, "--format", "xlsx")
