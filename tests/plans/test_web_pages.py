"""The plan pages as each role reads them: the plans, a plan, an action, my actions."""

import re
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from boardpack.boards.models import Board, Meeting
from boardpack.plans.models import Action, Plan
from boardpack.plans.services import brag_propose, progress_add
from tests.factories import UserFactory
from tests.pages import rows, text
from tests.plans.trackers import HEADER, MESSY, TITLE, action, import_tracker

TODAY = date(2019, 11, 15)
"""A fortnight before actions 1, 9 and 12b are due (Nov-19, Nov 19: 30/11/2019)."""
OBJECTIVE_1 = ["Objective 1 – Our Children and Young People have a voice"]


def _html(client, user, url: str) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _plan_url(plan: Plan) -> str:
    return f"/plans/{plan.slug}/"


def _action_url(ref: str) -> str:
    found = Action.objects.select_related("plan").get(ref=ref)
    return f"/plans/{found.plan.slug}/actions/{found.pk}/"


def _rows(html: str) -> dict[str, str]:
    """Each action row of a page by the ref it links to."""
    return {
        re.search(r'">([^<]+)<span class="govuk-visually-hidden">: open', r)[1]: r
        for _, r in rows(html, "data-action")
    }


def test_a_visitor_must_sign_in(client, plan):
    for url in ("/plans/", _plan_url(plan), _action_url("7b"), "/my-actions/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/")


def test_the_plans_list_counts_each_plans_actions_by_brag(client, viewer, plan):
    html = _html(client, viewer, "/plans/")
    row = next(r for key, r in rows(html, "data-summary") if key.startswith("Corporate"))
    counts = dict(re.findall(r'data-brag="(\w+)">(\d+)<', row))
    assert counts == {"red": "1", "amber": "0", "green": "2", "blue": "3", "none": "2"}
    assert f'href="/plans/{plan.slug}/"' in row
    assert "Overseen by the Corporate Parenting Board" in html


def test_the_plan_page_summarises_brag_per_objective_with_counts_beside_a_bar(client, viewer, plan):
    html = _html(client, viewer, _plan_url(plan))
    one = re.search(r'data-summary="1">.*?</tr>', html, re.S)[0]
    assert dict(re.findall(r'data-brag="(\w+)">(\d+)<', one)) == {
        "red": "0",
        "amber": "0",
        "green": "1",
        "blue": "2",
        "none": "2",
    }
    assert '<span class="bp-bar" aria-hidden="true">' in one
    assert one.count("bp-bar__part--") == 3  # green, blue and none: no empty parts
    total = re.search(r'data-summary="total">.*?</tr>', html, re.S)[0]
    assert re.findall(r"<strong>(\d+)</strong>", total) == ["1", "0", "2", "3", "2", "8"]
    # Status is never colour alone: each heading has its shape and its word.
    for glyph, word in (("▲", "Red"), ("◐", "Amber"), ("✔", "Green"), ("■", "Blue")):
        assert f'<span aria-hidden="true">{glyph} </span>{word}</th>' in html


def test_the_plan_page_lists_every_action_under_its_objective(client, viewer, plan):
    html = _html(client, viewer, _plan_url(plan))
    one = html.split('id="actions-1"')[1].split('id="actions-2"')[0]
    two = html.split('id="actions-2"')[1]
    assert list(_rows(one)) == ["1", "7b", "5a-c", "10b.i", "16"]
    assert list(_rows(two)) == ["12b", "12d", "9"]
    assert "8 actions shown." in html
    row = _rows(one)["7b"]
    assert "Strategic Lead for Participation" in row
    assert "Latest: 07/08/19 - Panel held" in row
    assert "✔" not in row
    assert "■</span> Blue" in row


