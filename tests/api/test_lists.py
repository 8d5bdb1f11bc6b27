"""Every list is paged by `limit` and `cursor` and answers CSV as well as JSON; a CSV cell of
typed text that a spreadsheet would run as a formula is neutralised, figures are left alone."""

import csv
import io

import pytest

from boardpack.scorecard.models import Indicator

LISTS = [
    "/api/v1/indicators",
    "/api/v1/indicators/2042SC/values",
    "/api/v1/scorecard?period=2012-06",
    "/api/v1/plans",
    "/api/v1/plans/{plan}/actions",
    "/api/v1/boards",
    "/api/v1/meetings",
    "/api/v1/calculated?period=2012-06",
]


def _csv(response) -> list[dict[str, str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def _url(template: str, plan) -> str:
    url = template.format(plan=plan.pk)
    return url + ("&" if "?" in url else "?")


@pytest.mark.parametrize("template", LISTS)
def test_every_list_answers_csv_with_the_json_items_columns(
    template, viewer, demo_data, plan, api_as
):
    api = api_as(viewer)
    url = _url(template, plan)
    items = api.get(url + "limit=1000").json()["items"]
    by_query = _csv(api.get(url + "limit=1000&format=csv"))
    by_header = _csv(api.get(url + "limit=1000", headers={"Accept": "text/csv"}))
    assert by_query == by_header
    assert len(by_query) == len(items)
    if items:
        assert list(by_query[0]) == list(items[0])


def test_pages_follow_one_another_by_cursor_and_link(viewer, demo_data, api_as):
    api = api_as(viewer)
    everything = [i["code"] for i in api.get("/api/v1/indicators?limit=1000").json()["items"]]
    first = api.get("/api/v1/indicators?limit=4")
    body = first.json()
    assert [i["code"] for i in body["items"]] == everything[:4]
    assert first["Link"] == f'<{body["next"]}>; rel="next"'
    Indicator.objects.filter(code=everything[0]).delete()  # an earlier row goes
    second = api.get(f"/api/v1/indicators?limit=4&cursor={body['next_cursor']}").json()
    assert [i["code"] for i in second["items"]] == everything[4:8]
    last = api.get(f"/api/v1/indicators?limit=1000&cursor={body['next_cursor']}")
    assert last.json()["next"] is None
    assert "Link" not in last


@pytest.mark.parametrize("cursor", ["not-base64!", "bm90IGpzb24", "eyJhIjogMX0"])
def test_a_cursor_the_api_did_not_give_is_400(viewer, demo_data, api_as, cursor):
    response = api_as(viewer).get(f"/api/v1/indicators?cursor={cursor}")
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "query.cursor", "message": "is not a cursor this API gave"}
    ]


@pytest.mark.parametrize("limit", ["0", "1001", "many"])
def test_a_limit_out_of_range_is_400(viewer, db, api_as, limit):
    response = api_as(viewer).get(f"/api/v1/indicators?limit={limit}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "query.limit"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_typed_text_that_would_run_as_a_formula_is_quoted(start, viewer, demo_data, api_as):
    title = f'{start}HYPERLINK("http://example.com","x")'
    Indicator.objects.filter(code="2042SC").update(title=title)
    rows = _csv(api_as(viewer).get("/api/v1/scorecard?period=2012-06&limit=1000&format=csv"))
    row = next(r for r in rows if r["code"] == "2042SC")
    assert row["title"] == "'" + title


def test_figures_that_begin_with_a_minus_are_left_as_figures(viewer, demo_data, api_as):
    indicator = Indicator.objects.get(code="2042SC")
    api = api_as(viewer)
    indicator.actual_set.filter(period__year=2012, period__month=6).update(value=-2.5)
    rows = _csv(api.get("/api/v1/indicators/2042SC/values?from=2012-06&to=2012-06&format=csv"))
    assert rows[0]["actual"] == "-2.5"
    scorecard = _csv(api.get("/api/v1/scorecard?period=2012-06&limit=1000&format=csv"))
    assert next(r for r in scorecard if r["code"] == "2042SC")["actual_value"] == "-2.5"
