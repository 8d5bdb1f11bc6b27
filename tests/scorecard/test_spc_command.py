"""boardpack spc: the series as a table, or as the one JSON object the API returns too."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from boardpack.core.periods import Month

from .spc_series import ALTERNATING, series_indicator


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("spc", *args, stdout=out)
    return out.getvalue()


def test_json_is_the_object_the_issue_names(db):
    # Twelve alternating points, then 20: above 16.32, an improvement; target 5 < 5.68: pass.
    series_indicator("SPC1", [*ALTERNATING, 20], targets={Month(2021, 4): 5})
    found = json.loads(_run("SPC1", "--format", "json", "--baseline", "12"))
    assert list(found) == [
        "code",
        "mean",
        "upper_process_limit",
        "lower_process_limit",
        "upper_near_limit",
        "lower_near_limit",
        "variation",
        "assurance",
        "points",
    ]
    assert found["code"] == "SPC1"
    assert (found["mean"], found["upper_process_limit"], found["lower_process_limit"]) == (
        11,
        16.32,
        5.68,
    )
    assert found["upper_near_limit"] == pytest.approx(11 + 10.64 / 3)
    assert found["lower_near_limit"] == pytest.approx(11 - 10.64 / 3)
    assert (found["variation"], found["assurance"]) == ("improvement_high", "pass")
    assert found["points"][0] == {
        "period": "2020-04",
        "value": 10,
        "type": "common_cause",
        "rules": [],
    }
    assert found["points"][-1] == {
        "period": "2021-04",
        "value": 20,
        "type": "improvement",
        "rules": ["astronomical"],
    }
    assert len(found["points"]) == 13


def test_without_a_baseline_every_point_makes_the_limits(db):
    series_indicator("SPC1", [*ALTERNATING, 20])
    found = json.loads(_run("SPC1", "--format", "json"))
    assert found["mean"] == pytest.approx((11 * 12 + 20) / 13)


def test_the_indicators_own_baseline_is_used_unless_overridden(db):
    series_indicator("SPC1", [*ALTERNATING, *[30] * 12], spc_baseline=12)
    assert json.loads(_run("SPC1", "--format", "json"))["mean"] == 11
    assert json.loads(_run("SPC1", "--format", "json", "--baseline", "24"))["mean"] == 20.5


def test_with_fewer_than_twelve_points_the_limits_are_null(db):
    series_indicator("SPC1", ALTERNATING[:11])
    found = json.loads(_run("SPC1", "--format", "json"))
    assert [found[k] for k in list(found)[1:8]] == [None] * 5 + ["none", "none"]
    assert {p["type"] for p in found["points"]} == {"common_cause"}


def test_the_table_prints_the_limits_the_icons_and_each_point(db):
    series_indicator("SPC1", [*ALTERNATING, 20], targets={Month(2021, 4): 12}, decimals=1)
    lines = _run("SPC1", "--baseline", "12").splitlines()
    assert lines[:9] == [
        "SPC1: Indicator SPC1",
        "Baseline: The first 12 points (fixed)",
        "Mean: 11.0",
        "Upper process limit: 16.3",
        "Lower process limit: 5.7",
        "Upper near limit: 14.5",
        "Lower near limit: 7.5",
        "Variation: improvement_high (Improvement (high))",
        "Assurance: hit_and_miss (Hit and miss)",
    ]
    assert lines[10].split() == ["period", "value", "type", "rules"]
    assert lines[11].split() == ["2020-04", "10.0", "Common", "cause"]
    assert lines[-1].split() == ["2021-04", "20.0", "Improvement", "astronomical"]


def test_the_table_says_why_there_are_no_limits(db):
    series_indicator("SPC1", ALTERNATING[:11])
    assert "Variation: none (12 points are needed)" in _run("SPC1").splitlines()


def test_an_unknown_code_fails(db):
    with pytest.raises(CommandError, match="no indicator has the code 'NOPE'"):
        _run("NOPE")


def test_a_short_baseline_fails(db):
    series_indicator("SPC1", ALTERNATING)
    with pytest.raises(CommandError, match="--baseline: a baseline needs at least 12 points"):
        _run("SPC1", "--baseline", "6")
