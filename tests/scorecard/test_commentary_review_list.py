import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.scorecard.commentary_helpers import add_red_indicators, write_url


def _page(client, officer, url="/commentary/review/"):
    client.force_login(officer)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _codes(html, table):
    body = html.split(f'id="{table}"')[1].split("</table>")[0]
    return re.findall(r'data-(?:code|comment)="([^"]+)"', body)


def test_submitted_commentary_waits_oldest_first(client, owner, officer, delegate):
    for user, code in ((owner, "NI065"), (delegate, "2042SC"), (owner, "NI064")):
        client.force_login(user)
        client.post(write_url(code, "2012-03"), {"subject": "S", "text": "T", "action": "submit"})
    html = _page(client, officer)
    queue = html.split('id="queue"')[1].split("</table>")[0]
    assert re.findall(r"(NI065|2042SC|NI064) <span", queue) == ["NI065", "2042SC", "NI064"]
    assert "Safeguarding Team Manager" in queue
    assert "Waiting for review (3)" in html


def test_exceptions_whose_commentary_is_missing_or_not_approved_are_listed(client, owner, officer):
    assert _codes(_page(client, officer), "missing") == ["MIL01"]
    client.force_login(owner)
    client.post(write_url("2042SC"), {"text": "Reopened", "action": "draft"})
    html = _page(client, officer)
    assert _codes(html, "missing") == ["2042SC", "MIL01"]
    row = html.split('data-code="2042SC"')[1].split("</tr>")[0]
    assert "Draft" in row
    assert "Not started" in html.split('data-code="MIL01"')[1].split("</tr>")[0]


def test_the_period_chooses_which_exceptions_are_listed(client, officer, owner):
    html = _page(client, officer, "/commentary/review/?period=2012-03")
    assert "Exceptions without approved commentary, Quarter 4 2011/12" in html
    assert {"2042SC", "NI064", "NI065"} <= set(_codes(html, "missing"))
    assert "2023SC" not in _codes(html, "missing")


def test_the_review_list_makes_as_many_queries_for_many_comments_as_for_few(
    client, owner, officer, django_assert_max_num_queries
):
    client.force_login(officer)
    with CaptureQueriesContext(connection) as few:
        client.get("/commentary/review/")
    add_red_indicators(owner.person, 25)
    with django_assert_max_num_queries(len(few)):
        html = client.get("/commentary/review/").content.decode()
    assert "Waiting for review (25)" in html
    assert (
        len(few) <= 18
    )  # the session store's and the second factor's reads come with every request
