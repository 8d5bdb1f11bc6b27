"""GET scorecard gives, row by row, what `boardpack status --format json` prints for the month,
for every month of the demo data, followed page by page; and its filters narrow those rows."""

import json
from io import StringIO

from django.core.management import call_command

from boardpack.core.periods import parse_period
from boardpack.scorecard.management.commands.status import COLUMNS
from boardpack.scorecard.selectors import actual_months, row_summaries, status_rows
from boardpack.scorecard.spc.presenters import spc_icons


def _status(period: str) -> list[dict[str, str]]:
    out = StringIO()
    call_command("status", "--period", period, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def _all_pages(api, url: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    while url:
        body = api.get(url).json()
        rows += body["items"]
        url = body["next"]
    return rows


def test_every_month_of_the_demo_data_equals_the_status_command(viewer, demo_data, api_as):
    api = api_as(viewer)
    months = actual_months()
    assert len(months) >= 3
    for month in months:
        printed = _status(month.key)
        served = _all_pages(api, f"/api/v1/scorecard?period={month.key}&limit=7")
        assert len(printed) > 7
        assert [{c: row[c] for c in COLUMNS} for row in served] == printed, month.key


def test_numbers_are_given_as_numbers_beside_the_printed_figures(viewer, demo_data, api_as):
    rows = api_as(viewer).get("/api/v1/scorecard?period=2012-06&limit=1000").json()["items"]
    row = next(r for r in rows if r["code"] == "2042SC")
    assert (row["actual"], row["actual_value"]) == ("37.47", 37.47)
    assert row["target_value"] == 36


def test_filters_narrow_the_rows_of_the_command(viewer, demo_data, api_as):
    api = api_as(viewer)
    printed = _status("2012-06")
    worse = api.get("/api/v1/scorecard?period=2012-06&status=worse&limit=1000").json()["items"]
    assert [r["code"] for r in worse] == [r["code"] for r in printed if r["status"] == "worse"]
    director = worse[0]["director"]
    theirs = api.get(
        f"/api/v1/scorecard?period=2012-06&director={director.upper()}&limit=1000"
    ).json()["items"]
    assert theirs
    assert {r["director"] for r in theirs} == {director}
    unknown = api.get("/api/v1/scorecard?period=2012-06&director=Nobody")
    assert unknown.status_code == 400
    assert unknown.json()["errors"][0]["field"] == "query.director"


def test_rows_carry_the_spc_icons_the_scorecard_page_shows(viewer, demo_data, api_as):
    month = parse_period("2012-06")
    rows = status_rows(month)
    summaries = row_summaries(rows)
    icons = {r.indicator.code: spc_icons(summaries[r.indicator.pk]) for r in rows}
    served = api_as(viewer).get("/api/v1/scorecard?period=2012-06&limit=1000").json()["items"]
    assert served
    for row in served:
        variation, assurance = icons[row["code"]]
        assert (row["variation"], row["variation_text"]) == (variation.key, variation.text)
        assert (row["assurance"], row["assurance_text"]) == (assurance.key, assurance.text)
