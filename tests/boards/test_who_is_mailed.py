"""People switched off from e-mail, or with no address, are not e-mailed (the meeting page still
lists them); and no e-mail carries what people wrote, which may name a child."""

import pytest
import time_machine

from boardpack.boards.models import Delivery
from boardpack.boards.outbox import cycle_run
from boardpack.core.commentary import Actor
from boardpack.core.periods import Month
from boardpack.plans.services import progress_add
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.services import comment_write
from tests.boards.world import at, html_of, text_of

pytestmark = pytest.mark.django_db
PRIVATE = "Child AB (born 01/02/2010) moved to a new placement"


def test_a_person_switched_off_from_e_mail_is_not_sent_any(world, smtp, client):
    partner = world.people["partner"]
    partner.email_opt_out = True
    partner.save()
    cycle_run(now=at(world.meeting.dates.request))
    assert smtp.to(partner.email) == []
    assert not Delivery.objects.filter(person=partner).exists()
    client.force_login(world.people["pm"].user)
    page = client.get(f"/meetings/{world.meeting.pk}/").content.decode()
    assert "Improvement Partner" in page
    assert "E-mail switched off" in page


def test_a_chair_without_an_address_gets_no_briefing_but_the_manager_does(world, smtp):
    chair = world.people["chair"]
    chair.email = ""
    chair.save()
    cycle_run(now=at(world.meeting.dates.briefing))
    assert [m["To"] for m in smtp.messages if "Briefing" in m["Subject"]] == ["pm@example.gov.uk"]


def test_officers_switch_people_off_on_the_people_page(world, officer, client):
    partner = world.people["partner"]
    client.force_login(officer)
    form = {
        "name": partner.name,
        "email": partner.email,
        "email_opt_out": "yes",
        "role": partner.role,
        "username": partner.user.username,
        "active": "yes",
    }
    assert client.post(f"/people/{partner.pk}/edit/", form).status_code == 302
    partner.refresh_from_db()
    assert partner.email_opt_out
    assert partner.history.first().email_opt_out


def test_no_e_mail_carries_progress_or_commentary_text(world, smtp):
    lead, owner = world.people["lead"], world.people["safeguarding"]
    with time_machine.travel(at(world.meeting.dates.request, 12), tick=False):
        progress_add(action=world.action("7b"), day=world.meeting.dates.request, text=PRIVATE,
                     user=lead.user)  # fmt: skip
        comment_write(
            indicator=Indicator.objects.get(code="CP01"),
            month=Month(2012, 6),
            author=owner,
            subject="Head of Service Commentary",
            text=PRIVATE,
            submit=True,
            user=owner.user,
            actors=frozenset({Actor.WRITER}),
        )
    for day in ("request", "reminder", "briefing"):
        cycle_run(now=at(getattr(world.meeting.dates, day)))
    assert len(smtp.messages) == 3 + 3 + 2  # 7b and CP01 came back before the requests
    for message in smtp.messages:
        assert "Child AB" not in text_of(message)
        assert "Child AB" not in html_of(message)
