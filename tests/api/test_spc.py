"""GET /api/v1/indicators/{code}/spc: the same object as `boardpack spc CODE --format json`."""

import io
import json

from django.core.management import call_command

from boardpack.core.periods import Month
from tests.scorecard.spc_series import ALTERNATING, series_indicator

URL = "/api/v1/indicators/{}/spc"


def _command(*args: str) -> dict:
    out = io.StringIO()
    call_command("spc", *args, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_the_api_answers_the_object_the_command_prints(viewer, api_as):
    series_indicator("RISE", [*ALTERNATING, 20], targets={Month(2021, 4): 5}, spc_baseline=12)
    found = api_as(viewer).get(URL.format("RISE"))
    assert found.status_code == 200
    assert found.json() == _command("RISE")
    assert (found.json()["variation"], found.json()["assurance"]) == ("improvement_high", "pass")
    assert found.json()["points"][-1] == {
        "period": "2021-04",
        "value": 20.0,
        "type": "improvement",
        "rules": ["astronomical"],
    }


def test_a_baseline_asked_overrides_the_indicators_own(viewer, api_as):
    series_indicator("RISE", [*ALTERNATING, 20, 20, 20], targets={Month(2021, 6): 5})
    api = api_as(viewer)
    own, fixed = api.get(URL.format("RISE")).json(), api.get(URL.format("RISE") + "?baseline=12")
    assert fixed.json() == _command("RISE", "--baseline", "12")
    assert fixed.json()["mean"] == 11
    assert own["mean"] != fixed.json()["mean"]


def test_fewer_than_12_points_give_no_limits_and_no_icons(viewer, api_as):
    series_indicator("SHORT", ALTERNATING[:11])
    found = api_as(viewer).get(URL.format("SHORT")).json()
    assert found == _command("SHORT")
    assert found["mean"] is None
    assert found["upper_process_limit"] is None
    assert (found["variation"], found["assurance"]) == ("none", "none")
    assert len(found["points"]) == 11


def test_a_short_baseline_and_an_unknown_code_are_problems(viewer, api_as):
    series_indicator("RISE", ALTERNATING)
    api = api_as(viewer)
    refused = api.get(URL.format("RISE") + "?baseline=5")
    assert refused.status_code == 400
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["errors"] == [
        {"field": "query.baseline", "message": "a baseline needs at least 12 points, not 5"}
    ]
    assert api.get(URL.format("NOPE")).status_code == 404


def test_a_held_etag_gets_304(viewer, api_as):
    series_indicator("RISE", ALTERNATING)
    api = api_as(viewer)
    first = api.get(URL.format("RISE"))
    assert api.get(URL.format("RISE"), headers={"If-None-Match": first["ETag"]}).status_code == 304
