import csv
import io
import re
from datetime import date

import pytest
from django.utils.html import escape
from openpyxl import load_workbook

from boardpack.scorecard.models import Actual, Indicator


def _html(client, user, url="/"):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _row(html: str, code: str) -> str:
    return re.search(rf'data-code="{re.escape(code)}">(.*?)</tr>', html, re.S)[1]


def _codes(html: str) -> list[str]:
    return re.findall(r'data-code="([^"]+)"', html)


def test_a_visitor_must_sign_in(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_the_first_page_is_the_quarter_1_scorecard_grouped_by_director(client, viewer, demo_data):
    html = _html(client, viewer)
    assert "Performance Report – Quarter 1 2012/13" in html
    headings = re.findall(r'<h2 class="govuk-heading-m">(.*?)</h2>', html)
    assert headings[1:] == [
        "Assistant Director – Additional Needs",
        "Assistant Director – Children&#x27;s Social Care",
        "Assistant Director – Early Help, Youth and Quality Assurance",
        "Assistant Director – Learning and Participation (14–19)",
    ]
    row = _row(html, "2042SC")
    assert "37.47" in row
    assert "36.00" in row
    assert "◆" in row
    assert "Worse than target" in row
    assert len(_codes(html)) == Indicator.objects.count()


def test_within_a_director_red_comes_before_green_before_blue(client, viewer, demo_data):
    html = _html(client, viewer)
    section = html.split("Children&#x27;s Social Care</h2>")[1].split("<h2")[0]
    keys = re.findall(r"bp-status--([a-z-]+)\"", section)
    order = {"red-diamond": 0, "green-plus": 1, "blue-circle": 2}
    assert [order[k] for k in keys] == sorted(order[k] for k in keys)


def test_counts_per_status_are_shown(client, viewer, demo_data):
    html = _html(client, viewer)
    counts = dict(re.findall(r"</span> ([A-Za-z ]+): (\d+)\s*</strong>", html))
    assert counts == {"Worse than target": "17", "Better than target": "9", "Within tolerance": "7"}


def test_the_counts_are_a_bar_of_glyphs_and_numbers_not_colour_alone(client, viewer, demo_data):
    html = _html(client, viewer)
    bar = re.search(r'<svg[^>]*class="bp-bar".*?</svg>', html, re.S)[0]
    assert 'aria-label="Indicators by status: Worse than target: 17, Better than target: 9, ' in bar
    parts = re.findall(
        r'<rect class="bp-status--([a-z-]+)" x="([\d.]+)%" y="0" width="([\d.]+)%"', bar
    )
    assert [key for key, _, _ in parts] == ["red-diamond", "green-plus", "blue-circle"]
    assert [round(float(width) * 33 / 100) for _, _, width in parts] == [17, 9, 7]
    assert re.findall(r">(\S) (\d+)</text>", bar) == [("◆", "17"), ("✚", "9"), ("●", "7")]


def test_each_row_has_a_sparkline_of_its_last_twelve_periods(client, viewer, demo_data):
    """2042SC is quarterly: its sparkline runs over quarters, five of which have an actual."""
    html = _html(client, viewer)
    spark = re.search(r'<svg[^>]*class="bp-spark".*?</svg>', _row(html, "2042SC"), re.S)[0]
    assert (
        Actual.objects.filter(indicator__code="2042SC", period__lte=date(2012, 6, 30)).count() == 5
    )
    assert 'aria-label="5 of the last 12 periods, from 34.92 to 37.47"' in spark
    assert spark.count("<path") == 1
    assert "Last 12 periods</th>" in html


def test_the_filters_fold_away_and_a_line_says_what_is_shown(client, viewer, demo_data):
    html = _html(client, viewer)
    assert "Showing all indicators." in html
    assert '<details class="govuk-details bp-filter-details">' in html
    director = Indicator.objects.get(code="CS052").directorate
    html = _html(client, viewer, f"/?director={director.pk}&period=2012-06")
    assert f"Filtered by director <strong>{escape(director.name)}</strong>" in html
    assert 'href="?period=2012-06">show all indicators</a>' in html
    html = _html(client, viewer, "/?period=31/04/2012")
    assert '<details class="govuk-details bp-filter-details" open>' in html


def test_filters_narrow_the_rows(client, viewer, demo_data):
    director = Indicator.objects.get(code="CS052").directorate_id
    assert sorted(_codes(_html(client, viewer, f"/?director={director}"))) == [
        "CS052",
        "CS077",
        "CS127",
    ]
    worse = _codes(_html(client, viewer, "/?status=green-plus"))
    assert len(worse) == 9
    assert "2042SC" not in worse
    assert "CS117" not in _codes(_html(client, viewer, "/?tag=CBP"))


def test_columns_sort_both_ways(client, viewer, demo_data):
    director = Indicator.objects.get(code="CS052").directorate_id
    up = _codes(_html(client, viewer, f"/?director={director}&sort=actual"))
    down = _codes(_html(client, viewer, f"/?director={director}&sort=-actual"))
    assert up == ["CS052", "CS127", "CS077"]
    assert down == list(reversed(up))


def test_another_month_can_be_chosen(client, viewer, demo_data):
    html = _html(client, viewer, "/?period=2012-05")
    assert "Performance Report – May 2012 (2012/13)" in html


def test_a_bad_period_is_explained_not_crashed(client, viewer, demo_data):
    html = _html(client, viewer, "/?period=31/04/2012")
    assert "There is a problem" in html
    assert "is not a date that exists" in html


def test_the_current_view_exports_as_csv(client, viewer, demo_data):
    client.force_login(viewer)
    response = client.get("/scorecard/export.csv?status=red-diamond&period=2012-06")
    assert response["Content-Disposition"] == 'attachment; filename="scorecard-2012-06.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 17
    lac = next(r for r in rows if r["code"] == "2042SC")
    assert (lac["actual"], lac["target"], lac["symbol"]) == ("37.47", "36.00", "Worse than target")


def test_the_current_view_exports_as_xlsx_with_numbers(client, viewer, demo_data):
    client.force_login(viewer)
    response = client.get("/scorecard/export.xlsx?period=2012-06")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    lac = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "2042SC")
    record = dict(zip(header, lac, strict=True))
    assert record["actual"] == pytest.approx(37.47)
    assert record["target"] == pytest.approx(36)
    assert record["symbol"] == "Worse than target"


