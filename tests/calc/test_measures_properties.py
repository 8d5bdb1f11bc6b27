"""Properties every measure must keep, whatever the data (hypothesis)."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpack.calc.engine import Result, run_measures
from tests.calc.measure_data import YEAR, Returns, small_authority

YEARS = (2022, 2023, 2024)
SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def figures(results: list[Result]) -> list[tuple[object, ...]]:
    return [(x.measure, x.numerator, x.denominator, x.value, x.computable) for x in results]


# -- adding a child who is in no cohort changes nothing -----------------------------------------

# a child whose looked-after history ended before the year to March 2022 ended, not adopted
# (an adoption within three years is in A1 and A2), with reviews, a care-leaver row at 18, and
# a referral and a plan over by then
outsider_days = st.dates(min_value=date(2021, 4, 1), max_value=date(2022, 3, 1))
endings = st.sampled_from(["E4A", "E4B", "E13", "E3", "E5", "E41", "E45", "E2", "E15"])
codes = st.tuples(
    st.sampled_from(["C1", "C2", "E1", "V2", "V3", "J1", "L1"]),
    st.sampled_from(["U1", "U4", "R1", "K2", "A4", "A5", "T1", "P1"]),
)


@SETTINGS
@given(
    first=outsider_days,
    spans=st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=4),
    kinds=st.lists(codes, min_size=4, max_size=4),
    ending=endings,
    cin_start=outsider_days,
)
def test_adding_a_child_in_no_cohort_changes_nothing(first, spans, kinds, ending, cin_start):
    r = small_authority()
    without = figures(run_measures(r.con, YEAR))
    r.child("OUT", "01/01/2010")
    day = first
    for i, span in enumerate(spans):
        end = min(day + timedelta(days=span), date(2022, 3, 30))
        last = i == len(spans) - 1
        ls, place = kinds[i]
        r.episode(
            "OUT",
            day.strftime("%d/%m/%Y"),
            end.strftime("%d/%m/%Y"),
            rne="S" if i == 0 else "P",
            ls=ls,
            place=place,
            provider=f"P{i}",
            rec=ending if last else "X1",
        )
        r.review("OUT", end.strftime("%d/%m/%Y"))
        day = end
    r.oc3("OUT", "01/06/2005", 2024, activ="F1", accom="B1")  # 18 in the year: not a leaver
    cin_end = min(cin_start + timedelta(days=20), date(2022, 3, 30)).strftime("%d/%m/%Y")
    r.referral("OUT", cin_start.strftime("%d/%m/%Y"), cin_end)
    r.plan("OUT", cin_start.strftime("%d/%m/%Y"), cin_end, previous=3)
    assert figures(run_measures(r.con, YEAR)) == without


# -- splitting an episode with an L change that keeps the placement -----------------------------


@dataclass(frozen=True)
class Stay:
    days: int
    place: str
    rne: str


stays = st.lists(
    st.builds(
        Stay,
        days=st.integers(min_value=2, max_value=500),
        place=st.sampled_from(["U1", "U2", "U4", "R1", "K2", "T1", "A4", "A5", "A6"]),
        rne=st.sampled_from(["P", "T", "B", "U"]),
    ),
    min_size=1,
    max_size=6,
)
PLACEMENT_MEASURES = [
    "cla_count",
    "cla_starts",
    "cla_ceased",
    "placements_3plus",
    "long_term_stability",
    "adoption_a1",
]


def build(histories: list[tuple[date, list[Stay], str | None]], split: tuple[int, int, float]):
    """Each child's stays chained by X1; ``split`` = (child, stay, fraction) is cut in two with
    an L change (same placement, another legal status), or (-1, …) for no cut."""
    r = Returns(years=YEARS)
    for c, (start, child_stays, ending) in enumerate(histories):
        child = f"K{c}"
        r.child(child, "01/06/2011")
        day = start
        for s, stay in enumerate(child_stays):
            end = day + timedelta(days=stay.days)
            last = s == len(child_stays) - 1
            open_end = last and ending is None
            pieces = [(day, None if open_end else end)]
            if (c, s) == split[:2]:
                cut = day + timedelta(days=max(1, int(stay.days * split[2])))
                pieces = [(day, cut), (cut, None if open_end else end)]
            for p, (begin, finish) in enumerate(pieces):
                r.episode(
                    child,
                    begin.strftime("%d/%m/%Y"),
                    finish.strftime("%d/%m/%Y") if finish else None,
                    rne=("S" if s == 0 else stay.rne) if p == 0 else "L",
                    ls="C1" if p == 0 else "C2",
                    place=stay.place,
                    provider=f"PR{s}",
                    rec=(ending or "X1") if last and p == len(pieces) - 1 else "X1",
                )
            day = end
    return r


histories = st.lists(
    st.tuples(
        st.dates(min_value=date(2019, 6, 1), max_value=date(2024, 3, 1)),
        stays,
        st.sampled_from([None, None, "E11", "E4A"]),
    ),
    min_size=1,
    max_size=3,
)


@SETTINGS
@given(histories=histories, which=st.data())
def test_splitting_an_episode_with_an_l_change_keeps_the_placement_counts(histories, which):
    c = which.draw(st.integers(min_value=0, max_value=len(histories) - 1))
    s = which.draw(st.integers(min_value=0, max_value=len(histories[c][1]) - 1))
    fraction = which.draw(st.floats(min_value=0.05, max_value=0.95))
    whole = run_measures(build(histories, (-1, -1, 0.0)).con, YEAR, PLACEMENT_MEASURES)
    split = run_measures(build(histories, (c, s, fraction)).con, YEAR, PLACEMENT_MEASURES)
    assert figures(split) == figures(whole)


# -- rates scale with the population ------------------------------------------------------------


@SETTINGS
@given(
    looked_after=st.integers(min_value=1, max_value=5),
    on_plans=st.integers(min_value=1, max_value=5),
    population=st.integers(min_value=1, max_value=2_000_000),
)
def test_doubling_the_population_halves_every_rate(looked_after, on_plans, population):
    r = Returns(cin=True, population={2023: population})
    for i in range(looked_after):
        r.episode(f"C{i}", "01/01/2024")
    for i in range(on_plans):
        r.plan(f"P{i}", "01/01/2024")
        r.referral(f"P{i}", "01/01/2024")
    rates = ["cla_rate", "cpp_rate", "cin_rate"]
    single = run_measures(r.con, YEAR, rates)
    r.con.execute("UPDATE population SET population = 2 * population")
    double = run_measures(r.con, YEAR, rates)
    for one, two in zip(single, double, strict=True):
        assert one.numerator == two.numerator
        assert one.denominator == population
        assert two.denominator == 2 * population
        assert Fraction(two.numerator or 0, two.denominator) * 2 == Fraction(
            one.numerator or 0, one.denominator
        )
        assert one.value is not None
        assert two.value is not None
        assert abs(two.value * 2 - one.value) <= Decimal("0.02")
