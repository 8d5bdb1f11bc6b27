"""The period pages open on: the next meeting's pack period where a meeting is set, otherwise
the latest month in which most indicators due have an actual (scorecard.default_period)."""

import re
from datetime import date
from decimal import Decimal

import pytest
import time_machine

from boardpack.core.periods import Month
from boardpack.scorecard.default_period import default_month, reported_month
from boardpack.scorecard.models import Indicator, Source
from boardpack.scorecard.selectors import reports_in
from boardpack.scorecard.services import ValueEntry, values_record
from tests.factories import BoardFactory, MeetingFactory

TODAY = date(2012, 10, 5)


def _enter(codes, month: Month) -> None:
    entries = [ValueEntry(code, month, Decimal(50), None, False) for code in codes]
    values_record(entries=entries, user=None, source=Source.FORM, source_ref="test")


@pytest.fixture
def early_september_value(demo_data):
    """One early value for September 2012: 1 of the 31 indicators."""
    _enter(["CS146"], Month(2012, 9))


def _selected(html: str, name: str = "period") -> str:
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', html, re.S)[0]
    return re.search(r"<option[^>]*selected[^>]*>([^<]*)<", select)[1]


def _get(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@time_machine.travel(TODAY, tick=False)
def test_one_early_value_does_not_move_the_scorecard_default(client, viewer, early_september_value):
    html = _get(client, viewer, "/")
    assert "Performance Report – Quarter 1 2012/13" in html
    assert _selected(html) == "Quarter 1 2012/13"


@time_machine.travel(TODAY, tick=False)
def test_the_reports_page_opens_on_the_same_period(client, viewer, early_september_value):
    html = _get(client, viewer, "/reports/")
    assert _selected(html) == "Quarter 1 2012/13"
    assert _selected(html.split('id="priority-priority"')[1]) == "Quarter 1 2012/13"


@time_machine.travel(TODAY, tick=False)
def test_the_next_meetings_pack_period_wins_and_past_meetings_do_not_count(
    client, viewer, owner, early_september_value
):
    board = BoardFactory(name="Corporate Parenting Board")
    MeetingFactory(board=board, date=date(2012, 9, 26), period=date(2012, 3, 31))
    MeetingFactory(board=board, date=date(2012, 11, 7), period=date(2012, 9, 30))
    MeetingFactory(board=board, date=date(2013, 1, 9), period=date(2012, 12, 31))
    assert default_month() == Month(2012, 9)
    for url in ("/", "/reports/", "/my-indicators/"):
        user = owner if url == "/my-indicators/" else viewer
        assert _selected(_get(client, user, url)) == "Quarter 2 2012/13", url


@time_machine.travel(TODAY, tick=False)
def test_the_scorecard_default_follows_a_new_meeting_despite_the_cache(
    client, viewer, early_september_value
):
    assert "Quarter 1 2012/13" in _get(client, viewer, "/").split("</h1>")[0]
    board = BoardFactory(name="Corporate Parenting Board")
    MeetingFactory(board=board, date=date(2012, 11, 7), period=date(2012, 9, 30))
    assert "Quarter 2 2012/13" in _get(client, viewer, "/").split("</h1>")[0]


def test_a_month_counts_once_most_indicators_due_in_it_have_an_actual(demo_data):
    assert reported_month() == Month(2012, 6)
    quarterly = Indicator.objects.filter(frequency="quarterly", kind="measure")
    codes = sorted(quarterly.values_list("code", flat=True))
    _enter(codes[: len(codes) // 2], Month(2012, 9))
    assert reported_month() == Month(2012, 6)
    _enter(codes[len(codes) // 2 :], Month(2012, 9))
    assert reported_month() == Month(2012, 9)


@pytest.mark.parametrize(
    ("frequency", "months"),
    [("monthly", list(range(1, 13))), ("quarterly", [3, 6, 9, 12]), ("annual", [3])],
)
def test_an_indicator_is_due_in_the_months_it_reports_in(frequency, months):
    assert [m for m in range(1, 13) if reports_in(frequency, Month(2012, m))] == months


def test_without_actuals_there_is_no_default(db):
    assert default_month() is None
