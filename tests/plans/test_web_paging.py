"""A delivery plan of 196 actions is listed fifty at a time, and filtered by objective, BRAG,
lead and overdue; the filters and the page travel together in the address."""

import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from boardpack.accounts.models import Person
from boardpack.plans.models import Plan
from tests.factories import PersonFactory
from tests.plans.trackers import HEADER, TITLE, action, import_tracker

LEADS = ("Head of Virtual School", "Strategic Lead for Care Leavers")
BRAGS = ("Red", "Amber", "Green", "Blue")


def _tracker() -> dict[str, list[list[str]]]:
    """Four objectives of 49 actions: leads, BRAG and due dates turn about."""
    rows = [[TITLE], HEADER]
    for objective in range(1, 5):
        rows.append([f"Objective {objective} – Priority {objective}"])
        for n in range(49):
            number = (objective - 1) * 49 + n
            rows.append(
                action(
                    f"{objective}.{n + 1}",
                    activity=f"Activity {number}",
                    responsible=LEADS[number % 2],
                    timescale="31/03/2019" if number % 7 == 0 else "31/03/2030",
                    brag=BRAGS[number % 4],
                )
            )
    return {"Delivery Plan": rows}


@pytest.fixture
def big_plan(db) -> Plan:
    for name in LEADS:
        PersonFactory(name=name)
    import_tracker(_tracker(), plan="Big Plan")
    return Plan.objects.get(name="Big Plan")


def _get(client, viewer, plan, query=""):
    client.force_login(viewer)
    with time_machine.travel("2020-01-15 09:00", tick=False):
        response = client.get(f"/plans/{plan.slug}/{query}")
    assert response.status_code == 200
    return response.content.decode()


def _shown(html: str) -> list[str]:
    return re.findall(r'data-action="\d+"', html)


def test_the_first_page_lists_fifty_of_the_196(client, viewer, big_plan):
    html = _get(client, viewer, big_plan)
    assert big_plan.actions.count() == 196
    assert "Actions 1 to 50 of 196 shown." in html
    assert len(_shown(html)) == 50
    assert 'href="?page=2#actions" rel="next"' in html
    assert 'aria-label="Page 4"' in html


def test_the_last_page_lists_the_rest(client, viewer, big_plan):
    html = _get(client, viewer, big_plan, "?page=4")
    assert "Actions 151 to 196 of 196 shown." in html
    assert len(_shown(html)) == 46
    assert 'rel="next"' not in html
    assert re.search(r'aria-current="page">\s*4\s*</a>', html)


def test_a_lead_and_overdue_together_narrow_the_list_and_the_pages_keep_them(
    client, viewer, big_plan
):
    lead = Person.objects.get(name=LEADS[0])
    html = _get(client, viewer, big_plan, f"?lead={lead.pk}&overdue=yes")
    expected = [n for n in range(196) if n % 2 == 0 and n % 7 == 0 and BRAGS[n % 4] != "Blue"]
    assert f"{len(expected)} actions shown (filtered)." in html
    assert re.findall(r"Activity (\d+)", html) == [str(n) for n in expected]


def test_the_next_page_link_keeps_the_filters(client, viewer, big_plan):
    lead = Person.objects.get(name=LEADS[1])
    html = _get(client, viewer, big_plan, f"?lead={lead.pk}")
    assert "Actions 1 to 50 of 98 shown (filtered)." in html
    assert f'href="?lead={lead.pk}&amp;page=2#actions" rel="next"' in html
    second = _get(client, viewer, big_plan, f"?lead={lead.pk}&page=2")
    assert re.findall(r"Activity (\d+)", second) == [str(n) for n in range(101, 196, 2)]


def test_objective_and_brag_filters(client, viewer, big_plan):
    html = _get(client, viewer, big_plan, "?brag=red")
    assert "49 actions shown (filtered)." in html
    html = _get(client, viewer, big_plan, "?objective=2&brag=green")
    assert "12 actions shown (filtered)." in html
    assert re.findall(r"Activity (\d+)", html) == [str(n) for n in range(49, 98) if n % 4 == 2]


def test_the_lead_choices_are_the_plans_linked_people(client, viewer, big_plan):
    html = _get(client, viewer, big_plan)
    select = re.search(r'<select[^>]*name="lead".*?</select>', html, re.S)[0]
    assert re.findall(r"<option[^>]*>([^<]+)</option>", select) == ["Any lead", *LEADS]


def test_every_page_makes_the_same_number_of_queries(client, viewer, big_plan):
    _get(client, viewer, big_plan)
    with CaptureQueriesContext(connection) as first:
        _get(client, viewer, big_plan, "?page=1")
    with CaptureQueriesContext(connection) as last:
        _get(client, viewer, big_plan, "?page=4")
    assert len(last) == len(first)