@time_machine.travel(TODAY, tick=False)
def test_overdue_and_due_within_six_weeks_are_highlighted_without_a_meeting(client, viewer, plan):
    import_tracker(
        {
            "Plan": [
                [TITLE],
                HEADER,
                ["Objective 1 – Soon"],
                action("late", activity="Late", timescale="31/10/19", brag="Amber"),
                action("soon", activity="Soon", timescale="20/12/19", brag="Green"),
                action("later", activity="Later", timescale="Jan-20", brag="Green"),
                action("done", activity="Done", timescale="31/10/19", brag="Blue"),
                action("going", activity="Going", timescale="Ongoing-Oct-19", brag="Green"),
            ]
        },
        plan="Soon Plan",
    )
    html = _html(client, viewer, "/plans/soon-plan/")
    rows = _rows(html)
    assert 'data-urgency="overdue"' in rows["late"]
    assert 'data-urgency="soon"' in rows["soon"]
    assert "Due by 27 December 2019" in rows["soon"]
    for ref in ("later", "done", "going"):
        assert "data-urgency" not in rows[ref], ref
    assert "six weeks ahead: no meeting of a board is set" in html


@time_machine.travel(TODAY, tick=False)
def test_the_next_meeting_of_the_plans_board_is_the_horizon(client, viewer, plan):
    board = Board.objects.get(name="Corporate Parenting Board")
    Meeting.objects.create(board=board, date=date(2019, 11, 10), period=date(2019, 9, 30))
    Meeting.objects.create(board=board, date=date(2019, 12, 2), period=date(2019, 10, 31))
    html = _html(client, viewer, _plan_url(plan))
    assert "due by the board on 2 December 2019</strong>, the board's next meeting" in html
    rows = _rows(html)
    for ref in ("1", "12b", "9"):  # due 30/11/2019, before the meeting
        assert 'data-urgency="soon"' in rows[ref], ref
    assert "data-urgency" not in rows["5a-c"]  # due 31/03/2020
    html = _html(client, viewer, _plan_url(plan) + "?due_soon=yes")
    assert list(_rows(html)) == ["1", "12b", "9"]


def test_filters_narrow_the_actions(client, viewer, plan):
    url = _plan_url(plan)
    assert list(_rows(_html(client, viewer, url + "?objective=2"))) == ["12b", "12d", "9"]
    assert list(_rows(_html(client, viewer, url + "?brag=blue"))) == [
        "7b",
        "16",
        "12d",
    ]  # by objective
    assert list(_rows(_html(client, viewer, url + "?brag=none"))) == ["5a-c", "10b.i"]
    assert list(_rows(_html(client, viewer, url + "?responsible=improvement"))) == ["1"]
    assert list(_rows(_html(client, viewer, url + "?flagged=yes"))) == ["10b.i", "12d"]
    with time_machine.travel(date(2020, 1, 15), tick=False):
        assert list(_rows(_html(client, viewer, url + "?overdue=yes"))) == ["1", "12b", "9"]
    html = _html(client, viewer, url + "?objective=1&brag=red")
    assert "No action matches these filters." in html
    assert "Clear filters" in html
    # A stale link shows every action rather than an error.
    assert len(_rows(_html(client, viewer, url + "?objective=99&brag=purple"))) == 8


SUMMARY_ROW = (
    r'<dt class="govuk-summary-list__key">\s*(.*?)\s*</dt>\s*'
    r'<dd class="govuk-summary-list__value[^"]*">\s*(.*?)\s*</dd>'
)
"""A summary list's row: (key, value)."""


def test_the_action_page_shows_every_field(client, viewer, plan):
    html = _html(client, viewer, _action_url("1"))
    fields = dict(re.findall(SUMMARY_ROW, html, re.S))
    assert fields["Ref"] == "1"
    assert fields["Activity"] == "Identify champions"
    assert fields["Evidence"] == "Minutes"
    assert fields["Metric"] == "CS143"
    assert re.search(
        r'<a class="govuk-link" href="/indicators/\d+/">CS143: ', fields["Metric indicator"]
    )
    assert fields["Current data and date"] == "Total 3 15.01.19"
    assert fields["Responsible (as written)"] == "Improvement Partner"
    assert fields["Leads in Boardpack"] == "Improvement Partner (person)"
    assert fields["Timescale as written"] == "Nov-19"
    assert fields["Due date"] == "30/11/2019"
    assert fields["BRAG"] == "Green"
    log = re.findall(r'<span class="bp-log__when">(.*?)</span>', html)
    assert log == ["Undated", "26.03.19", "14.05.19"]
    assert "JL advised EG confirmed that this paused" in html


