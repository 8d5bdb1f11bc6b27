"""Who holds a board's roles stays with performance officers: its programme manager cannot hand
the role (or the chair) to anyone, a viewer included, nor take another board's plan."""

import pytest

from tests.boards.test_board_pages import _settings
from tests.factories import BoardFactory, PlanFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("programme_manager", "Only a performance officer can change the programme manager"),
        ("chair", "Only a performance officer can change the chair"),
    ],
)
def test_the_programme_manager_cannot_hand_a_role_to_a_viewer(world, client, field, message):
    client.force_login(world.people["pm"].user)
    board = world.board
    viewer = world.people["member"]
    response = client.post(f"/boards/{board.pk}/edit/", _settings(board, **{field: viewer.pk}))
    assert response.status_code == 200
    assert message in response.content.decode()
    board.refresh_from_db()
    assert (board.programme_manager, board.chair) == (world.people["pm"], world.people["chair"])
    assert client.get(f"/boards/{board.pk}/edit/").status_code == 200


def test_the_programme_manager_cannot_take_another_boards_plan(world, client):
    other = BoardFactory(name="Permanence Board")
    plan = PlanFactory(name="Permanence Plan", board=other)
    client.force_login(world.people["pm"].user)
    board = world.board
    plans = [world.plan.pk, plan.pk]
    response = client.post(f"/boards/{board.pk}/edit/", _settings(board, plans=plans))
    assert "Only a performance officer can add a plan to a board" in response.content.decode()
    plan.refresh_from_db()
    assert plan.board == other


def test_an_officer_hands_the_programme_manager_role_on(world, client, officer):
    client.force_login(officer)
    board = world.board
    member = world.people["member"]
    response = client.post(
        f"/boards/{board.pk}/edit/", _settings(board, programme_manager=member.pk)
    )
    assert response.status_code == 302
    board.refresh_from_db()
    assert board.programme_manager == member
    assert board.history.first().history_user == officer
    client.force_login(world.people["pm"].user)
    assert client.get(f"/boards/{board.pk}/edit/").status_code == 403
