"""Each link in a request opens the page where the work is done, for the person asked; anyone
else is refused the work (403 or 404)."""

import pytest

from boardpack.boards.outbox import cycle_run
from boardpack.plans.models import ProgressEntry
from tests.boards.world import at, links

pytestmark = pytest.mark.django_db


def _request(world, smtp, who):
    cycle_run(now=at(world.meeting.dates.request))
    (message,) = smtp.to(world.people[who].email)
    return links(message)


def test_an_action_link_opens_the_action_with_its_progress_form_for_its_lead(world, smtp, client):
    action_link, *_ = _request(world, smtp, "lead")
    assert action_link == f"/plans/{world.plan.slug}/actions/{world.action('7b').pk}/"
    client.force_login(world.people["lead"].user)
    page = client.get(action_link)
    assert page.status_code == 200
    assert f'action="{action_link}progress/"'.encode() in page.content


def test_someone_else_following_an_action_link_may_read_but_not_update(world, smtp, client):
    action_link, *_ = _request(world, smtp, "lead")
    client.force_login(world.people["partner"].user)
    page = client.get(action_link)
    assert page.status_code == 200
    assert b"progress/" not in page.content
    posted = client.post(f"{action_link}progress/", {"day": "2012-07-26", "text": "Done"})
    assert posted.status_code == 403
    assert not ProgressEntry.objects.filter(text="Done").exists()


def test_a_commentary_link_opens_the_owner_s_commentary_form(world, smtp, client):
    (link,) = _request(world, smtp, "safeguarding")[:1]
    cp01 = world.people["safeguarding"].indicators.get(code="CP01")
    assert link == f"/indicators/{cp01.pk}/commentary/2012-06/"
    client.force_login(world.people["safeguarding"].user)
    assert client.get(link).status_code == 200


@pytest.mark.parametrize(("who", "status"), [("leaving", 404), ("lead", 403), ("chair", 403)])
def test_a_commentary_link_is_refused_to_anyone_else(world, smtp, client, who, status):
    (link,) = _request(world, smtp, "safeguarding")[:1]
    client.force_login(world.people[who].user)
    assert client.get(link).status_code == status


def test_the_meeting_link_opens_the_meeting_page_for_anyone_signed_in(world, smtp, client):
    *_, meeting_link = _request(world, smtp, "lead")
    assert meeting_link == f"/meetings/{world.meeting.pk}/"
    assert client.get(meeting_link).status_code == 302  # to sign in
    client.force_login(world.people["member"].user)
    assert client.get(meeting_link).status_code == 200
