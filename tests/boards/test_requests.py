"""Requests: on the request date every lead with open actions and every owner whose indicators
need commentary gets one e-mail listing exactly what is asked, each with its link."""

import pytest

from boardpack.boards.models import Delivery
from boardpack.boards.outbox import cycle_run
from tests.boards.world import at, html_of, links, subject, text_of

pytestmark = pytest.mark.django_db


def test_it_sends_one_request_to_each_person_asked(world, smtp):
    report = cycle_run(now=at(world.meeting.dates.request))
    assert report.failed == []
    assert sorted(m["To"] for m in smtp.messages) == [
        "lead@example.gov.uk",
        "leaving@example.gov.uk",
        "partner@example.gov.uk",
        "safeguarding@example.gov.uk",
    ]
    lead = smtp.to("lead@example.gov.uk")[0]
    assert subject(lead) == (
        "Corporate Parenting Board on 15 August 2012: please update 2 items by 1 August"
    )
    text = text_of(lead)
    assert "action 7b: Young people on interview panels" in text
    assert "action 9: Review the leaving care offer" in text
    assert "Mentoring scheme" not in text  # Blue: complete and closed
    assert "Add progress" in html_of(lead)


def test_an_owner_is_asked_only_for_exceptions_of_the_board_s_selection(world, smtp):
    cycle_run(now=at(world.meeting.dates.request))
    (owner,) = smtp.to("safeguarding@example.gov.uk")
    text = text_of(owner)
    assert "CP01: Child protection plans lasting two years or more" in text
    assert "Worse than target, Quarter 1 2012/13" in text
    assert "CP02" not in text  # on target
    assert smtp.to("schools@example.gov.uk") == []  # SC01 is not the board's


def test_every_e_mail_sent_is_recorded_with_its_items(world, smtp):
    cycle_run(now=at(world.meeting.dates.request))
    delivery = Delivery.objects.get(person=world.people["lead"], kind="request")
    assert delivery.to == "lead@example.gov.uk"
    assert delivery.sent_at == at(world.meeting.dates.request)
    assert [item["label"] for item in delivery.items] == [
        f"{world.plan.name}, action 7b: Young people on interview panels",
        f"{world.plan.name}, action 9: Review the leaving care offer",
    ]
    assert [item["url"].split("#")[0] for item in delivery.items] == [
        f"http://testserver{path}" for path in links(smtp.to("lead@example.gov.uk")[0])[:2]
    ]
