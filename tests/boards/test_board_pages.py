"""The board pages: everyone signed in reads them; officers and the board's programme manager
change the board, what it oversees and its meetings; anyone else is refused (403)."""

from datetime import date

import pytest

from boardpack.boards.models import Board, BoardSelection, Meeting
from boardpack.boards.outbox import cycle_run
from boardpack.plans.models import Plan
from tests.boards.world import at
from tests.factories import PASSWORD, BoardFactory
from tests.forms import date_input

pytestmark = pytest.mark.django_db
READERS = ["member", "chair", "lead", "safeguarding"]


def _settings(board: Board, **changes: object) -> dict[str, object]:
    form = {
        "name": board.name,
        "parent": "",
        "chair": board.chair_id,
        "programme_manager": board.programme_manager_id,
        "members": [p.pk for p in board.members.all()],
        "plans": [p.pk for p in board.plans.all()],
        "request_days": 21,
        "reminder_days": 16,
        "due_days": 14,
        "briefing_days": 7,
        "pack_first": "briefing",
        "pack_second": "performance",
        "pack_third": "plans",
    }
    return {**form, **changes}


def _as(client, world, who):
    client.force_login(world.people[who].user if who in world.people else who)
    return client


@pytest.mark.parametrize("who", ["pm", *READERS])
def test_everyone_signed_in_reads_the_boards_and_the_board(world, client, who):
    _as(client, world, who)
    assert world.board.name in client.get("/boards/").content.decode()
    page = client.get(f"/boards/{world.board.pk}/").content.decode()
    assert "Plan CYPP" in page
    assert world.plan.name in page
    assert ("Change the board" in page) is (who == "pm")


def test_the_pages_need_a_sign_in(world, client):
    for path in ("/boards/", f"/boards/{world.board.pk}/", f"/meetings/{world.meeting.pk}/"):
        assert client.get(path).status_code == 302


@pytest.mark.parametrize("who", READERS)
def test_only_managers_change_a_board(world, client, who):
    _as(client, world, who)
    board = world.board
    assert client.get(f"/boards/{board.pk}/edit/").status_code == 403
    assert client.post(f"/boards/{board.pk}/edit/", _settings(board)).status_code == 403
    target = {"target": f"unit:{world.people['schools'].indicators.get().directorate_id}"}
    assert client.post(f"/boards/{board.pk}/selections/", target).status_code == 403
    selection = board.selections.get()
    remove = f"/boards/{board.pk}/selections/{selection.pk}/remove/"
    assert client.post(remove).status_code == 403
    meetings = {**date_input("first", "26 9 2012"), "every_weeks": "6", "count": "3"}
    assert client.post(f"/boards/{board.pk}/meetings/", meetings).status_code == 403
    assert client.post(f"/meetings/{world.meeting.pk}/remove/").status_code == 403
    assert client.get(f"/meetings/{world.meeting.pk}/edit/").status_code == 403
    assert board.selections.count() == 1
    assert Meeting.objects.count() == 1


@pytest.mark.parametrize("who", ["pm", "member"])
def test_only_officers_add_boards(world, client, officer, who):
    _as(client, world, who)
    assert client.get("/boards/new/").status_code == 403
    client.force_login(officer)
    assert "Add a board" in client.get("/boards/").content.decode()
    response = client.post("/boards/new/", _settings(world.board, name="Permanence Board"))
    added = Board.objects.get(name="Permanence Board")
    assert response.url == f"/boards/{added.pk}/"


