"""The bench's pandas implementation (bench/calc_pandas.py) agrees with the SQL measures.

pandas is a bench dependency only: without it these tests are skipped.
"""

import sys
from pathlib import Path

import duckdb
import pytest

from boardpack.calc.engine import run_measures
from boardpack.calc.inputs import load
from boardpack.calc.periods import Period
from boardpack.calc.synth import write_synthetic
from tests.calc.measure_data import small_authority

pytest.importorskip("pandas")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import calc_pandas

PERIODS = [Period.year_to(2023), Period.year_to(2024), Period.rolling(2023, 9)]


def sql_answers(con, period):
    results = run_measures(con, period, ["placements_3plus", "re_referrals"])
    return {r.measure: (r.numerator, r.denominator) for r in results}


def pandas_answers(con, period):
    frames = calc_pandas.load_frames(con)
    return {
        "placements_3plus": calc_pandas.placements_3plus(
            frames["episodes"], frames["header"], period
        ),
        "re_referrals": calc_pandas.re_referrals(frames["cin_referrals"], period),
    }


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth")
    write_synthetic(out, children=300, years=3, seed=7, cin_form="csv")
    con = duckdb.connect()
    load(con, ssda903=out / "ssda903", cin=out / "cin", population=out / "population.csv")
    yield con
    con.close()


@pytest.mark.parametrize("period", PERIODS, ids=str)
def test_pandas_and_sql_agree_on_synthetic_returns(synthetic, period):
    assert pandas_answers(synthetic, period) == sql_answers(synthetic, period)


def test_pandas_and_sql_agree_on_the_hand_built_edge_cases():
    r = small_authority()
    r.episode("SAME_DAY", "01/05/2023", "01/06/2023", place="U1")
    r.episode("SAME_DAY", "01/06/2023", "01/06/2023", rne="P", place="U2")
    r.episode("SAME_DAY", "01/06/2023", "01/07/2023", rne="P", place="U3")
    r.episode("SAME_DAY", "01/07/2023", rne="P", place="U4")
    r.episode("TEMP", "01/05/2023", "01/06/2023", place="U1")
    r.episode("TEMP", "01/06/2023", "10/06/2023", rne="P", place="T1")
    r.episode("TEMP", "10/06/2023", "01/07/2023", rne="P", place="U1")
    r.episode("TEMP", "01/07/2023", rne="T", place="A5")
    period = Period.year_to(2024)
    assert pandas_answers(r.con, period) == sql_answers(r.con, period)
