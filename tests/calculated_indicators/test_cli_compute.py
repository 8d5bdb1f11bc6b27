"""`boardpack synth`, `calc validate` and `calc run` without writing: what they print."""

import csv
import io
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from boardpack.calc.engine import MEASURES
from tests.calculated_indicators.conftest import PERIOD, calc, run_json, sources

# `calc run --format json` reads the published figures to put beside each result
pytestmark = pytest.mark.django_db


def test_synth_writes_the_returns_and_refuses_a_folder_in_use(tmp_path: Path):
    out = io.StringIO()
    args = ["--children", "20", "--years", "2", "--seed", "3", "--out", str(tmp_path / "set")]
    call_command("synth", *args, "--cin-form", "csv", stdout=out)
    assert "collection years 2023 to 2024" in out.getvalue()
    assert (tmp_path / "set" / "ssda903" / "2024" / "episodes.csv").exists()
    assert (tmp_path / "set" / "cin" / "2023" / "cin_referrals.csv").exists()
    assert (tmp_path / "set" / "population.csv").exists()
    with pytest.raises(CommandError, match="not an empty folder"):
        call_command("synth", *args, stdout=io.StringIO())


def test_synth_refuses_no_children(tmp_path: Path):
    with pytest.raises(CommandError, match="not a whole number of at least 1"):
        call_command(
            "synth", "--children", "0", "--years", "1", "--seed", "1", "--out", str(tmp_path)
        )


def test_validate_passes_the_synthetic_returns_and_says_why_the_dfe_rules_are_not_run(returns):
    lines = calc("validate", *sources(returns)).splitlines()
    assert lines[-1] == "No problems found in the input files."
    assert "csc-validator-be-903" in lines[0]
    assert "docs/calc-inputs.md" in lines[0]


def _broken(tmp_path: Path) -> Path:
    """One year of SSDA903 with a date that does not exist and an unknown placement code."""
    folder = tmp_path / "903" / "2024"
    folder.mkdir(parents=True)
    (folder / "header.csv").write_text("CHILD,SEX,DOB\nA1,1,01/01/2010\nB2,2,05/06/2012\n")
    (folder / "episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\nA1,31/04/2023,S,C2,U1,,\nB2,01/05/2023,S,C2,Q9,,\n"
    )
    return tmp_path / "903"


def test_validate_prints_each_problem_with_file_row_and_column_and_fails(tmp_path: Path):
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 problem"):
        call_command(
            "validate" if False else "calc",
            "validate",
            "--ssda903",
            str(_broken(tmp_path)),
            stdout=out,
        )
    lines = out.getvalue().splitlines()
    assert lines[:2] == [
        "903/2024/episodes.csv, row 2, DECOM: not a date that exists (dd/mm/yyyy) (child A1)",
        "903/2024/episodes.csv, row 3, PLACE: unknown code 'Q9' for 2024 (child B2)",
    ]
    assert "31/04/2023" not in out.getvalue()


def test_run_lists_the_problems_and_computes_nothing_when_an_input_is_invalid(tmp_path: Path):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match=r"2 problem.*nothing was computed"):
        call_command(
            "calc",
            "run",
            "--ssda903",
            str(_broken(tmp_path)),
            "--period",
            PERIOD,
            stdout=out,
            stderr=err,
        )
    assert out.getvalue() == ""
    assert "903/2024/episodes.csv, row 3, PLACE: unknown code 'Q9' for 2024" in err.getvalue()


def test_run_computes_every_measure_from_all_three_sources(returns):
    found = run_json(*sources(returns))
    assert list(found) == list(MEASURES)
    for row in found.values():
        assert row["computable"], row
        assert row["period"] == PERIOD
        assert (row["period_start"], row["period_end"]) == ("2023-04-01", "2024-03-31")
        assert isinstance(row["numerator"], int)
    assert found["placements_3plus"]["unit"] == "percent"
    n, d = found["placements_3plus"]["numerator"], found["placements_3plus"]["denominator"]
    assert found["placements_3plus"]["value"] == round(100 * n / d, 2)
    assert found["cla_count"]["denominator"] is None


def test_without_a_population_file_the_rates_are_not_computable_never_zero(returns):
    found = run_json("--ssda903", str(returns / "ssda903"), "--cin", str(returns / "cin"))
    for measure in ("cla_rate", "cpp_rate", "cin_rate"):
        row = found[measure]
        assert row["computable"] is False
        assert row["reason"] == "needs the population file"
        assert (row["numerator"], row["denominator"], row["value"]) == (None, None, None)
    assert found["cla_count"]["computable"]


def test_ssda903_alone_gives_the_looked_after_measures_only(returns):
    found = run_json("--ssda903", str(returns / "ssda903"))
    assert found["placements_3plus"]["computable"]
    assert found["re_referrals"]["reason"] == "needs the Children in Need census"
    assert found["cin_rate"]["reason"] == (
        "needs the Children in Need census and the population file"
    )


def test_a_period_not_covered_by_the_returns_says_which_are_missing(returns, tmp_path):
    only_2024 = tmp_path / "only-2024"  # not inside the shared returns, whose files others hash
    shutil.copytree(returns / "ssda903" / "2024", only_2024 / "2024")
    found = run_json("--ssda903", str(only_2024))
    assert found["cla_count"]["computable"]
    assert found["long_term_stability"]["reason"].startswith(
        "needs the SSDA903 return for 2022, 2023 and 2024"
    )


def test_the_table_and_csv_carry_every_measure_with_its_reason(returns):
    table = calc("run", "--ssda903", str(returns / "ssda903"), "--period", PERIOD).splitlines()
    assert table[0] == "Period 2023/24 (year to 31 March 2024): 01/04/2023 to 31/03/2024"
    assert table[1].split()[:8] == [
        "measure",
        "period",
        "numerator",
        "denominator",
        "value",
        "unit",
        "computable",
        "reason",
    ]
    assert len(table) == 2 + len(MEASURES)
    assert any(
        line.startswith("cla_rate") and "needs the population file" in line for line in table
    )
    rows = list(
        csv.DictReader(
            io.StringIO(
                calc(
                    "run",
                    "--ssda903",
                    str(returns / "ssda903"),
                    "--period",
                    "2023-09",
                    "--format",
                    "csv",
                )
            )
        )
    )
    assert {r["period"] for r in rows} == {"2023-09"}
    assert {r["measure"]: r["computable"] for r in rows}["cla_rate"] == "no"


def test_a_period_that_is_not_a_month_is_refused(returns):
    with pytest.raises(CommandError, match="--period"):
        calc("run", *sources(returns), "--period", "2024-13")


def test_run_needs_an_input():
    with pytest.raises(CommandError, match="give at least one"):
        calc("run", "--period", PERIOD)


def test_write_and_format_do_not_go_together(returns):
    with pytest.raises(CommandError, match="not allowed with"):
        calc("run", *sources(returns), "--period", PERIOD, "--write", "--format", "json")
