"""Importing into the same plan name makes the plan's content the file's; twice changes nothing."""

import copy

from boardpack.plans.models import Action, BragChange, Objective, Plan, ProgressEntry
from boardpack.plans.services import progress_add
from tests.plans.trackers import MESSY, import_tracker, names_to_link


def _snapshot() -> tuple[object, ...]:
    history = [m.history.count() for m in [*Plan.objects.all(), *Objective.objects.all()]] + [
        a.history.count() for a in Action.objects.all()
    ]
    return (
        list(Action.objects.order_by("pk").values()),
        list(ProgressEntry.objects.order_by("pk").values()),
        list(BragChange.objects.order_by("pk").values()),
        list(Objective.objects.order_by("pk").values()),
        history,
    )


def test_importing_the_same_file_twice_changes_nothing(db):
    names_to_link()
    import_tracker()
    before = _snapshot()
    report = import_tracker()
    assert str(report).splitlines()[0] == (
        "tracker.xlsx: 19 row(s) read; 0 created, 0 updated, 8 unchanged"
    )
    assert _snapshot() == before


def test_a_changed_file_updates_matched_actions_and_records_the_brag_change(db):
    import_tracker()
    action = Action.objects.get(ref="9")
    changed = copy.deepcopy(MESSY)
    row = changed["Delivery Plan"][15]
    row[10] = "Amber"
    row[3] = "20.11.19 - Recovery plan agreed"
    del changed["Delivery Plan"][11]  # 10b.i is no longer in the file
    report = import_tracker(changed, name="tracker-v2.xlsx")
    assert str(report).splitlines()[0] == (
        "tracker-v2.xlsx: 18 row(s) read; 0 created, 1 updated, 6 unchanged"
    )
    assert "actions: 7 (1 removed)" in str(report)
    action.refresh_from_db()
    assert action.brag == "amber"
    assert list(action.brag_changes.values_list("previous", "brag", "reason")) == [
        ("", "red", "import: tracker.xlsx (BRAG written 'Red')"),
        ("red", "amber", "import: tracker-v2.xlsx (BRAG written 'Amber')"),
    ]
    assert list(action.progress_entries.values_list("text", flat=True)) == ["Recovery plan agreed"]
    assert action.history.first().history_change_reason == "import: tracker-v2.xlsx"
    assert not Action.objects.filter(ref="10b.i").exists()
    assert Plan.objects.get().source_file == "tracker-v2.xlsx"


def test_progress_added_in_boardpack_survives_a_reimport(db, officer):
    import_tracker()
    action = Action.objects.get(ref="9")
    entry = progress_add(
        action=action, day=Action.objects.get(ref="9").due_date, text="Chased", user=officer
    )
    import_tracker()
    assert list(action.progress_entries.values_list("pk", flat=True)) == [entry.pk]