def test_an_unknown_export_format_is_not_found(client, viewer, demo_data):
    client.force_login(viewer)
    assert client.get("/scorecard/export.pdf").status_code == 404


def test_the_page_query_count_does_not_grow_with_indicators(
    client, viewer, demo_data, django_assert_max_num_queries
):
    client.force_login(viewer)
    # 27: the rows, their targets, actuals and comments, the SPC series, the sparklines' actuals
    # (one query for every row), the menus' choices, and the session and second-factor reads.
    with django_assert_max_num_queries(27) as many:
        client.get("/?period=2012-06")
    Indicator.objects.filter(code__startswith="N").delete()
    with django_assert_max_num_queries(len(many)):
        client.get("/?period=2012-06")


def test_the_rag_scheme_is_a_setting(client, viewer, demo_data, settings):
    settings.BOARDPACK_STATUS_SCHEME = "rag"
    row = _row(_html(client, viewer), "2042SC")
    assert "Red" in row
    assert "Worse than target" not in row


def test_a_milestone_shows_its_due_and_completion_dates(client, viewer, demo_data):
    html = _html(client, viewer, "/?period=2012-06")
    overdue, done = _row(html, "MIL01"), _row(html, "MIL02")
    assert "Not completed" in overdue
    assert "Due 30/04/2012" in overdue
    assert "Worse than target" in overdue
    assert "Completed 30/04/2012" in done
