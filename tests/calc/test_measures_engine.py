"""The measure registry and runner: ids, SQL files, what is computable and why, periods."""

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from boardpack.calc.engine import MEASURES, STEPS, rules_digest, run_measures
from boardpack.calc.periods import Period, PeriodError
from tests.calc.measure_data import YEAR, Returns

ROOT = Path(__file__).resolve().parents[2]
MEASURE_DIR = ROOT / "src" / "boardpack" / "calc" / "measures"
IDS = [
    "cla_count",
    "cla_starts",
    "cla_ceased",
    "cla_rate",
    "cpp_count",
    "cpp_rate",
    "cin_rate",
    "placements_3plus",
    "long_term_stability",
    "cpp_2years_plus",
    "cpp_repeat",
    "cla_reviews_on_time",
    "cpp_reviews_on_time",
    "assessments_45wd",
    "assessments_45wd_from_referral",
    "icpc_15wd",
    "referrals_to_assessment",
    "re_referrals",
    "care_leavers_suitable_accommodation",
    "care_leavers_eet",
    "adoption_a1",
    "adoption_a2",
]


def test_the_measure_ids_are_the_stable_ones():
    assert list(MEASURES) == IDS


def test_the_ni_numbers():
    numbers = {m.id: m.ni for m in MEASURES.values() if m.ni}
    assert numbers == {
        "placements_3plus": "NI 62",
        "long_term_stability": "NI 63",
        "cpp_2years_plus": "NI 64",
        "cpp_repeat": "NI 65",
        "cla_reviews_on_time": "NI 66",
        "cpp_reviews_on_time": "NI 67",
        "referrals_to_assessment": "NI 68",
    }


@pytest.mark.parametrize("measure", IDS)
def test_each_sql_file_opens_with_its_definition_source_and_edge_rules(measure):
    text = (MEASURE_DIR / f"{measure}.sql").read_text()
    lines = text.splitlines()
    opening = lines[: next(i for i, line in enumerate(lines) if not line.startswith("--"))]
    comment = "\n".join(opening)
    assert text.startswith(f"-- {measure} — ")
    for part in ("Definition:", "Source:", "Edge rules"):
        assert part in comment, f"{measure}.sql does not state its {part}"
    assert set(re.findall(r"\$(\w+)", text)) <= {"period_start", "period_end"}


@pytest.mark.parametrize("step", list(STEPS))
def test_each_shared_step_opens_with_a_comment(step):
    assert (MEASURE_DIR / "shared" / f"{step}.sql").read_text().startswith("-- ")


def test_every_sql_file_is_a_measure_or_a_step():
    files = {p.stem for p in MEASURE_DIR.glob("*.sql")}
    shared = {p.stem for p in (MEASURE_DIR / "shared").glob("*.sql")}
    assert files == set(IDS)
    assert shared == set(STEPS)


def test_docs_list_every_measure():
    doc = (ROOT / "docs" / "measures.md").read_text()
    for measure in IDS:
        assert f"`{measure}`" in doc


def test_with_nothing_loaded_nothing_is_computable_and_nothing_is_zero():
    results = run_measures(duckdb.connect(), YEAR)
    assert [r.measure for r in results] == IDS
    for result in results:
        assert not result.computable
        assert result.value is None
        assert result.numerator is None
        assert result.reason.startswith("needs ")


def test_the_903_alone_gives_the_looked_after_measures_and_says_what_the_rest_need():
    r = Returns(years=(2022, 2023, 2024))
    r.episode("A", "01/01/2021")
    r.review("A", "01/10/2023")
    r.oc3("L", "01/06/2004", 2024, activ="F1", accom="B1")
    results = {x.measure: x for x in run_measures(r.con, YEAR)}
    assert results["cla_count"].value == Decimal(1)
    assert results["placements_3plus"].computable
    assert results["cla_rate"].reason == "needs the population file"
    assert results["cpp_rate"].reason == (
        "needs the Children in Need census and the population file"
    )
    assert results["icpc_15wd"].reason == "needs the Children in Need census"
    for measure in ("adoption_a1", "adoption_a2"):
        assert results[measure].reason == "nothing to measure in this period: the denominator is 0"


