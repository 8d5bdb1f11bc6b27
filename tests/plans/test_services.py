"""Progress and BRAG: a lead records and proposes, a programme manager or officer confirms."""

from datetime import date

import pytest

from boardpack.plans.models import Action, BragChange, Plan, ProgressEntry
from boardpack.plans.services import (
    PlanError,
    action_close_as_duplicate,
    brag_confirm,
    brag_propose,
    plan_save,
    progress_add,
)


def _action(ref: str) -> Action:
    return Action.objects.get(ref=ref)


def test_a_lead_adds_dated_progress_written_as_the_trackers_write_it(plan, lead):
    entry = progress_add(action=_action("7b"), day=date(2019, 9, 2), text=" Panel met ", user=lead)
    assert (entry.date, entry.text, entry.raw, entry.marker) == (
        date(2019, 9, 2),
        "Panel met",
        "02.09.19 - Panel met",
        "02.09.19",
    )
    assert (entry.author, entry.source, entry.created_by) == (
        "Strategic Lead for Participation",
        ProgressEntry.Source.FORM,
        lead,
    )
    assert list(_action("7b").progress_entries.values_list("text", flat=True))[-1] == "Panel met"


def test_only_leads_managers_and_officers_update_an_action(plan, lead, viewer):
    with pytest.raises(PlanError, match="may update"):
        progress_add(action=_action("1"), day=date(2019, 9, 2), text="Not mine", user=lead)
    with pytest.raises(PlanError, match="may update"):
        progress_add(action=_action("7b"), day=date(2019, 9, 2), text="Viewer", user=viewer)
    with pytest.raises(PlanError, match="Write what has happened"):
        progress_add(action=_action("7b"), day=date(2019, 9, 2), text=" ", user=lead)


def test_a_lead_proposes_and_the_programme_manager_confirms(plan, lead, manager):
    action = _action("7b")
    change = brag_propose(action=action, brag="Amber", reason="Panels slipping", user=lead)
    assert (change.brag, change.previous, change.confirmed, change.by) == (
        "amber",
        "blue",
        False,
        lead,
    )
    assert _action("7b").brag == "blue"
    with pytest.raises(PlanError, match="programme manager or an officer may confirm"):
        brag_confirm(change=change, user=lead)
    confirmed = brag_confirm(change=change, user=manager)
    assert (confirmed.confirmed, confirmed.confirmed_by, confirmed.previous) == (
        True,
        manager,
        "blue",
    )
    action = _action("7b")
    assert action.brag == "amber"
    assert action.history.first().history_change_reason == "BRAG confirmed: Panels slipping"
    assert action.history.first().history_user == manager
    with pytest.raises(PlanError, match="already confirmed"):
        brag_confirm(change=change, user=manager)


def test_a_proposal_needs_a_reason_and_a_status_boardpack_knows(plan, officer):
    with pytest.raises(PlanError, match="Give a reason"):
        brag_propose(action=_action("1"), brag="red", reason="", user=officer)
    with pytest.raises(PlanError, match="'Purple' is not a BRAG status"):
        brag_propose(action=_action("1"), brag="Purple", reason="Why not", user=officer)
    cleared = brag_propose(action=_action("1"), brag=None, reason="Unknown now", user=officer)
    assert cleared.brag == ""


def test_every_brag_change_is_a_new_row(plan, officer):
    action = _action("9")
    for brag in ("amber", "green"):
        brag_confirm(
            change=brag_propose(action=action, brag=brag, reason=f"now {brag}", user=officer),
            user=officer,
        )
    rows = list(action.brag_changes.values_list("previous", "brag", "confirmed"))
    assert rows == [("", "red", True), ("red", "amber", True), ("amber", "green", True)]
    assert _action("9").brag == "green"


def test_closing_as_a_duplicate_is_blue_keeps_the_link_and_says_so(plan, officer):
    closed = action_close_as_duplicate(
        action=_action("5a-c"), duplicate_of=_action("1"), reason="Same work", user=officer
    )
    assert (closed.brag, closed.duplicate_of) == ("blue", _action("1"))
    entry = closed.progress_entries.get()
    assert entry.text == "Closed as a duplicate of 1: Same work"
    change = closed.brag_changes.get()
    assert (change.brag, change.confirmed, change.confirmed_by) == ("blue", True, officer)


def test_closing_as_a_duplicate_is_checked(plan, lead, officer):
    with pytest.raises(PlanError, match="programme manager or an officer may close"):
        action_close_as_duplicate(
            action=_action("7b"), duplicate_of=_action("1"), reason="", user=lead
        )
    with pytest.raises(PlanError, match="cannot duplicate itself"):
        action_close_as_duplicate(
            action=_action("1"), duplicate_of=_action("1"), reason="", user=officer
        )
    with pytest.raises(PlanError, match="same objective"):
        action_close_as_duplicate(
            action=_action("1"), duplicate_of=_action("12b"), reason="", user=officer
        )
    with pytest.raises(PlanError, match="12d is already closed as a duplicate of 12b"):
        action_close_as_duplicate(
            action=_action("12b"), duplicate_of=_action("12d"), reason="", user=officer
        )
    assert not BragChange.objects.filter(confirmed=False).exists()


def test_a_plan_cannot_sit_below_itself(plan):
    child = plan_save(name="Child plan", parent=plan, user=None, reason="test")
    with pytest.raises(PlanError, match="sits below it"):
        plan_save(name=plan.name, parent=child, user=None, reason="test")
    with pytest.raises(PlanError, match="needs a name"):
        plan_save(name=" ", user=None, reason="test")
    assert Plan.objects.get(name=plan.name).parent is None


def test_a_proposal_made_before_a_newer_confirmed_status_is_not_confirmed_over_it(
    plan, lead, manager
):
    action = _action("7b")
    stale = brag_propose(action=action, brag="Green", reason="On track", user=lead)
    newer = brag_propose(action=action, brag="Red", reason="Panel cancelled", user=lead)
    brag_confirm(change=newer, user=manager)
    with pytest.raises(PlanError, match="changed from Blue to Red after this proposal was made"):
        brag_confirm(change=stale, user=manager)
    action.refresh_from_db()
    assert action.brag == "red"
    stale.refresh_from_db()
    assert not stale.confirmed
