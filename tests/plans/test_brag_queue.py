"""The programme manager's queue: the BRAG proposals waiting for confirmation, across plans, for
those who may confirm them; the menu says how many wait."""

import re

import pytest
from django.contrib.auth import get_user_model

from boardpack.boards.services import board_save, plan_board_set
from boardpack.plans.models import Action, BragChange
from boardpack.plans.services import brag_confirm, brag_propose, plan_save
from tests.factories import PersonFactory
from tests.plans.trackers import import_tracker


def _action(ref: str, plan: str = "Corporate Parenting Strategy Delivery Plan") -> Action:
    return Action.objects.select_related("plan").get(ref=ref, plan__name=plan)


@pytest.fixture
def other_plan(plan):
    """A second plan, overseen by another board with another programme manager."""
    import_tracker(plan="Permanence Plan")
    other = PersonFactory(name="Other Manager", signs_in=True, user__username="other-manager")
    board = board_save(name="Permanence Board", programme_manager=other, user=None, reason="t")
    found = plan_save(name="Permanence Plan", user=None, reason="test")
    return plan_board_set(plan=found, board=board, user=None, reason="test")


@pytest.fixture
def proposals(lead, other_plan, officer):
    mine = brag_propose(action=_action("7b"), brag="amber", reason="Panels paused", user=lead)
    theirs = brag_propose(
        action=_action("9", "Permanence Plan"), brag="green", reason="Caught up", user=officer
    )
    return mine, theirs


def _queue(client, user):
    client.force_login(user)
    response = client.get("/brag-to-confirm/")
    assert response.status_code == 200
    return response.content.decode()


def _listed(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'data-proposal="(\d+)"', html)]


def test_a_programme_manager_sees_the_proposals_of_their_boards_plans(client, manager, proposals):
    mine, _ = proposals
    html = _queue(client, manager)
    assert _listed(html) == [mine.pk]
    assert "Panels paused" in html
    assert "Strategic Lead for Participation" in html
    assert "Confirm Amber" in html
    assert "BRAG to confirm <span" in html  # the menu, with its count
    assert '(1<span class="govuk-visually-hidden"> waiting</span>)' in html


def test_an_officer_sees_every_plans_proposals_oldest_first(client, officer, proposals):
    mine, theirs = proposals
    assert _listed(_queue(client, officer)) == [mine.pk, theirs.pk]


def test_confirming_from_the_queue_comes_back_to_it_and_settles_the_proposal(
    client, manager, proposals
):
    mine, _ = proposals
    client.force_login(manager)
    action = _action("7b")
    url = f"/plans/{action.plan.slug}/actions/{action.pk}/brag/{mine.pk}/confirm/"
    response = client.post(url, {"next": "queue"})
    assert response["Location"] == "/brag-to-confirm/"
    assert _action("7b").brag == "amber"
    html = client.get("/brag-to-confirm/").content.decode()
    assert "Action 7b is now Amber." in html
    assert _listed(html) == []
    assert "No BRAG status is waiting for you to confirm." in html


def test_a_proposal_overtaken_by_a_later_confirmation_no_longer_waits(
    client, manager, lead, proposals
):
    mine, _ = proposals
    later = brag_propose(action=_action("7b"), brag="red", reason="Stalled", user=lead)
    brag_confirm(change=later, user=manager)
    assert _listed(_queue(client, manager)) == []
    assert BragChange.objects.filter(pk=mine.pk, confirmed=False).exists()


@pytest.mark.parametrize("who", ["lead", "viewer"])
def test_those_who_may_confirm_nothing_are_refused(client, request, proposals, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.get("/brag-to-confirm/").status_code == 403
    assert "BRAG to confirm" not in client.get("/plans/").content.decode()


def test_the_other_manager_does_not_see_or_confirm_this_boards_proposal(client, proposals):
    mine, theirs = proposals
    other = get_user_model().objects.get(username="other-manager")
    assert _listed(_queue(client, other)) == [theirs.pk]
    action = _action("7b")
    url = f"/plans/{action.plan.slug}/actions/{action.pk}/brag/{mine.pk}/confirm/"
    assert client.post(url, {"next": "queue"}).status_code == 403
    assert _action("7b").brag == "blue"
