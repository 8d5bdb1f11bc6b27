"""The programme manager sends the cycle's update requests now from the meeting page: the same
e-mails the cycle sends on the request date, and never a second one to anybody."""

from datetime import date, timedelta

import pytest
import time_machine

from boardpack.boards.models import Delivery
from boardpack.boards.outbox import cycle_run
from tests.boards.world import at, subject

pytestmark = pytest.mark.django_db
EARLY = date(2012, 7, 18)  # a week before the request date, 25 July


def _press(client, world, who="pm", day=EARLY):
    client.force_login(world.people[who].user)
    with time_machine.travel(at(day, 10), tick=False):
        return client.post(f"/meetings/{world.meeting.pk}/requests/", follow=True)


def test_the_button_sends_the_requests_the_cycle_would_send(world, client, smtp, settings):
    client.force_login(world.people["pm"].user)
    with time_machine.travel(at(EARLY), tick=False):
        page = client.get(f"/meetings/{world.meeting.pk}/").content.decode()
    assert "4 people have not been sent a request yet" in page
    assert "the cycle would send them on 25 July 2012" in page
    response = _press(client, world)
    assert "4 update requests sent now." in response.content.decode()
    sent_now = sorted((m["To"], subject(m)) for m in smtp.messages)
    assert len(sent_now) == 4
    assert Delivery.objects.filter(kind="request", sent_at__isnull=False).count() == 4
    # The cycle's own run on the request date builds and sends none of them again.
    report = cycle_run(now=at(world.meeting.dates.request))
    assert report.built == []
    assert len(smtp.messages) == 4


def test_pressing_again_sends_nothing_twice(world, client, smtp):
    _press(client, world)
    response = _press(client, world, day=EARLY + timedelta(days=1))
    assert "already has their request: none sent again" in response.content.decode()
    assert len(smtp.messages) == 4
    assert "Send update requests now" not in response.content.decode()


def test_a_late_lead_is_asked_by_the_button_alone(world, client, smtp):
    _press(client, world)
    world.action("1").responsible_people.add(world.people["member"])
    response = _press(client, world, day=EARLY + timedelta(days=2))
    assert "1 update request sent now." in response.content.decode()
    assert [m["To"] for m in smtp.messages[4:]] == ["member@example.gov.uk"]


@pytest.mark.parametrize("who", ["member", "chair", "lead"])
def test_only_those_who_manage_the_board_may_press_it(world, client, smtp, who):
    assert _press(client, world, who).status_code == 403
    assert smtp.messages == []
    assert not Delivery.objects.exists()


def test_nothing_goes_for_a_meeting_already_held(world, client, smtp):
    after = world.meeting.date + timedelta(days=1)
    response = _press(client, world, day=after)
    assert response.status_code == 400
    assert "The meeting has been held: no requests were sent." in response.content.decode()
    assert "Send update requests now" not in response.content.decode()
    assert smtp.messages == []
