"""Notices through the cycle's outbox: "Chase" on the exceptions list e-mails the owner now
(once a day at most), and reviewers are told when commentary is submitted."""

from datetime import date, timedelta

import pytest
import time_machine

from boardpack.accounts.models import Role
from boardpack.boards.models import Delivery
from boardpack.boards.outbox import cycle_run
from boardpack.scorecard.models import Indicator
from tests.boards.world import at, links, person, subject, text_of

pytestmark = pytest.mark.django_db
REVIEW = "/commentary/review/?period=2012-06"
DAY = date(2012, 7, 10)


@pytest.fixture
def officer(world):
    return person("Performance Officer", "officer", role=Role.PERFORMANCE_OFFICER)


def _chase(client, who, code="CP01", day=None):
    client.force_login(who.user)
    pk = Indicator.objects.get(code=code).pk
    with time_machine.travel(at(day or DAY, 10), tick=False):
        return client.post(f"/commentary/chase/{pk}/2012-06/", follow=True)


def test_the_exceptions_list_offers_chase_for_exceptions_not_yet_submitted(world, client, officer):
    client.force_login(officer.user)
    html = client.get(REVIEW).content.decode()
    assert 'Chase<span class="govuk-visually-hidden"> Head of Safeguarding for CP01' in html
    assert 'Chase<span class="govuk-visually-hidden"> Head of Leaving Care for CL01' in html


def test_chase_e_mails_the_owner_now_with_the_link_and_logs_it(world, client, smtp, officer):
    response = _chase(client, officer)
    assert response.redirect_chain[-1][0] == REVIEW
    assert (
        "Head of Safeguarding has been sent a reminder for CP01, Quarter 1 2012/13."
        in response.content.decode()
    )
    (message,) = smtp.messages
    assert message["To"] == "safeguarding@example.gov.uk"
    assert subject(message) == "Commentary needed: CP01 for Quarter 1 2012/13"
    pk = Indicator.objects.get(code="CP01").pk
    assert links(message) == [f"/indicators/{pk}/commentary/2012-06/"]
    assert "Worse than target, Quarter 1 2012/13" in text_of(message)
    logged = Delivery.objects.get(kind="chase")
    assert (logged.meeting, logged.person, logged.sent_at is not None) == (
        None,
        world.people["safeguarding"],
        True,
    )


def test_a_second_press_the_same_day_sends_nothing_again(world, client, smtp, officer):
    _chase(client, officer)
    again = _chase(client, officer).content.decode()
    assert "was already chased for CP01, Quarter 1 2012/13 today at 10:00: not sent again" in again
    assert len(smtp.messages) == 1
    _chase(client, officer, day=DAY + timedelta(days=1))
    assert len(smtp.messages) == 2


def test_a_refused_chase_stays_in_the_outbox_for_the_next_run(world, client, smtp, officer):
    smtp.refuse = {1}
    response = _chase(client, officer).content.decode()
    assert "could not be sent now" in response
    assert "the next cycle run tries again" in response
    assert smtp.messages == []
    cycle_run(now=at(DAY, 11))
    assert [m["To"] for m in smtp.messages] == ["safeguarding@example.gov.uk"]


def test_an_owner_without_an_address_is_not_chased(world, client, smtp, officer):
    owner = world.people["safeguarding"]
    owner.email = ""
    owner.save()
    html = _chase(client, officer).content.decode()
    assert "Head of Safeguarding cannot be chased by e-mail: no e-mail address" in html
    assert smtp.messages == []
    assert not Delivery.objects.exists()


@pytest.mark.parametrize("who", ["pm", "safeguarding", "member"])
def test_only_performance_officers_chase(world, client, smtp, who):
    assert _chase(client, world.people[who]).status_code == 403
    assert smtp.messages == []
    assert not Delivery.objects.exists()


def _submit(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.people["safeguarding"].user)
    pk = Indicator.objects.get(code="CP01").pk
    form = {"subject": "Head", "text": "Plans are lasting longer", "action": "submit"}
    with (
        time_machine.travel(at(DAY, 9), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        client.post(f"/indicators/{pk}/commentary/2012-06/", form)


def test_reviewers_are_told_when_commentary_is_submitted(
    world, client, smtp, officer, django_capture_on_commit_callbacks
):
    quiet = person("Quiet Officer", "quiet", role=Role.PERFORMANCE_OFFICER)
    quiet.email_opt_out = True
    quiet.save()
    _submit(client, world, django_capture_on_commit_callbacks)
    notice = Delivery.objects.get(kind="submitted")
    assert notice.person == officer
    assert notice.sent_at is None  # the next run sends it: the writer never waits on the relay
    cycle_run(now=at(DAY, 10))
    (message,) = smtp.messages
    assert message["To"] == "officer@example.gov.uk"
    assert subject(message) == "Commentary to review: CP01 for Quarter 1 2012/13"
    assert "Head of Safeguarding has submitted commentary" in text_of(message)
    assert "Plans are lasting longer" not in text_of(message)
    comment = notice.items[0]["id"]
    assert links(message) == [f"/commentary/{comment}/review/"]
    client.force_login(officer.user)
    html = client.get(REVIEW).content.decode()
    assert 'Commentary review <span class="bp-waiting">(1' in html
    assert 'Chase<span class="govuk-visually-hidden"> Head of Safeguarding' not in html
