"""A whole cycle walked day by day with time-machine, the scheduler calling `boardpack cycle run`
each morning: requests 21 days before, reminders, updates due 14 days before, the chair's
briefing 7 days before, and nothing on the meeting day."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.management import call_command

from boardpack.boards.models import Delivery
from boardpack.core.commentary import Actor
from boardpack.core.periods import Month
from boardpack.plans.services import brag_confirm, brag_propose, progress_add
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.services import comment_write
from tests.boards.world import at, subject, text_of

pytestmark = pytest.mark.django_db


def _run_on(day: date) -> None:
    with time_machine.travel(at(day), tick=False):
        call_command("cycle", "run")


def _updates_come_back(world, day: date) -> None:
    """The lead updates 7b and proposes Amber for 9 (the programme manager confirms it); the
    safeguarding owner submits commentary on CP01."""
    lead, pm = world.people["lead"].user, world.people["pm"].user
    with time_machine.travel(at(day, 11), tick=False):
        progress_add(action=world.action("7b"), day=day, text="Panels agreed", user=lead)
        change = brag_propose(action=world.action("9"), brag="amber", reason="Plan", user=lead)
        brag_confirm(change=change, user=pm)
        comment_write(
            indicator=Indicator.objects.get(code="CP01"),
            month=Month(2012, 6),
            author=world.people["safeguarding"],
            subject="Head of Service Commentary",
            text="Explained at the panel.",
            submit=True,
            user=world.people["safeguarding"].user,
            actors=frozenset({Actor.WRITER}),
        )


def test_a_whole_cycle(world, smtp):
    dates = world.meeting.dates
    assert (dates.request, dates.reminder, dates.due, dates.briefing) == (
        date(2012, 7, 25),
        date(2012, 7, 30),
        date(2012, 8, 1),
        date(2012, 8, 8),
    )

    _run_on(dates.request - timedelta(days=1))
    assert smtp.messages == []

    _run_on(dates.request)  # 21 days before
    assert len(smtp.messages) == 4
    assert {subject(m).split(":")[0] for m in smtp.messages} == {
        "Corporate Parenting Board on 15 August 2012"
    }

    _updates_come_back(world, date(2012, 7, 27))
    _run_on(date(2012, 7, 28))
    assert len(smtp.messages) == 4

    _run_on(dates.reminder)  # 16 days before
    reminders = smtp.messages[4:]
    assert sorted(m["To"] for m in reminders) == [
        "lead@example.gov.uk",
        "leaving@example.gov.uk",
        "partner@example.gov.uk",
    ]
    (lead,) = [m for m in reminders if m["To"] == "lead@example.gov.uk"]
    assert subject(lead) == "Reminder: 1 update for Corporate Parenting Board due 1 August"
    assert "action 9: Review the leaving care offer" in text_of(lead)
    assert "action 7b" not in text_of(lead)  # it came back

    _run_on(dates.due)  # 14 days before
    assert len(smtp.messages) == 7

    _run_on(dates.briefing)  # 7 days before
    briefings = smtp.messages[7:]
    assert sorted(m["To"] for m in briefings) == ["chair@example.gov.uk", "pm@example.gov.uk"]
    assert subject(briefings[0]) == (
        "Briefing: Corporate Parenting Board on 15 August 2012 – 2 of 5 updates returned"
    )
    text = text_of(briefings[0])
    missing = text.split("Still missing")[1].split("Updated")[0]
    assert "Improvement Partner – Corporate Parenting Strategy Delivery Plan, action 1" in missing
    assert (
        "Strategic Lead for Participation – Corporate Parenting Strategy Delivery Plan, action 9"
        in missing
    )
    assert "Head of Leaving Care – CL01" in missing
    assert "action 9: Review the leaving care offer – Red → Amber – 27/07/2012" in text
    newly_red = text.split("Indicators newly worse than target in Quarter 1 2012/13")[1]
    assert "CP01: Child protection plans lasting two years or more – 9.00% – 5.00%" in newly_red
    overdue = text.split("Overdue actions on 08/08/2012")[1]
    assert "action 9: Review the leaving care offer – 30/06/2012" in overdue
    assert "action 7b" not in overdue

    _run_on(dates.briefing + timedelta(days=1))
    _run_on(dates.meeting)  # the meeting day
    _run_on(dates.meeting + timedelta(days=1))
    assert len(smtp.messages) == 9
    assert Delivery.objects.filter(sent_at__isnull=True).count() == 0
    kinds = sorted(Delivery.objects.values_list("kind", flat=True))
    assert kinds == ["briefing"] * 2 + ["reminder"] * 3 + ["request"] * 4


def test_a_scheduler_that_missed_the_request_day_catches_up_without_reminding_at_once(world, smtp):
    dates = world.meeting.dates
    _run_on(dates.reminder)
    assert {subject(m).split(":")[0] for m in smtp.messages} == {
        "Corporate Parenting Board on 15 August 2012"
    }
    _run_on(dates.due)
    assert len(smtp.messages) == 4  # a reminder follows a request sent on an earlier day


def test_nothing_is_sent_for_a_meeting_already_held(world, smtp):
    _run_on(world.meeting.date + timedelta(days=1))
    assert smtp.messages == []
