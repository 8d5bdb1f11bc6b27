"""What the reads beyond the scorecard give: benchmarks as `boardpack benchmark` prints them,
a meeting's cycle as the meeting page reads it, calculated values with their provenance, a
plan's objectives and an action's progress log."""

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from boardpack.boards.cycle import cycle_state
from boardpack.calculated_indicators.models import CalculatedValue, Calculation
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.scorecard.models import Indicator
from tests.benchmarks.files import write_all
from tests.boards.world import BASE_URL, build_world


@pytest.fixture
def benchmarks(db, tmp_path):
    run_import("benchmarks", Source.at(write_all(tmp_path / "lait")), user=None)


@pytest.mark.parametrize(
    "options",
    [
        ["--year", "2023/24"],
        ["--year", "2024", "--authority", "925"],
        ["--year", "2024", "--authority", "all"],
    ],
)
def test_benchmarks_are_the_records_of_the_command(viewer, benchmarks, api_as, options):
    out = StringIO()
    call_command("benchmark", "--measure", "PCT", *options, "--format", "json", stdout=out)
    query = "&".join(
        f"{k.removeprefix('--')}={v}" for k, v in zip(options[::2], options[1::2], strict=False)
    )
    served = api_as(viewer).get(f"/api/v1/benchmarks?measure=PCT&{query}&limit=1000")
    assert served.status_code == 200
    assert served.json()["items"] == json.loads(out.getvalue())


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("measure=NOPE&year=2024", "query.measure"),
        ("measure=PCT&year=1999", "query.year"),
        ("measure=PCT&year=2024&authority=12345", "query.authority"),
        ("year=2024", "query.measure"),
    ],
)
def test_a_benchmark_that_is_not_there_says_which_parameter(
    viewer, benchmarks, api_as, query, field
):
    response = api_as(viewer).get(f"/api/v1/benchmarks?{query}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field


def test_a_meeting_gives_its_cycle_and_what_is_outstanding(viewer, settings, api_as):
    settings.BOARDPACK_BASE_URL = BASE_URL
    world = build_world()
    meeting = world.meeting
    listed = api_as(viewer).get("/api/v1/meetings").json()["items"]
    assert [m["id"] for m in listed] == [meeting.pk]
    detail = api_as(viewer).get(f"/api/v1/meetings/{meeting.pk}").json()
    dates = meeting.dates
    assert detail["request_date"] == dates.request.isoformat()
    assert detail["due_date"] == dates.due.isoformat()
    assert detail["period"] == meeting.month.key
    state = cycle_state(meeting)
    assert detail["asked"] == state.asked > 0
    assert detail["outstanding"] == state.asked - state.returned
    people = {p["person"]: p for p in detail["people"]}
    for asked in state.people:
        served = people[asked.person.name]
        assert [i["label"] for i in served["outstanding"]] == [i.label for i in asked.outstanding]
        assert all(i["url"].startswith(BASE_URL) for i in served["outstanding"])
    assert api_as(viewer).get("/api/v1/meetings/999999").status_code == 404


def test_calculated_values_of_a_month_give_the_latest_run_and_the_stored_actual(
    viewer, demo_data, api_as
):
    indicator = Indicator.objects.get(code="2042SC")
    for hours, value in ((2, "30.1"), (1, "31.2")):
        calculation = Calculation.objects.create(
            at=timezone.now() - timezone.timedelta(hours=hours),
            period_start=date(2011, 7, 1),
            period_end=date(2012, 6, 30),
            engine_version="test",
            inputs={"ssda903/2012/header.csv": "ab" * 32},
            command="boardpack calc run --write",
        )
        CalculatedValue.objects.create(
            calculation=calculation,
            indicator=indicator,
            month=date(2012, 6, 30),
            measure_id="placements_3plus",
            numerator=301,
            denominator=1000,
            value=Decimal(value),
        )
    (row,) = api_as(viewer).get("/api/v1/calculated?period=2012-06").json()["items"]
    assert row["indicator"] == "2042SC"
    assert row["value"] == 31.2
    assert row["calculation"] == calculation.pk
    assert row["stored_actual"] == 37.47
    assert row["inputs"] == {"ssda903/2012/header.csv": "ab" * 32}
    assert api_as(viewer).get("/api/v1/calculated?period=2012-07").json()["items"] == []


def test_a_plan_gives_its_objectives_and_an_action_its_progress_log(viewer, plan, api_as):
    api = api_as(viewer)
    listed = {p["name"]: p for p in api.get("/api/v1/plans").json()["items"]}
    ours = listed[plan.name]
    assert ours["actions"] == plan.actions.count()
    detail = api.get(f"/api/v1/plans/{plan.pk}").json()
    assert (
        sum(
            o["green"] + o["amber"] + o["red"] + o["blue"] + o["no_status"]
            for o in detail["objectives"]
        )
        == ours["actions"]
    )
    action = plan.actions.get(ref="7b")
    served = api.get(f"/api/v1/actions/{action.pk}").json()
    assert [p["as_written"] for p in served["progress"]] == [
        e.raw for e in action.progress_entries.all()
    ]
    assert served["leads"] == ["Strategic Lead for Participation"]
    assert api.get("/api/v1/plans/999999").status_code == 404
    assert api.get("/api/v1/actions/999999").status_code == 404
