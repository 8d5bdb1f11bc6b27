"""The synthetic returns: deterministic for a seed, coherent, and valid by our own rules."""

import filecmp
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from boardpack.calc import load
from boardpack.calc.synth import write_synthetic
from boardpack.calc.validate import validate

CHILDREN = 150


def sources(root: Path) -> dict[str, Path]:
    return {"ssda903": root / "ssda903", "cin": root / "cin", "population": root / "population.csv"}


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synth")
    write_synthetic(root, children=CHILDREN, years=5, seed=11)
    return root


@pytest.fixture(scope="module")
def con(data: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with duckdb.connect() as con:
        load(con, **sources(data))
        yield con


def one(con: duckdb.DuckDBPyConnection, query: str) -> object:
    return con.sql(query).fetchall()[0][0]


def files(root: Path) -> list[Path]:
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def test_the_same_seed_writes_the_same_bytes(data: Path, tmp_path: Path) -> None:
    write_synthetic(tmp_path, children=CHILDREN, years=5, seed=11)
    assert files(tmp_path) == files(data)
    _match, mismatch, errors = filecmp.cmpfiles(
        data, tmp_path, [str(f) for f in files(data)], shallow=False
    )
    assert (mismatch, errors) == ([], [])


def test_another_seed_writes_other_data(data: Path, tmp_path: Path) -> None:
    write_synthetic(tmp_path, children=CHILDREN, years=5, seed=12)
    episodes = Path("ssda903/2024/episodes.csv")
    assert (tmp_path / episodes).read_bytes() != (data / episodes).read_bytes()


def test_it_passes_our_own_validation(data: Path) -> None:
    assert validate(**sources(data)) == []


def test_it_writes_every_table_for_every_year(data: Path) -> None:
    for year in range(2020, 2025):
        assert len(list((data / "ssda903" / str(year)).glob("*.csv"))) == 10
        assert (data / "cin" / str(year) / "cin.xml").exists()
    assert (data / "population.csv").read_text().startswith("year,population\n2019,")


def test_about_the_number_asked_for_are_looked_after(con: duckdb.DuckDBPyConnection) -> None:
    counts = con.sql(
        "SELECT count(DISTINCT child) FROM episodes WHERE dec IS NULL AND ls NOT IN ('V3', 'V4') "
        "GROUP BY year"
    ).fetchall()
    assert all(0.7 * CHILDREN <= n <= 1.3 * CHILDREN for (n,) in counts)


def test_episodes_of_a_child_never_overlap(con: duckdb.DuckDBPyConnection) -> None:
    overlaps = one(
        con,
        "SELECT count(*) FROM (SELECT decom, lag(coalesce(dec, DATE '9999-12-31')) "
        "OVER (PARTITION BY year, child ORDER BY decom) AS prev_end FROM episodes) "
        "WHERE decom < prev_end",
    )
    assert overlaps == 0


def test_every_child_has_a_header_row_in_each_year(con: duckdb.DuckDBPyConnection) -> None:
    for table in (
        "episodes",
        "reviews",
        "oc2",
        "oc3",
        "ad1",
        "missing",
        "uasc",
        "placed_for_adoption",
    ):
        orphans = one(
            con,
            f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
            "(SELECT 1 FROM header h WHERE h.child = t.child AND h.year = t.year)",
        )
        assert orphans == 0, table


def test_an_x1_ending_is_followed_by_an_episode_the_same_day(
    con: duckdb.DuckDBPyConnection,
) -> None:
    assert one(con, "SELECT count(*) FROM episodes WHERE rec = 'X1'") > 50
    broken = one(
        con,
        "SELECT count(*) FROM episodes e WHERE rec = 'X1' AND NOT EXISTS (SELECT 1 FROM episodes n "
        "WHERE n.child = e.child AND n.year = e.year AND n.decom = e.dec AND n.rne <> 'S')",
    )
    assert broken == 0


def test_ages_are_plausible(con: duckdb.DuckDBPyConnection) -> None:
    ages = con.sql(
        "SELECT min(date_diff('year', h.dob, e.decom)), max(datediff('day', h.dob, e.decom)) "
        "FROM episodes e JOIN header h USING (child, year)"
    ).fetchall()[0]
    assert ages[0] >= 0
    assert ages[1] < 18 * 365.25
    leavers = con.sql(
        "SELECT DISTINCT date_diff('year', dob, make_date(year, 3, 31)) FROM oc3"
    ).fetchall()
    assert {a for (a,) in leavers} <= {19, 20, 21, 22}


def test_histories_follow_real_sequences(con: duckdb.DuckDBPyConnection) -> None:
    rne = {r for (r,) in con.sql("SELECT DISTINCT rne FROM episodes").fetchall()}
    assert rne == {"S", "L", "P", "T", "B", "U"}
    rec = {
        r for (r,) in con.sql("SELECT DISTINCT rec FROM episodes WHERE rec IS NOT NULL").fetchall()
    }
    assert {"X1", "E11", "E4A", "E13"} <= rec
    assert rec & {"E41", "E45", "E46", "E47", "E48"}
    # adopted from a placement for adoption, under a placement order
    wrong = one(
        con,
        "SELECT count(*) FROM episodes WHERE rec IN ('E11', 'E12') "
        "AND (place NOT IN ('A5', 'A6') OR ls <> 'E1')",
    )
    assert wrong == 0
    # a move to adoption with the same carer is a T (or U) change, with new adopters a P (or B)
    assert (
        one(con, "SELECT count(*) FROM episodes WHERE place = 'A5' AND rne NOT IN ('T', 'U')") == 0
    )
    # short-break-only children: only V3 or V4 episodes
    assert one(con, "SELECT count(DISTINCT child) FROM episodes WHERE ls IN ('V3', 'V4')") > 0
    mixed = one(
        con,
        "SELECT count(*) FROM (SELECT child FROM episodes GROUP BY child "
        "HAVING bool_or(ls IN ('V3', 'V4')) AND bool_or(ls NOT IN ('V3', 'V4')))",
    )
    assert mixed == 0


def test_care_leavers_left_care_at_16_or_over(con: duckdb.DuckDBPyConnection) -> None:
    assert one(con, "SELECT count(*) FROM oc3") > 0
    assert one(con, "SELECT count(*) FROM oc3 WHERE in_touch = 'YES' AND accom = '0'") == 0


def test_reviews_are_mostly_on_time_and_some_late(con: duckdb.DuckDBPyConnection) -> None:
    gaps = con.sql(
        "SELECT count(*) FILTER (WHERE gap > 200), count(*) FROM (SELECT review - lag(review) "
        "OVER (PARTITION BY child ORDER BY review) AS gap "
        "FROM (SELECT DISTINCT child, review FROM reviews)) "
        "WHERE gap IS NOT NULL"
    ).fetchall()[0]
    assert 0 < gaps[0] < 0.25 * gaps[1]


def test_the_census_has_late_work_repeats_and_re_referrals(con: duckdb.DuckDBPyConnection) -> None:
    late = one(
        con,
        "SELECT count(*) FROM cin_assessments a JOIN cin_referrals r USING (referral_id, year) "
        "WHERE a.authorised_date - r.referral_date > 70",
    )
    assert late > 0
    assert one(con, "SELECT count(*) FROM cin_s47 WHERE icpc_date - s47_start_date > 21") > 0
    assert one(con, "SELECT count(*) FROM cin_cpp WHERE previous_cpp > 0") > 0
    assert one(con, "SELECT count(*) FROM cin_cpp WHERE cpp_end - cpp_start >= 730") > 0
    repeats = one(
        con,
        "SELECT count(*) FROM (SELECT DISTINCT lachildid, referral_date FROM cin_referrals) r "
        "WHERE EXISTS (SELECT 1 FROM cin_referrals p WHERE p.lachildid = r.lachildid "
        "AND p.referral_date < r.referral_date "
        "AND p.referral_date >= r.referral_date - INTERVAL 12 MONTH)",
    )
    assert repeats > 0
    assert one(con, "SELECT count(*) FROM cin_referrals WHERE referral_nfa") > 0


def test_children_in_care_were_referred_first(con: duckdb.DuckDBPyConnection) -> None:
    unreferred = one(
        con,
        "SELECT count(*) FROM episodes e WHERE rne = 'S' AND ls NOT IN ('V3', 'V4') "
        "AND decom >= DATE '2019-04-01' AND NOT EXISTS (SELECT 1 FROM cin_referrals r "
        "WHERE r.lachildid = e.child AND r.referral_date <= e.decom)",
    )
    assert unreferred == 0


@pytest.mark.parametrize(("seed", "end_year"), [(1, 2024), (27538, 2025), (105408, 2026)])
def test_other_seeds_and_years_pass_validation(tmp_path: Path, seed: int, end_year: int) -> None:
    write_synthetic(tmp_path, children=30, years=2, seed=seed, end_year=end_year, cin_form="csv")
    assert validate(**sources(tmp_path)) == []
