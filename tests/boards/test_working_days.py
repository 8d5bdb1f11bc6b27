"""A Christmas meeting's cycle keeps to working days: the requests and the deadline move before
the closedown, and the e-mails go out on the moved days."""

from datetime import date

import pytest

from boardpack.boards.outbox import cycle_run
from boardpack.boards.services import meetings_add
from tests.boards.world import at

pytestmark = pytest.mark.django_db

JANUARY_MEETING = date(2027, 1, 14)


@pytest.fixture
def january(world):
    world.meeting.delete()
    (meeting,) = meetings_add(board=world.board, first=JANUARY_MEETING, user=None, reason="test")
    return meeting


def test_the_meeting_page_gives_the_moved_days(world, client, january):
    client.force_login(world.people["member"].user)
    page = client.get(f"/meetings/{january.pk}/").content.decode()
    assert "Monday 21 December 2026" in page  # requests, not Thursday 24 December
    assert "Wednesday 23 December 2026" in page  # updates due, not Thursday 31 December
    assert "24 December 2026" not in page
    assert "31 December 2026" not in page


def test_the_requests_go_out_on_the_moved_day_and_not_the_calendar_one(world, smtp, january):
    assert cycle_run(now=at(date(2026, 12, 18))).built == []
    requests = cycle_run(now=at(date(2026, 12, 21))).built
    assert {d.kind for d in requests} == {"request"}
    assert all("23/12/2026" in d.text or "23 December 2026" in d.text for d in requests)
