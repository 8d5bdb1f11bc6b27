"""Tiny hand-built returns for the measure tests, in the input tables' own schema.

Rows are put into every loaded collection year whose return would hold them, as the real
returns do (an episode open over a year end is in both years' returns), so the measures'
de-duplication is exercised by every test.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date
from typing import Any

import duckdb

from boardpack.calc.engine import Result, run_measures
from boardpack.calc.periods import Period
from boardpack.calc.tables import CIN, POPULATION, SSDA903, ddl

YEAR = Period.year_to(2024)


def d(text: str) -> date:
    """'20/12/2023' -> date(2023, 12, 20)."""
    day, month, year = (int(p) for p in text.split("/"))
    return date(year, month, day)


def _day(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return d(value)


def _years_open(start: date, end: date | None, loaded: Iterable[int]) -> list[int]:
    """The loaded collection years whose return holds something open from start to end."""
    return [
        y for y in loaded if start <= date(y, 3, 31) and (end is None or end >= date(y - 1, 4, 1))
    ]


class Returns:
    """A DuckDB connection holding the input tables of the sources given, and row builders."""

    def __init__(
        self,
        *,
        years: Iterable[int] = (2024,),
        ssda903: bool = True,
        cin: bool = False,
        population: int | dict[int, int] | None = None,
    ) -> None:
        self.con = duckdb.connect()
        self.years = sorted(years)
        tables = [*(SSDA903 if ssda903 else ()), *(CIN if cin else ())]
        if population is not None:
            tables.append(POPULATION)
        for table in tables:
            self.con.execute(ddl(table))
        if isinstance(population, int):
            population = {y - 1: population for y in self.years}
        for year, count in (population or {}).items():
            self.add("population", year=year, population=count)
        self._ids = itertools.count(1)
        self._children: dict[str, date] = {}

    # -- generic -------------------------------------------------------------------------------

    def add(self, table: str, **values: Any) -> None:
        names = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        self.con.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(values.values()))

    def run(self, measure: str, period: Period = YEAR) -> Result:
        (result,) = run_measures(self.con, period, [measure])
        return result

    def value(self, measure: str, period: Period = YEAR) -> tuple[int | None, int | None]:
        """(numerator, denominator) of a measure that must be computable."""
        result = self.run(measure, period)
        assert result.computable or result.denominator == 0, result.reason
        return result.numerator, result.denominator

    # -- SSDA903 -------------------------------------------------------------------------------

    def child(self, child: str, dob: str | date, sex: str = "1") -> str:
        self._children[child] = _day(dob)  # type: ignore[assignment]
        return child

    def episode(
        self,
        child: str,
        decom: str,
        dec: str | None = None,
        *,
        rne: str = "S",
        ls: str = "C2",
        place: str = "U1",
        rec: str | None = None,
        provider: str = "PR1",
        postcode: str | None = None,
        urn: str | None = None,
        years: Iterable[int] | None = None,
    ) -> None:
        """One episode, in every loaded return it was open in (and the child's header there)."""
        start, end = _day(decom), _day(dec)
        assert start is not None
        dob = self._children.setdefault(child, date(2010, 1, 1))
        if end is not None and rec is None:
            rec = "X1"
        for year in years if years is not None else _years_open(start, end, self.years):
            # a return made at 31 March does not know an end after it
            known_end = end if end is None or end <= date(year, 3, 31) else None
            self.add(
                "episodes",
                child=child,
                decom=start,
                rne=rne,
                ls=ls,
                place=place,
                place_provider=provider,
                dec=known_end,
                rec=rec if known_end else None,
                pl_post=postcode or f"{place}-{provider}",
                urn=urn,
                year=year,
            )
            self._header(child, dob, year)

    def _header(self, child: str, dob: date, year: int) -> None:
        exists = self.con.execute(
            "SELECT count(*) FROM header WHERE child = ? AND year = ?", [child, year]
        ).fetchone()
        if exists and not exists[0]:
            self.add("header", child=child, sex="1", dob=dob, year=year)

    def review(self, child: str, day: str) -> None:
        when = _day(day)
        assert when is not None
        for year in _years_open(when, when, self.years):
            self.add("reviews", child=child, dob=self._children.get(child), review=when, year=year)

    def oc3(
        self, child: str, dob: str, year: int, *, activ: str, accom: str, in_touch: str = "YES"
    ) -> None:
        self.add(
            "oc3",
            child=child,
            dob=_day(dob),
            in_touch=in_touch,
            activ=activ,
            accom=accom,
            year=year,
        )

    def ad1(self, child: str, date_match: str | None, year: int = 2024) -> None:
        self.add("ad1", child=child, date_match=_day(date_match), year=year)

    # -- Children in Need -----------------------------------------------------------------------

    def referral(
        self,
        child: str,
        referral_date: str,
        closure_date: str | None = None,
        *,
        nfa: bool = False,
        assessments: Iterable[tuple[str, str | None]] = (),
    ) -> None:
        """One episode of need (with its assessments: (start, authorised)) in every census
        it was open in."""
        start, end = _day(referral_date), _day(closure_date)
        assert start is not None
        for year in _years_open(start, end, self.years):
            referral_id = f"R{next(self._ids)}"
            known_end = end if end is None or end <= date(year, 3, 31) else None
            self.add(
                "cin_referrals",
                lachildid=child,
                referral_id=referral_id,
                referral_date=start,
                closure_date=known_end,
                referral_nfa=nfa,
                year=year,
            )
            for begun, authorised in assessments:
                self.add(
                    "cin_assessments",
                    lachildid=child,
                    referral_id=referral_id,
                    start_date=_day(begun),
                    authorised_date=_day(authorised),
                    year=year,
                )
            self._cin_child(child, year)

    def _cin_child(self, child: str, year: int) -> None:
        exists = self.con.execute(
            "SELECT count(*) FROM cin_child WHERE lachildid = ? AND year = ?", [child, year]
        ).fetchone()
        if exists and not exists[0]:
            self.add("cin_child", lachildid=child, sex="1", year=year)

    def s47(self, child: str, start: str, icpc: str | None, *, not_required: bool = False) -> None:
        begun = _day(start)
        assert begun is not None
        for year in _years_open(begun, _day(icpc) or begun, self.years):
            self.add(
                "cin_s47",
                lachildid=child,
                referral_id="R0",
                s47_start_date=begun,
                icpc_date=_day(icpc),
                icpc_not_required=not_required,
                year=year,
            )

    def plan(
        self,
        child: str,
        start: str,
        end: str | None = None,
        *,
        previous: int | None = 0,
        reviews: Iterable[str] = (),
    ) -> None:
        """One child protection plan (and its reviews) in every census it was open in."""
        begun, ended = _day(start), _day(end)
        assert begun is not None
        for year in _years_open(begun, ended, self.years):
            cpp_id = f"P{next(self._ids)}"
            known_end = ended if ended is None or ended <= date(year, 3, 31) else None
            self.add(
                "cin_cpp",
                lachildid=child,
                referral_id="R0",
                cpp_id=cpp_id,
                cpp_start=begun,
                cpp_end=known_end,
                previous_cpp=previous,
                year=year,
            )
            for review in reviews:
                when = _day(review)
                if when is not None and date(year - 1, 4, 1) <= when <= date(year, 3, 31):
                    self.add(
                        "cin_cpp_reviews",
                        lachildid=child,
                        cpp_id=cpp_id,
                        review_date=when,
                        year=year,
                    )


def small_authority() -> Returns:
    """A small authority with someone in the cohort of every measure."""
    r = Returns(years=(2022, 2023, 2024), cin=True, population=12_345)
    r.child("A", "01/01/2012")
    r.episode("A", "01/01/2021", "01/06/2023", place="U1")
    r.episode("A", "01/06/2023", "01/09/2023", rne="P", place="U2")
    r.episode("A", "01/09/2023", rne="P", place="U3")
    r.review("A", "20/06/2023")
    r.review("A", "20/11/2023")
    r.episode("B", "01/05/2021", "01/03/2022", ls="C2")
    r.episode("B", "01/03/2022", "01/08/2022", rne="L", ls="E1")
    r.episode("B", "01/08/2022", "01/03/2024", rne="P", ls="E1", place="A6", rec="E11")
    r.ad1("B", "01/07/2022")
    r.episode("C", "01/02/2024", "20/03/2024", rec="E4A")
    r.oc3("L", "01/06/2004", 2024, activ="F1", accom="B1")
    r.referral("A", "20/12/2023", assessments=[("21/12/2023", "26/02/2024")])
    r.referral("D", "01/05/2022", "01/07/2022")
    r.referral("D", "01/04/2023", assessments=[("02/04/2023", "20/04/2023")])
    r.plan("D", "01/05/2023", "01/12/2023", previous=1, reviews=["25/07/2023"])
    r.plan("E", "01/01/2020")
    r.s47("D", "20/04/2023", "05/05/2023")
    return r
