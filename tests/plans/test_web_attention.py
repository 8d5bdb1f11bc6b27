"""Needs attention: flagged cells for officers, and a flagged timescale resolved by hand."""

from datetime import date

import pytest

from boardpack.plans.models import Action, TimescaleResolution
from boardpack.plans.services import PlanError, timescale_resolve
from tests.forms import date_input
from tests.pages import text
from tests.plans.trackers import MESSY, import_tracker


def _action(ref: str) -> Action:
    return Action.objects.select_related("plan").get(ref=ref)


def test_officers_see_every_flagged_cell_linking_to_its_action(client, officer, plan):
    client.force_login(officer)
    html = client.get("/needs-attention/").content.decode()
    assert "2 actions with flagged cells." in html
    twelve_d, ten_b = _action("12d"), _action("10b.i")
    assert f'href="/plans/{plan.slug}/actions/{twelve_d.pk}/"' in html
    assert f'href="/plans/{plan.slug}/actions/{ten_b.pk}/"' in html
    assert "<strong>Timescale:</strong> 31/04/19 is not a date that exists" in html
    assert "<strong>B.R.A.G.:</strong> 'Amber/Green' names more than one status" in text(html)
    assert f'href="/needs-attention/{twelve_d.pk}/timescale/"' in html
    assert f'href="/needs-attention/{ten_b.pk}/timescale/"' not in html  # its timescale is fine


@pytest.mark.parametrize("who", ["lead", "manager", "viewer"])
def test_only_officers_reach_needs_attention(client, plan, lead, manager, viewer, who):
    client.force_login({"lead": lead, "manager": manager, "viewer": viewer}[who])
    twelve_d = _action("12d")
    assert client.get("/needs-attention/").status_code == 403
    url = f"/needs-attention/{twelve_d.pk}/timescale/"
    assert client.get(url).status_code == 403
    assert client.post(url, date_input("due_date", "30 4 2019")).status_code == 403
    assert not TimescaleResolution.objects.exists()
    assert _action("12d").due_date is None


def test_an_officer_resolves_a_flagged_timescale_keeping_the_text(client, officer, plan):
    client.force_login(officer)
    url = f"/needs-attention/{_action('12d').pk}/timescale/"
    html = client.get(url).content.decode()
    assert "31/04/19" in html
    assert "is not a date that exists" in html
    response = client.post(url, {**date_input("due_date", "30 4 2019"), "note": "April was meant"})
    assert response.status_code == 302
    assert response["Location"] == "/needs-attention/"
    twelve_d = _action("12d")
    assert (twelve_d.timescale_text, twelve_d.due_date) == ("31/04/19", date(2019, 4, 30))
    assert not any(flag.startswith("Timescale:") for flag in twelve_d.flags)
    assert any(flag.startswith("L:") for flag in twelve_d.flags)  # other flags stay
    resolution = TimescaleResolution.objects.get()
    assert (resolution.by, resolution.timescale_text, resolution.note) == (
        officer,
        "31/04/19",
        "April was meant",
    )
    assert resolution.flags[0].startswith("Timescale: ")
    record = twelve_d.history.first()
    assert record.history_user == officer
    assert record.history_change_reason == (
        "Timescale '31/04/19' resolved by hand: due 30/04/2019 (April was meant)"
    )
    page = client.get(f"/plans/{plan.slug}/actions/{twelve_d.pk}/").content.decode()
    assert "read as 30/04/2019 by Performance Officer" in page


def test_a_resolution_needs_a_date_or_ongoing(client, officer, plan):
    client.force_login(officer)
    url = f"/needs-attention/{_action('12d').pk}/timescale/"
    response = client.post(url, {**date_input("due_date", ""), "note": ""})
    assert response.status_code == 200
    assert "Give a due date, say the action is ongoing, or both" in response.content.decode()
    response = client.post(url, date_input("due_date", "31 4 2019"))
    assert "The due date must be a real date" in response.content.decode()
    assert not TimescaleResolution.objects.exists()
    response = client.post(url, {"ongoing": "yes"})
    assert response.status_code == 302
    assert (_action("12d").due_date, _action("12d").ongoing) == (None, True)


def test_an_action_whose_timescale_is_not_flagged_has_nothing_to_resolve(client, officer, plan):
    with pytest.raises(PlanError, match="not flagged"):
        timescale_resolve(
            action=_action("1"), due_date=date(2019, 1, 1), ongoing=False, note="", user=officer
        )
    client.force_login(officer)
    response = client.get(f"/needs-attention/{_action('1').pk}/timescale/")
    assert response.status_code == 302


def test_only_an_officer_may_resolve(plan, manager):
    with pytest.raises(PlanError, match="performance officer"):
        timescale_resolve(
            action=_action("12d"), due_date=date(2019, 4, 30), ongoing=False, note="", user=manager
        )


def test_importing_the_same_text_again_keeps_the_resolution(plan, officer):
    timescale_resolve(
        action=_action("12d"), due_date=date(2019, 4, 30), ongoing=False, note="", user=officer
    )
    report = import_tracker()
    assert (report.created, report.updated) == (0, 0)
    twelve_d = _action("12d")
    assert twelve_d.due_date == date(2019, 4, 30)
    assert not any(flag.startswith("Timescale:") for flag in twelve_d.flags)


def test_a_changed_timescale_is_read_afresh(plan, officer):
    timescale_resolve(
        action=_action("12d"), due_date=date(2019, 4, 30), ongoing=False, note="", user=officer
    )
    sheets = {name: [list(row) for row in rows] for name, rows in MESSY.items()}
    for row in sheets["Delivery Plan"]:
        if row and row[0] == "12d":
            row[9] = "31/05/19"
    import_tracker(sheets)
    assert _action("12d").due_date == date(2019, 5, 31)