def test_only_runs_the_measures_named_in_registry_order():
    r = Returns()
    r.episode("A", "01/01/2024")
    results = run_measures(r.con, YEAR, ["placements_3plus", "cla_count"])
    assert [x.measure for x in results] == ["cla_count", "placements_3plus"]


def test_an_unknown_measure_is_refused():
    with pytest.raises(ValueError, match="unknown measure"):
        run_measures(duckdb.connect(), YEAR, ["ni_999"])


def test_a_period_the_returns_do_not_cover_is_not_computable():
    r = Returns(years=(2024,))
    r.episode("A", "01/01/2024")
    result = r.run("cla_count", Period.rolling(2024, 6))
    assert not result.computable
    assert "2024 and 2025" in result.reason


def test_working_days_beyond_the_shipped_bank_holidays_are_not_computable():
    r = Returns(years=(2031,), ssda903=False, cin=True)
    r.referral("A", "01/06/2030", assessments=[("02/06/2030", "10/06/2030")])
    result = r.run("assessments_45wd", Period.year_to(2031))
    assert not result.computable
    assert "bank holidays" in result.reason
    assert r.run("referrals_to_assessment", Period.year_to(2031)).computable


def test_percentages_are_rounded_half_up_to_two_places():
    r = Returns()
    for child in ("A", "B", "C"):
        r.episode(child, "01/01/2024")
    r.episode("D", "01/05/2023", "01/06/2023", place="U1")
    r.episode("D", "01/06/2023", "01/07/2023", rne="P", place="U2")
    r.episode("D", "01/07/2023", rne="P", place="U3")
    result = r.run("placements_3plus")
    assert (result.numerator, result.denominator, result.value) == (1, 4, Decimal("25.00"))
    r.episode("E", "01/01/2024")
    r.episode("F", "01/01/2024")
    assert r.run("placements_3plus").value == Decimal("16.67")


def test_running_twice_gives_the_same_results_and_writes_only_temporary_objects():
    r = Returns(cin=True, population=1_000)
    r.episode("A", "01/01/2024")
    r.referral("A", "01/06/2023", assessments=[("02/06/2023", "10/06/2023")])
    before = r.con.execute("SELECT count(*) FROM duckdb_tables() WHERE NOT temporary").fetchone()
    first = run_measures(r.con, YEAR)
    second = run_measures(r.con, YEAR)
    assert first == second
    after = r.con.execute("SELECT count(*) FROM duckdb_tables() WHERE NOT temporary").fetchone()
    assert before == after


# -- periods ------------------------------------------------------------------------------------


def test_the_year_to_31_march():
    period = Period.year_to(2024)
    assert (period.start, period.end) == (date(2023, 4, 1), date(2024, 3, 31))
    assert period.is_collection_year
    assert period.key == "2024-03"
    assert period.label == "2023/24 (year to 31 March 2024)"
    assert period == Period.rolling(2024, 3) == Period.parse("2024-03")


def test_the_rolling_twelve_months_to_a_month_end():
    period = Period.rolling(2024, 2)
    assert (period.start, period.end) == (date(2023, 3, 1), date(2024, 2, 29))
    assert not period.is_collection_year
    assert period.label == "12 months to 29 February 2024"
    assert Period.parse("30/06/2024").start == date(2023, 7, 1)
    assert period.params() == {"period_start": date(2023, 3, 1), "period_end": date(2024, 2, 29)}


def test_a_period_that_is_not_a_month_end_is_refused():
    with pytest.raises(PeriodError):
        Period.parse("15/06/2024")


def test_the_rules_digest_names_the_sql_that_computed_a_value():
    digest = rules_digest()
    assert re.fullmatch(r"[0-9a-f]{12}", digest)
    assert rules_digest() == digest
