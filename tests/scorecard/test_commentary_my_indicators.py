import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.scorecard.commentary_helpers import add_red_indicators, write_url


def _page(client, user, url="/my-indicators/"):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _sections(html):
    """Codes needing commentary, then codes that need none."""
    needing, _, others = html.partition("No commentary needed")
    return re.findall(r'data-code="([^"]+)"', needing), re.findall(r'data-code="([^"]+)"', others)


def test_exceptions_come_first_worst_first_and_the_rest_need_no_comment(client, owner):
    html = _page(client, owner, "/my-indicators/?period=2012-03")
    assert "Commentary for Quarter 4 2011/12" in html
    needing, others = _sections(html)
    assert needing == ["2042SC", "NI064", "NI065"]
    assert others == ["2023SC"]
    assert html.index("Needing commentary") < html.index("No commentary needed")
    assert "No comment required (on target)" in html.split("No commentary needed")[1]
    assert "Within tolerance" in html
    assert f'href="{write_url("2042SC", "2012-03")}">Write commentary' in html


def test_the_latest_month_with_actuals_is_the_default(client, owner):
    html = _page(client, owner)
    assert "Commentary for Quarter 1 2012/13" in html
    assert _sections(html) == (["2042SC", "NI065", "2023SC", "NI064"], [])
    assert html.count("Approved") == 4
    assert f'href="{write_url("2042SC")}">Edit commentary' in html


def test_a_returned_comment_shows_its_reason(client, owner, officer):
    client.force_login(owner)
    client.post(write_url("NI065", "2012-03"), {"subject": "S", "text": "T", "action": "submit"})
    client.force_login(officer)
    comment_pk = re.search(
        r"/commentary/(\d+)/review/", client.get("/commentary/review/").content.decode()
    )[1]
    client.post(
        f"/commentary/{comment_pk}/review/", {"decision": "return", "reason": "Add a date."}
    )
    html = _page(client, owner, "/my-indicators/?period=2012-03")
    card = html.split('data-code="NI065"')[1].split('govuk-summary-card"')[0]
    assert "Returned" in card
    assert "Add a date." in card


def test_a_period_not_in_the_list_is_an_error_and_the_default_is_shown(client, owner):
    html = _page(client, owner, "/my-indicators/?period=1999-01")
    assert "There is a problem" in html
    assert "Select a period from the list" in html
    assert "Commentary for Quarter 1 2012/13" in html


def test_a_delegate_sees_only_the_delegated_indicators(client, delegate):
    html = _page(client, delegate)
    assert _sections(html) == (["2042SC"], [])
    assert "Delegate an indicator" not in html


def test_the_page_makes_as_many_queries_for_many_indicators_as_for_few(
    client, owner, django_assert_max_num_queries
):
    client.force_login(owner)
    with CaptureQueriesContext(connection) as few:
        client.get("/my-indicators/")
    add_red_indicators(owner.person, 25)
    with django_assert_max_num_queries(len(few)):
        html = client.get("/my-indicators/").content.decode()
    assert 'data-code="EXTRA24"' in html
    assert (
        len(few) <= 24
    )  # the session store's and the second factor's reads come with every request


def test_submitted_commentary_is_viewed_not_edited_until_it_is_returned(client, owner):
    client.force_login(owner)
    client.post(write_url("NI065", "2012-03"), {"subject": "S", "text": "T", "action": "submit"})
    html = _page(client, owner, "/my-indicators/?period=2012-03")
    assert f'href="{write_url("NI065", "2012-03")}">View commentary' in html
    assert f'href="{write_url("2042SC", "2012-03")}">Write commentary' in html