def test_the_programme_manager_sets_the_cycle_members_plans_and_pack_order(world, client):
    _as(client, world, "pm")
    board = world.board
    changes = _settings(
        board,
        request_days=28,
        reminder_days=20,
        members=[world.people["member"].pk],
        plans=[],
        pack_first="performance",
        pack_second="plans",
        pack_third="briefing",
    )
    assert client.post(f"/boards/{board.pk}/edit/", changes).status_code == 302
    board.refresh_from_db()
    assert (board.request_days, board.reminder_days) == (28, 20)
    assert board.pack_order == ["performance", "plans", "briefing"]
    assert list(board.members.all()) == [world.people["member"]]
    assert not Plan.objects.filter(board=board).exists()
    assert board.history.first().history_user == world.people["pm"].user


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reminder_days": 22}, "The reminder must come after the request"),
        ({"briefing_days": 14}, "The chair&#x27;s briefing must come after the updates due"),
        ({"pack_third": "briefing"}, "Put each part of the pack in the order once"),
        ({"name": ""}, "Enter the board&#x27;s name"),
    ],
)
def test_a_board_that_breaks_a_rule_is_not_saved(world, client, changes, message):
    _as(client, world, "pm")
    board = world.board
    response = client.post(f"/boards/{board.pk}/edit/", _settings(board, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    board.refresh_from_db()
    assert (board.reminder_days, board.briefing_days) == (16, 7)


def test_a_board_cannot_report_to_a_board_below_it(world, client, officer):
    child = BoardFactory(name="Delivery Board", parent=world.board)
    client.force_login(officer)
    response = client.post(
        f"/boards/{world.board.pk}/edit/", _settings(world.board, parent=child.pk)
    )
    assert "reports to this board" in response.content.decode()


def test_a_manager_adds_and_removes_what_the_board_oversees(world, client):
    _as(client, world, "pm")
    board = world.board
    schools = world.people["schools"].indicators.get()
    client.post(f"/boards/{board.pk}/selections/", {"target": f"unit:{schools.service_id}"})
    assert BoardSelection.objects.filter(board=board, unit=schools.service_id).exists()
    response = client.post(f"/boards/{board.pk}/selections/", {"target": "tag:999"})
    assert response.status_code == 400
    cypp = board.selections.get(tag__code="CYPP")
    client.post(f"/boards/{board.pk}/selections/{cypp.pk}/remove/")
    assert [str(s) for s in board.selections.all()] == ["Service Schools"]


def test_meetings_every_six_weeks_review_the_last_quarter_ended(world, client):
    _as(client, world, "pm")
    board = world.board
    meetings = {**date_input("first", "26 9 2012"), "every_weeks": "6", "count": "3"}
    assert client.post(f"/boards/{board.pk}/meetings/", meetings).status_code == 302
    added = list(board.meetings.filter(date__gt=date(2012, 9, 1)).values_list("date", "period"))
    assert added == [
        (date(2012, 9, 26), date(2012, 6, 30)),
        (date(2012, 11, 7), date(2012, 9, 30)),
        (date(2012, 12, 19), date(2012, 9, 30)),
    ]
    again = client.post(f"/boards/{board.pk}/meetings/", meetings)
    assert again.status_code == 400
    assert "already meets on 26/09/2012" in again.content.decode()


def test_a_manager_moves_a_meeting_and_changes_what_it_reviews(world, client, officer):
    client.force_login(officer)
    meeting = world.meeting
    form = {**date_input("date", "22 8 2012"), "period": "2012-07"}
    assert client.post(f"/meetings/{meeting.pk}/edit/", form).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.date, meeting.period) == (date(2012, 8, 22), date(2012, 7, 31))
    bad = client.post(f"/meetings/{meeting.pk}/edit/", {**form, "period": "July"})
    assert "is not a period" in bad.content.decode()


def test_a_meeting_whose_cycle_has_begun_is_kept(world, client, smtp):
    cycle_run(now=at(world.meeting.dates.request))
    _as(client, world, "pm")
    response = client.post(f"/meetings/{world.meeting.pk}/remove/")
    assert response.status_code == 400
    assert "Its cycle has begun" in response.content.decode()
    assert Meeting.objects.filter(pk=world.meeting.pk).exists()


def test_a_meeting_not_yet_begun_can_be_removed(world, client):
    _as(client, world, "pm")
    assert client.post(f"/meetings/{world.meeting.pk}/remove/").status_code == 302
    assert not Meeting.objects.exists()


def test_boards_appear_in_the_menu(world, client):
    client.post("/login/", {"username": "member", "password": PASSWORD})
    assert 'href="/boards/"' in client.get("/boards/").content.decode()