def test_the_action_page_shows_flags_the_duplicate_link_and_cells_not_read(client, viewer, plan):
    html = _html(client, viewer, _action_url("12d"))
    assert "Imported cells kept as written for a person to check" in html
    assert "31/04/19" in html
    twelve_b = Action.objects.get(ref="12b")
    assert f'href="/plans/{plan.slug}/actions/{twelve_b.pk}/">12b: Placements</a>' in html
    assert "Column L (not read)" in html
    assert "a note beside the table" in html
    html = _html(client, viewer, _action_url("12b"))
    assert "Duplicated by" in html
    assert "12d: Promotion of placements" in html


def test_the_history_shows_brag_changes_and_field_changes(client, viewer, plan):
    html = _html(client, viewer, _action_url("7b"))
    assert "import: tracker.xlsx (BRAG written 'Blu')" in text(html)
    assert "Imported or created" in html


def test_my_actions_lists_a_leads_actions(client, lead, plan):
    html = _html(client, lead, "/my-actions/")
    assert list(_rows(html)) == ["7b"]
    assert "Corporate Parenting Strategy Delivery Plan" in html
    assert '<a class="govuk-service-navigation__link" href="/my-actions/"' in html


def test_my_actions_is_empty_for_someone_who_leads_nothing(client, viewer, plan):
    html = _html(client, viewer, "/my-actions/")
    assert "No action names you as responsible" in html
    assert 'href="/my-actions/"' not in html.split("</nav>")[0]  # not in the navigation


def test_my_actions_needs_a_person(client, plan):
    client.force_login(UserFactory(username="nobody", with_password=False))
    assert client.get("/my-actions/").status_code == 403


def test_an_unknown_plan_or_an_action_of_another_plan_is_not_found(client, viewer, plan):
    import_tracker(
        {"P": [["Ref", "Activity", "Timescales", "BRAG"], ["Objective 1 – X"], ["1", "A"]]},
        plan="Other Plan",
    )
    other = Action.objects.get(plan__name="Other Plan")
    client.force_login(viewer)
    assert client.get("/plans/no-such-plan/").status_code == 404
    assert client.get(f"/plans/{plan.slug}/actions/{other.pk}/").status_code == 404


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize(
    "url", ["/plans/", "/plans/corporate-parenting-strategy-delivery-plan/", "/my-actions/"]
)
def test_list_pages_run_the_same_queries_however_many_actions(
    client, lead, plan, url, django_assert_max_num_queries
):
    client.force_login(lead)
    before = _queries(client, url)
    assert before <= 20
    seven_b = Action.objects.get(ref="7b")
    for day in range(1, 8):
        progress_add(action=seven_b, day=date(2019, 10, day), text=f"Update {day}", user=lead)
    lead_name = "Strategic Lead for Participation"
    rows = [
        action(f"x{n}", activity=f"More {n}", responsible=lead_name, progress=f"01.10.19 - {n}")
        for n in range(30)
    ]
    import_tracker({**MESSY, "Extra": [[TITLE], HEADER, OBJECTIVE_1, *rows]})
    assert Action.objects.filter(responsible_people__name=lead_name).count() == 31
    with django_assert_max_num_queries(before):
        client.get(url)


def test_the_action_page_runs_the_same_queries_however_long_its_history(
    client, lead, plan, django_assert_max_num_queries
):
    client.force_login(lead)
    url = _action_url("7b")
    seven_b = Action.objects.get(ref="7b")
    progress_add(action=seven_b, day=date(2019, 10, 1), text="First", user=lead)
    brag_propose(action=seven_b, brag="amber", reason="Slipping", user=lead)
    before = _queries(client, url)
    for day in range(2, 9):
        progress_add(action=seven_b, day=date(2019, 10, day), text=f"Update {day}", user=lead)
        brag_propose(action=seven_b, brag="green", reason=f"Back on track {day}", user=lead)
    import_tracker()  # the same file again: no change
    with django_assert_max_num_queries(before):
        client.get(url)
