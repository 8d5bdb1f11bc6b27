import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


def test_a_visitor_must_sign_in(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_the_first_page_is_the_quarter_1_scorecard_grouped_by_director(client, officer, demo_data):
    client.force_login(officer)
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Performance Report – Quarter 1 2012/13" in html
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert len(headings) == 4
    assert "Assistant Director – Children&#x27;s Social Care" in headings
    row = re.search(r"<td>2042SC</td>(.*?)</tr>", html, re.S)[1]
    assert "37.47" in row
    assert "36.00" in row
    assert "Worse than target" in row
    assert "◆" in row


def test_a_bad_period_is_explained_not_crashed(client, officer, demo_data):
    client.force_login(officer)
    html = client.get("/?period=31/04/2012").content.decode()
    assert "There is a problem" in html
    assert "is not a date that exists" in html


def test_the_page_query_count_does_not_grow_with_indicators(client, officer, demo_data):
    client.force_login(officer)
    with CaptureQueriesContext(connection) as few:
        client.get("/?period=2012-06")
    from boardpack.scorecard.models import Indicator

    Indicator.objects.filter(code__startswith="N").delete()
    with CaptureQueriesContext(connection) as fewer:
        client.get("/?period=2012-06")
    assert len(few) == len(fewer)


@pytest.mark.parametrize("scheme", ["rag"])
def test_the_rag_scheme_is_a_setting(client, officer, demo_data, settings, scheme):
    settings.BOARDPACK_STATUS_SCHEME = scheme
    client.force_login(officer)
    row = re.search(r"<td>2042SC</td>(.*?)</tr>", client.get("/").content.decode(), re.S)[1]
    assert "Red" in row
    assert "Worse than target" not in row


def test_a_milestone_shows_its_due_and_completion_dates(client, officer, demo_data):
    client.force_login(officer)
    html = client.get("/?period=2012-06").content.decode()
    overdue = re.search(r"<td>MIL01</td>(.*?)</tr>", html, re.S)[1]
    done = re.search(r"<td>MIL02</td>(.*?)</tr>", html, re.S)[1]
    assert "Not completed" in overdue
    assert "Due 30/04/2012" in overdue
    assert "Worse than target" in overdue
    assert "Completed 30/04/2012" in done
