"""Running the cycle twice sends nothing twice; a run that fails part-way is resumed by the next."""

from datetime import timedelta

import pytest

from boardpack.boards.models import Delivery
from boardpack.boards.outbox import LEASE, MAX_ATTEMPTS, cycle_run, outbox_build
from tests.boards.world import at

pytestmark = pytest.mark.django_db


def test_a_second_run_sends_nothing_twice(world, smtp):
    now = at(world.meeting.dates.request)
    first = cycle_run(now=now)
    second = cycle_run(now=now + timedelta(hours=1))
    assert len(first.sent) == 4
    assert (second.built, second.sent, second.failed) == ([], [], [])
    assert len(smtp.messages) == 4
    assert Delivery.objects.count() == 4


def test_a_message_the_relay_refuses_is_sent_by_the_next_run_and_only_it(world, smtp):
    smtp.refuse = {2}
    now = at(world.meeting.dates.request)
    first = cycle_run(now=now)
    assert len(first.sent) == 3
    [(refused, error)] = first.failed
    assert "Refused once for the test" in error
    assert Delivery.objects.get(pk=refused.pk).sent_at is None

    second = cycle_run(now=now + timedelta(hours=1))
    assert [d.pk for d in second.sent] == [refused.pk]
    assert len(smtp.messages) == 4
    assert len({m["To"] for m in smtp.messages}) == 4
    assert Delivery.objects.filter(sent_at__isnull=True).count() == 0


def test_a_run_that_cannot_reach_the_relay_stops_and_the_next_resumes(world, smtp, settings):
    now = at(world.meeting.dates.request)
    settings.EMAIL_PORT, port = 1, settings.EMAIL_PORT  # nothing listens there
    stopped = cycle_run(now=now)
    assert stopped.stopped
    assert len(stopped.failed) == 1  # it stopped at the first
    assert Delivery.objects.filter(sent_at__isnull=True).count() == 4

    settings.EMAIL_PORT = port
    resumed = cycle_run(now=now + timedelta(minutes=5))
    assert len(resumed.sent) == 4
    assert len(smtp.messages) == 4


def test_a_run_killed_while_sending_leaves_its_claim_to_expire(world, smtp):
    now = at(world.meeting.dates.request)
    outbox_build(now=now)
    claimed = Delivery.objects.order_by("pk").first()
    Delivery.objects.filter(pk=claimed.pk).update(claimed_until=now + LEASE, attempts=1)

    meanwhile = cycle_run(now=now + timedelta(minutes=1))
    assert claimed.pk not in [d.pk for d in meanwhile.sent]
    assert len(meanwhile.sent) == 3

    later = cycle_run(now=now + LEASE + timedelta(minutes=1))
    assert [d.pk for d in later.sent] == [claimed.pk]
    assert len(smtp.messages) == 4


def test_messages_refused_every_time_are_given_up_after_their_attempts(world, smtp):
    smtp.refuse = set(range(1, 100))
    now = at(world.meeting.dates.request)
    for hour in range(MAX_ATTEMPTS + 2):
        cycle_run(now=now + timedelta(hours=hour))
    assert smtp.seen == 4 * MAX_ATTEMPTS
    for delivery in Delivery.objects.all():
        assert (delivery.sent_at, delivery.attempts) == (None, MAX_ATTEMPTS)
        assert "Refused once for the test" in delivery.last_error
