"""A month without an actual says "No actual yet" on every page that lists it: never "on target",
never "No earlier value", and no commentary is asked of it."""

import csv
import io
import re
from datetime import date

import pytest

from boardpack.scorecard.models import Actual

NOT_SAID = ("on target", "No earlier value", "Within tolerance")


@pytest.fixture
def no_june_actual(demo_data):
    """2023SC (the owner's, within tolerance in June 2012) loses its June actual."""
    Actual.objects.filter(indicator__code="2023SC", period=date(2012, 6, 30)).delete()


def _html(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _row(html: str, code: str) -> str:
    return re.search(rf'data-code="{re.escape(code)}">(.*?)</tr>', html, re.S)[1]


def test_the_scorecard_row_says_no_actual_yet_in_status_travel_and_commentary(
    client, viewer, no_june_actual
):
    row = _row(_html(client, viewer, "/?period=2012-06"), "2023SC")
    cells = [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in row.split("</td>")]
    assert [c for c in cells if "No actual yet" in c] == [
        "– No actual yet",  # status
        "No actual yet",  # since last period
        "No actual yet",  # since last year
        "No actual yet",  # commentary
    ]
    assert not [said for said in NOT_SAID if said in row]


def test_the_scorecard_export_says_no_actual_yet(client, viewer, no_june_actual):
    client.force_login(viewer)
    response = client.get("/scorecard/export.csv?period=2012-06")
    rows = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    records = {r["code"]: r for r in rows}
    assert records["2023SC"]["commentary"] == "No actual yet"
    assert records["2023SC"]["symbol"] == "No actual yet"
    assert records["2023SC"]["vs_previous"] == "no-actual"


def test_my_indicators_puts_it_with_no_commentary_needed_saying_no_actual_yet(
    client, owner, no_june_actual
):
    html = _html(client, owner, "/my-indicators/?period=2012-06")
    needing, _, others = html.partition("No commentary needed")
    assert 'data-code="2023SC"' in others
    assert 'data-code="2023SC"' not in needing
    row = _row(others, "2023SC")
    assert row.count("No actual yet") == 2  # status and commentary
    assert not [said for said in NOT_SAID if said in row]


def test_a_row_with_an_actual_within_tolerance_still_says_on_target(client, owner, demo_data):
    html = _html(client, owner, "/my-indicators/?period=2012-03")
    row = _row(html.partition("No commentary needed")[2], "2023SC")
    assert "No comment required (on target)" in row
