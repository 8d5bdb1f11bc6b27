"""The meeting page shows the cycle live: who was asked and when, what came back, what is out."""

from datetime import timedelta

import pytest
import time_machine

from boardpack.boards.outbox import cycle_run
from boardpack.plans.models import Action
from boardpack.plans.services import progress_add
from tests.boards.world import at

pytestmark = pytest.mark.django_db


def _page(client, world, who="member"):
    client.force_login(world.people[who].user)
    response = client.get(f"/meetings/{world.meeting.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_before_the_requests_it_shows_who_will_be_asked(world, client):
    with time_machine.travel(
        at(world.meeting.dates.request) - __import__("datetime").timedelta(days=2)
    ):
        page = _page(client, world)
    assert "Requests not sent yet" in page
    assert "Returned: 0 of 5" in page
    assert "Outstanding: 5" in page
    assert "Strategic Lead for Participation: 0 of 2 returned" in page
    assert "None sent yet" in page


def test_it_counts_a_progress_entry_since_the_request_as_returned(world, client, smtp):
    dates = world.meeting.dates
    cycle_run(now=at(dates.request))
    with time_machine.travel(at(dates.request, 15), tick=False):
        progress_add(action=world.action("7b"), day=dates.request, text="Panels agreed",
                     user=world.people["lead"].user)  # fmt: skip
        page = _page(client, world)
    assert "Collecting updates" in page
    assert "Returned: 1 of 5" in page
    assert "Strategic Lead for Participation: 1 of 2 returned" in page
    assert "returned 25 Jul 2012" in page
    assert "25 Jul 2012 08:00" in page  # when they were asked
    assert "lead@example.gov.uk" in page


def test_an_entry_written_before_the_request_date_does_not_count(world, client):
    with time_machine.travel(at(world.meeting.dates.request - timedelta(days=1)), tick=False):
        progress_add(action=world.action("7b"), day=world.meeting.dates.request, text="Early",
                     user=world.people["lead"].user)  # fmt: skip
    with time_machine.travel(at(world.meeting.dates.request, 9), tick=False):
        assert "Returned: 0 of 5" in _page(client, world)


def test_its_queries_do_not_grow_with_the_actions(world, client, django_assert_max_num_queries):
    client.force_login(world.people["member"].user)
    path = f"/meetings/{world.meeting.pk}/"
    with django_assert_max_num_queries(32) as counted:
        client.get(path)
    before = len(counted.captured_queries)
    lead = world.people["lead"]
    for n in range(12):
        extra = Action.objects.create(plan=world.plan, ref=f"x{n}", activity="More", brag="red")
        extra.responsible_people.add(lead, world.people["partner"])
    with django_assert_max_num_queries(before):
        assert "Returned: 0 of 29" in client.get(path).content.decode()
