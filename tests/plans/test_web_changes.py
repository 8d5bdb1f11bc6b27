"""Changing an action on its page, per role: progress, BRAG proposals and confirmations.

A lead changes only the actions they lead; the programme manager of the plan's board and
performance officers change any; viewers read. A refused change writes nothing.
"""

import pytest

from boardpack.plans.models import Action, BragChange, ProgressEntry
from boardpack.plans.services import brag_propose
from tests.factories import login
from tests.forms import date_input


def _action(ref: str) -> Action:
    return Action.objects.select_related("plan").get(ref=ref)


def _url(ref: str, tail: str = "") -> str:
    found = _action(ref)
    return f"/plans/{found.plan.slug}/actions/{found.pk}/{tail}"


def _writes() -> tuple[int, int]:
    return ProgressEntry.objects.count(), BragChange.objects.count()


@pytest.fixture
def other_lead(plan):
    """Leads action 1 (the Improvement Partner), not 7b."""
    return login("other", "Improvement Partner")


def test_a_lead_adds_progress_to_their_action(client, lead, plan):
    client.force_login(lead)
    response = client.post(
        _url("7b", "progress/"),
        {
            **date_input("progress-day", "2 9 2019"),
            "progress-text": "Panel met with four young people",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == _url("7b")
    entry = _action("7b").progress_entries.order_by("-order").first()
    assert (entry.raw, entry.created_by) == ("02.09.19 - Panel met with four young people", lead)
    html = client.get(response["Location"]).content.decode()
    assert "Progress added to action 7b." in html
    assert "Added in Boardpack by Strategic Lead for Participation" in html


def test_a_progress_entry_needs_a_real_date_and_words(client, lead, plan):
    client.force_login(lead)
    before = _writes()
    response = client.post(_url("7b", "progress/"), date_input("progress-day", "31 4 2019"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "The date of the update must be a real date" in html
    assert "Write what has happened" in html
    assert 'href="#id_progress-day-day"' in html
    assert _writes() == before


def test_a_lead_proposes_a_brag_which_counts_once_the_manager_confirms_it(
    client, lead, manager, plan
):
    client.force_login(lead)
    response = client.post(
        _url("7b", "brag/"), {"brag-brag": "amber", "brag-reason": "Panels paused for summer"}
    )
    assert response.status_code == 302
    proposal = BragChange.objects.get(action__ref="7b", confirmed=False)
    assert (proposal.brag, proposal.previous, proposal.by) == ("amber", "blue", lead)
    assert _action("7b").brag == "blue"  # not yet
    html = client.get(_url("7b")).content.decode()
    assert "proposed by Strategic Lead for Participation" in html
    assert "Confirm Amber" not in html  # a lead cannot confirm

    client.force_login(manager)
    html = client.get(_url("7b")).content.decode()
    assert "Confirm Amber" in html
    response = client.post(_url("7b", f"brag/{proposal.pk}/confirm/"))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.confirmed, proposal.confirmed_by) == (True, manager)
    seven_b = _action("7b")
    assert seven_b.brag == "amber"
    record = seven_b.history.first()
    assert (record.history_user, record.history_change_reason) == (
        manager,
        "BRAG confirmed: Panels paused for summer",
    )
    html = client.get(_url("7b")).content.decode()
    assert "Action 7b is now Amber." in html
    assert "<strong>BRAG:</strong> Blue" in html  # the field history: Blue → Amber


def test_a_proposal_needs_a_status_and_a_reason(client, lead, plan):
    client.force_login(lead)
    before = _writes()
    response = client.post(_url("7b", "brag/"), {"brag-brag": "purple", "brag-reason": " "})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in html or "Choose a BRAG status" in html
    assert "Say why the action has this status" in html
    assert _writes() == before


def test_an_officer_updates_and_confirms_any_action(client, officer, plan):
    client.force_login(officer)
    assert (
        client.post(
            _url("1", "progress/"),
            {**date_input("progress-day", "2 9 2019"), "progress-text": "Chased"},
        ).status_code
        == 302
    )
    client.post(_url("1", "brag/"), {"brag-brag": "red", "brag-reason": "No champions yet"})
    proposal = BragChange.objects.get(action__ref="1", confirmed=False)
    client.post(_url("1", f"brag/{proposal.pk}/confirm/"))
    assert _action("1").brag == "red"


@pytest.mark.parametrize("who", ["lead_of_another", "viewer", "owner_of_indicators"])
def test_others_cannot_change_an_action_and_nothing_is_written(
    client, plan, lead, other_lead, viewer, owner, who
):
    user = {"lead_of_another": other_lead, "viewer": viewer, "owner_of_indicators": owner}[who]
    proposal = brag_propose(action=_action("7b"), brag="green", reason="Back on track", user=lead)
    before = _writes()
    client.force_login(user)
    html = client.get(_url("7b")).content.decode()
    assert "Add a progress entry" not in html
    assert "Propose a BRAG status" not in html
    assert "Confirm Green" not in html
    posts = [
        (
            _url("7b", "progress/"),
            {**date_input("progress-day", "2 9 2019"), "progress-text": "Not mine"},
        ),
        (_url("7b", "brag/"), {"brag-brag": "red", "brag-reason": "Not mine"}),
        (_url("7b", f"brag/{proposal.pk}/confirm/"), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert _writes() == before
    assert _action("7b").brag == "blue"


def test_a_lead_cannot_confirm_their_own_proposal(client, lead, plan):
    proposal = brag_propose(action=_action("7b"), brag="green", reason="Done", user=lead)
    client.force_login(lead)
    assert client.post(_url("7b", f"brag/{proposal.pk}/confirm/")).status_code == 403
    proposal.refresh_from_db()
    assert not proposal.confirmed


def test_a_lead_of_one_action_can_change_only_that_action(client, other_lead, plan):
    client.force_login(other_lead)
    data = {**date_input("progress-day", "2 9 2019"), "progress-text": "Champions named"}
    assert client.post(_url("1", "progress/"), data).status_code == 302
    assert client.post(_url("7b", "progress/"), data).status_code == 403


def test_changes_are_posts_and_need_sign_in(client, lead, plan):
    assert client.post(_url("7b", "progress/"), {}).status_code == 302  # to the login page
    client.force_login(lead)
    assert client.get(_url("7b", "progress/")).status_code == 405
    assert client.get(_url("7b", "brag/")).status_code == 405


def test_a_proposal_of_another_action_is_not_found(client, manager, lead, plan):
    proposal = brag_propose(action=_action("7b"), brag="green", reason="Done", user=lead)
    client.force_login(manager)
    assert client.post(_url("1", f"brag/{proposal.pk}/confirm/")).status_code == 404
    proposal.refresh_from_db()
    assert not proposal.confirmed
