"""`boardpack calc link|unlink|links` and `calc run --write`: actuals from a calculation, with
provenance, written once however often the same inputs are run."""

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError
from django.urls import reverse

from boardpack.calc.measures import rules_digest
from boardpack.calculated_indicators.models import CalculatedValue, Calculation, MeasureLink
from boardpack.scorecard.models import Actual, Indicator, Source
from tests.calculated_indicators.conftest import PERIOD, calc, run_json, sources

MARCH = "2024-03-31"


def _link(code: str, measure: str) -> str:
    return calc("link", code, measure)


def _write(*args: str) -> str:
    return calc("run", *args, "--period", PERIOD, "--write")


def _hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


def test_link_unlink_and_links(demo_data):
    assert _link("NI062", "placements_3plus") == (
        "NI062 is calculated from placements_3plus (created)\n"
    )
    assert _link("NI062", "placements_3plus").endswith("(unchanged)\n")
    assert _link("2042SC", "cla_rate").endswith("(created)\n")
    assert calc("links") == "2042SC  cla_rate\nNI062  placements_3plus\n"
    assert calc("unlink", "NI062") == "NI062 is not calculated\n"
    assert calc("unlink", "NI062") == "NI062 is not calculated (it was not)\n"
    assert list(MeasureLink.objects.values_list("indicator__code", flat=True)) == ["2042SC"]


@pytest.mark.parametrize(
    ("code", "measure", "message"),
    [
        ("NI062", "moves", "'moves' is not a measure: use one of cla_count, "),
        ("NI062", "cla_rate", "cla_rate is a rate per 10,000 but NI062's unit is %"),
        ("MIL01", "cla_count", "MIL01 is a milestone"),
        ("NOPE", "cla_count", "there is no indicator 'NOPE'"),
    ],
)
def test_a_link_that_does_not_fit_is_refused(demo_data, code, measure, message):
    with pytest.raises(CommandError, match=message):
        _link(code, measure)
    assert not MeasureLink.objects.exists()


def test_run_write_records_actuals_with_provenance_and_a_second_run_changes_nothing(
    demo_data, returns, client, officer
):
    expected = run_json(*sources(returns))
    _link("NI062", "placements_3plus")
    _link("2042SC", "cla_rate")
    _link("NI065", "cpp_repeat")
    output = _write(*sources(returns))
    assert "Recorded calculation" in output
    assert "3 value(s) for linked indicators; actuals 3 created, 0 updated, 0 unchanged" in output
    assert "Computable but linked to no indicator: cla_count, cla_starts" in output

    actual = Actual.objects.get(indicator__code="NI062", period=MARCH)
    assert actual.source == Source.CALCULATION
    assert actual.value == Decimal(str(expected["placements_3plus"]["value"]))
    calculation = Calculation.objects.get()
    assert calculation.inputs == _hashes(returns)  # labels are relative to each folder's parent
    assert rules_digest() in calculation.engine_version
    assert str(calculation.period_start) == "2023-04-01"
    assert str(calculation.period_end) == MARCH
    assert calculation.command.startswith("boardpack calc run --ssda903 ")
    assert calculation.command.endswith("--period 2024-03 --write")
    value = CalculatedValue.objects.get(indicator__code="NI062")
    assert (value.numerator, value.denominator, value.measure_id) == (
        expected["placements_3plus"]["numerator"],
        expected["placements_3plus"]["denominator"],
        "placements_3plus",
    )
    history = Actual.history.count()
    set_at = actual.set_at

    again = _write(*sources(returns))
    assert "actuals 0 created, 0 updated, 3 unchanged" in again
    assert Actual.history.count() == history
    assert Actual.objects.get(pk=actual.pk).set_at == set_at
    assert Calculation.objects.count() == 2  # the run is recorded, the values stay

    client.force_login(officer)
    indicator = Indicator.objects.get(code="NI062")
    html = client.get(reverse("indicator", args=[indicator.pk])).content.decode()
    assert "Calculated from child-level data" in html
    assert "placements_3plus: Children looked after with three or more placements" in html
    n, d = expected["placements_3plus"]["numerator"], expected["placements_3plus"]["denominator"]
    assert f"{n} / {d}" in html
    assert calculation.inputs["ssda903/2024/episodes.csv"][:12] in html
    assert rules_digest() in html


def test_new_inputs_update_the_actual_with_history(demo_data, returns, tmp_path):
    _link("2042SC", "cla_rate")
    _write(*sources(returns))
    before = Actual.objects.get(indicator__code="2042SC", period=MARCH).value
    doubled = tmp_path / "population.csv"
    lines = (returns / "population.csv").read_text().splitlines()
    doubled.write_text(
        "\n".join([lines[0], *(f"{y},{int(n) * 2}" for y, n in (r.split(",") for r in lines[1:]))])
    )
    history = Actual.history.filter(indicator__code="2042SC").count()
    assert "actuals 0 created, 1 updated" in _write(*sources(returns, population=doubled))
    after = Actual.objects.get(indicator__code="2042SC", period=MARCH)
    expected = run_json(*sources(returns, population=doubled))["cla_rate"]["value"]
    assert after.value == Decimal(str(expected))
    assert abs(after.value - before / 2) < Decimal("0.01")
    assert after.source_ref == f"calculation {Calculation.objects.first().pk}: {PERIOD}"
    assert Actual.history.filter(indicator__code="2042SC").count() == history + 1


def test_a_linked_measure_that_is_not_computable_leaves_the_actual_alone(demo_data, returns):
    _link("2042SC", "cla_rate")
    stored = Actual.objects.filter(indicator__code="2042SC").count()
    output = _write("--ssda903", str(returns / "ssda903"))
    assert "0 value(s)" in output
    assert "Linked but not computable, their actuals left as they were: cla_rate" in output
    assert Actual.objects.filter(indicator__code="2042SC").count() == stored
    assert not CalculatedValue.objects.exists()


def test_write_records_the_user_named(demo_data, returns, officer):
    _link("NI062", "placements_3plus")
    calc("run", *sources(returns), "--period", PERIOD, "--write", "--user", "officer")
    assert Calculation.objects.get().run_by == officer
    assert Actual.objects.get(indicator__code="NI062", period=MARCH).set_by == officer
    with pytest.raises(CommandError, match="no user 'nobody'"):
        calc("run", *sources(returns), "--period", PERIOD, "--write", "--user", "nobody")
