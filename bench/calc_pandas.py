"""A straightforward pandas implementation of two measures, for the bench's comparison.

NI 62 (``placements_3plus``) and ``re_referrals``, written as an analyst would in pandas
(vectorised group-by and shift, no loop over children), following exactly the rules of the SQL
files in ``src/boardpack/calc/measures`` (see docs/measures.md) so the two must agree; the
bench times both on the same data and checks the answers are equal.

pandas is a bench dependency only (pandas 2.x; tested with 2.3). Use::

    frames = load_frames(con)                 # the input tables, from the DuckDB connection
    placements_3plus(frames["episodes"], frames["header"], period)  # -> (numerator, denominator)
    re_referrals(frames["cin_referrals"], period)                   # -> (numerator, denominator)
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from boardpack.calc.periods import Period

NEW_PLACEMENT_RNE = ["S", "P", "T", "B", "U"]
SAME_CARER_ADOPTION = ["A3", "A5"]
TEMPORARY = ["T0", "T1", "T2", "T3", "T4"]
SHORT_BREAKS = ["V3", "V4"]


def load_frames(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """The tables the two measures read, as DataFrames with datetime64 dates."""
    frames = {
        "episodes": con.execute(
            "SELECT child, decom, rne, ls, place, place_provider, dec, rec, pl_post, urn, year "
            "FROM episodes"
        ).df(),
        "header": con.execute("SELECT child, dob, year FROM header").df(),
        "cin_referrals": con.execute(
            "SELECT lachildid, referral_date, year FROM cin_referrals"
        ).df(),
    }
    for frame in frames.values():
        for column in ("decom", "dec", "dob", "referral_date"):
            if column in frame:
                frame[column] = pd.to_datetime(frame[column])
    return frames


def _age(dob: pd.Series, on: date) -> pd.Series:
    """Whole years of age on a day (a 29 February birthday falls on 1 March)."""
    before_birthday = (on.month * 100 + on.day) < (dob.dt.month * 100 + dob.dt.day)
    return on.year - dob.dt.year - before_birthday.astype(int)


def placements(episodes: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(episodes with periods of care and placement numbers, one row per placement)."""
    # one copy of each episode: the latest return's
    eps = episodes.dropna(subset=["child", "decom"])
    eps = eps[eps["year"] == eps.groupby(["child", "decom"])["year"].transform("max")]
    eps = eps.sort_values(["child", "decom", "dec", "rne", "place"], na_position="last")
    eps = eps.reset_index(drop=True)
    by_child = eps.groupby("child", sort=False)

    next_decom = by_child["decom"].shift(-1)
    eps["ended"] = eps["dec"].fillna(next_decom)
    eps["rec_eff"] = eps["rec"].where(~(eps["dec"].isna() & next_decom.notna()), "X1")
    year_end = pd.to_datetime(eps["year"].astype(str) + "-03-31") + pd.Timedelta(days=1)
    eps["open_until"] = eps["ended"].fillna(year_end)
    eps["short_break"] = eps["ls"].isin(SHORT_BREAKS)
    eps["temporary"] = eps["place"].isin(TEMPORARY)

    prev_rec = by_child["rec_eff"].shift(1)
    prev_ended = by_child["ended"].shift(1)
    first = by_child.cumcount() == 0
    eps["starts_period"] = first | (prev_rec != "X1") | (prev_ended != eps["decom"])
    eps["period_no"] = eps.groupby("child", sort=False)["starts_period"].cumsum()

    # the placement stream: every episode but short breaks, within its period of care
    stream = eps[~eps["short_break"]].copy()
    in_care = stream.groupby(["child", "period_no"], sort=False)
    parts = [
        stream[c].fillna("").astype(str) for c in ("place", "place_provider", "pl_post", "urn")
    ]
    stream["setting"] = parts[0] + "|" + parts[1] + "|" + parts[2] + "|" + parts[3]
    stream["first_in_care"] = in_care.cumcount() == 0
    stream["after_temporary"] = in_care["temporary"].shift(1, fill_value=False).astype(bool)
    # the last setting before this episode that was not a temporary placement
    stream["settled"] = stream["setting"].where(~stream["temporary"])
    stream["settled_before"] = stream.groupby(["child", "period_no"], sort=False)["settled"].shift(
        1
    )
    stream["setting_before"] = stream.groupby(["child", "period_no"], sort=False)[
        "settled_before"
    ].ffill()
    returning = stream["after_temporary"] & (stream["setting"] == stream["setting_before"])
    stream["new_placement"] = stream["first_in_care"] | (
        stream["rne"].isin(NEW_PLACEMENT_RNE)
        & ~stream["place"].isin(SAME_CARER_ADOPTION)
        & ~stream["temporary"]
        & ~returning
    )
    stream["placement_no"] = stream.groupby("child", sort=False)["new_placement"].cumsum()
    eps = eps.join(stream[["placement_no"]])

    grouped = stream.groupby(["child", "placement_no"], sort=False)
    placed = grouped.agg(placement_start=("decom", "min"), placement_until=("open_until", "last"))
    return eps, placed.reset_index()


def placements_3plus(
    episodes: pd.DataFrame, header: pd.DataFrame, period: Period
) -> tuple[int, int]:
    """NI 62: (children looked after at the period end with 3+ placements in it, all of them)."""
    start, end = pd.Timestamp(period.start), pd.Timestamp(period.end)
    eps, placed = placements(episodes)

    dob = header.sort_values("year").drop_duplicates("child", keep="last").set_index("child")["dob"]
    at_end = eps[(eps["decom"] <= end) & (eps["open_until"] > end) & ~eps["short_break"]].copy()
    at_end["dob"] = at_end["child"].map(dob)
    at_end = at_end[at_end["dob"].isna() | (_age(at_end["dob"], period.end) < 18)]
    cohort = at_end["child"].drop_duplicates()

    in_year = placed[
        placed["child"].isin(cohort)
        & (placed["placement_start"] <= end)
        & (placed["placement_until"] > start)
        & (placed["placement_until"] > placed["placement_start"])
    ]
    counts = in_year.groupby("child").size()
    return int((counts >= 3).sum()), len(cohort)


def re_referrals(referrals: pd.DataFrame, period: Period) -> tuple[int, int]:
    """(referrals in the period within 12 months of the child's previous one, all of them)."""
    start, end = pd.Timestamp(period.start), pd.Timestamp(period.end)
    refs = referrals.dropna(subset=["lachildid", "referral_date"])
    refs = refs.sort_values("year").drop_duplicates(["lachildid", "referral_date"], keep="last")
    refs = refs.sort_values(["lachildid", "referral_date"])
    previous = refs.groupby("lachildid", sort=False)["referral_date"].shift(1)
    in_period = refs["referral_date"].between(start, end)
    twelve_months_before = refs["referral_date"] - pd.DateOffset(months=12)
    repeat = in_period & (previous >= twelve_months_before)
    return int(repeat.sum()), int(in_period.sum())
