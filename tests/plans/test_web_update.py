"""An action lead records a progress entry and a proposed BRAG in one form: what has happened is
the proposal's one reason, and both or neither are written."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from boardpack.plans.models import Action, BragChange, ProgressEntry
from tests.forms import date_boxes, date_input


def _action(ref: str) -> Action:
    return Action.objects.select_related("plan").get(ref=ref)


def _post(client, user, ref="7b", **data):
    client.force_login(user)
    found = _action(ref)
    form = {
        **date_input("progress-day", "2 9 2019"),
        "progress-text": "Panels paused for summer",
        **data,
    }
    return client.post(f"/plans/{found.plan.slug}/actions/{found.pk}/progress/", form, follow=True)


def test_one_update_adds_the_progress_and_proposes_the_status_with_it_as_the_reason(
    client, lead, plan
):
    html = _post(client, lead, **{"progress-brag": "amber"}).content.decode()
    assert "Progress added to action 7b. Amber proposed for action 7b" in html
    entry = _action("7b").progress_entries.order_by("-order").first()
    assert entry.raw == "02.09.19 - Panels paused for summer"
    proposal = BragChange.objects.get(action__ref="7b", confirmed=False)
    assert (proposal.brag, proposal.reason, proposal.confirmed) == (
        "amber",
        "Panels paused for summer",
        False,
    )
    assert _action("7b").brag == "blue"  # not until the programme manager confirms it


@pytest.mark.parametrize("brag", ["", "blue"])
def test_no_change_or_the_same_status_proposes_nothing(client, lead, plan, brag):
    html = _post(client, lead, **{"progress-brag": brag}).content.decode()
    assert "Progress added to action 7b." in html
    assert "proposed" not in html
    assert not BragChange.objects.filter(confirmed=False).exists()


def test_the_form_offers_keeping_the_status_first(client, lead, plan):
    client.force_login(lead)
    found = _action("7b")
    html = client.get(f"/plans/{found.plan.slug}/actions/{found.pk}/").content.decode()
    assert "Update the action" in html
    keep = html.index("No change: keep Blue")
    assert keep < html.index("Propose Red")
    assert 'name="progress-brag" type="radio" value="" checked' in html


@time_machine.travel(datetime(2027, 1, 14, 9, 0, tzinfo=ZoneInfo("Europe/London")), tick=False)
def test_the_update_is_dated_today_in_the_day_month_and_year_boxes(client, lead, plan):
    client.force_login(lead)
    found = _action("7b")
    html = client.get(f"/plans/{found.plan.slug}/actions/{found.pk}/").content.decode()
    assert date_boxes(html, "progress-day") == "14 1 2027"


def test_a_bad_date_writes_neither(client, lead, plan):
    before = ProgressEntry.objects.count()
    response = _post(
        client, lead, **date_input("progress-day", "31 4 2019"), **{"progress-brag": "red"}
    )
    assert "The date of the update must be a real date" in response.content.decode()
    assert ProgressEntry.objects.count() == before
    assert not BragChange.objects.filter(confirmed=False).exists()


def test_someone_who_does_not_lead_it_writes_neither(client, viewer, plan):
    before = ProgressEntry.objects.count()
    assert _post(client, viewer, **{"progress-brag": "red"}).status_code == 403
    assert ProgressEntry.objects.count() == before
    assert not BragChange.objects.filter(confirmed=False).exists()
