"""A synthetic child's SSDA903 rows, year by year, as each year's return would hold them.

A year's return holds the episodes open at any time in the year (an episode
still open at 31 March has no DEC or REC there), the reviews, missing
episodes and new entrants' previous permanence of the year, OC2 for children
looked after for the twelve months to 31 March, OC3 for care leavers whose
19th, 20th or 21st birthday falls in the year, AD1 for children adopted in
the year, the decisions to place for adoption still live, and a header row
(and a UASC row) for every child in any of them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from boardpack.calc.synth.care import YEAR, Child, Period
from boardpack.calc.synth.common import Draw, Rows, Value, Weighted, Window, add_years

_Add = Callable[[int, str, dict[str, Value]], None]

PERMANENCE_ORDERS = frozenset({"E11", "E12", "E2", "E41", "E45", "E46", "E47", "E48"})
PARTICIPATION = Weighted("PN1 40 PN2 15 PN3 15 PN4 10 PN5 10 PN6 5 PN7 5")
ACTIV_EET = Weighted("F1 8 P1 2 F2 20 P2 5 F4 8 P4 2 F5 20 P5 10")
ACTIV_NEET = Weighted("G4 40 G5 20 G6 15")
ACCOM_SUITABLE = Weighted("B 20 C 2 D 15 E 10 K 5 T 5 U 30 Z 13")
ACCOM_UNSUITABLE = Weighted("S 20 V 20 W 20 X 30 Y 10")
IN_TOUCH = Weighted("YES 90 NO 5 REFU 3 NREQ 1 DIED 0.2")
PREV_PERM = Weighted("Z1 85 P1 5 P2 5 P3 5")


def sex_code(sex: str, year: int) -> str:
    """1/2 until 2024, M/F from 2025."""
    return sex if year <= 2024 else {"1": "M", "2": "F"}.get(sex, "U")


def rows(draw: Draw, child: Child, window: Window, reviews: list[int]) -> Rows:
    out: Rows = {}

    def add(year: int, table: str, row: dict[str, Value]) -> None:
        out.setdefault(year, {}).setdefault(table, []).append({"child": child.cid, **row})

    for period in child.periods:
        _episodes(child, period, window, add)
        if period.route != "short" and period.start >= window.first:
            y = window.years_between(period.start, period.start)[0]
            add(y, "previous_permanence", _permanence(draw, child, period))
    for day in reviews:
        for y in window.years_between(day, day):
            code = "PN0" if child.age(day) < 4 else draw.weighted(PARTICIPATION)
            add(y, "reviews", {"dob": child.dob, "review": day, "review_code": code})
    for kind, start, end in _missing(draw, child, window):
        for y in window.years_between(start, start):
            shown = end if end is not None and end <= window.year_end(y) else None
            add(
                y,
                "missing",
                {"dob": child.dob, "missing": kind, "mis_start": start, "mis_end": shown},
            )
    for y in window.years:
        if _in_care_all_year(child, window.year_end(y)):
            add(y, "oc2", _oc2(draw, child, window.year_end(y)))
    _leaver(draw, child, window, add)
    _adoption(child, window, out, add)
    for y, tables in out.items():
        mother = "" if child.sex == "1" else "0"
        if child.mc_dob is not None and child.mc_dob <= window.year_end(y):
            mother = "1"
        sex = sex_code(child.sex, y)
        header: dict[str, Value] = {"sex": sex, "dob": child.dob, "ethnic": child.ethnic}
        header["upn"] = child.upn
        header |= {"mother": mother or None, "mc_dob": child.mc_dob if mother == "1" else None}
        tables["header"] = [{"child": child.cid, **header}]
        if child.uasc:
            tables["uasc"] = [
                {"child": child.cid, "sex": sex, "dob": child.dob, "duc": child.eighteen}
            ]
    return out


def _episodes(child: Child, period: Period, window: Window, add: _Add) -> None:
    for e in period.episodes:
        for y in window.years_between(e.start, e.end):
            closed = e.end is not None and e.end <= window.year_end(y)
            add(
                y,
                "episodes",
                {
                    "decom": e.start,
                    "rne": e.rne,
                    "ls": e.ls,
                    "cin": child.need,
                    "place": e.place,
                    "place_provider": e.provider,
                    "dec": e.end if closed else None,
                    "rec": e.rec if closed else None,
                    "reason_place_change": e.reason,
                    "home_post": child.home,
                    "pl_post": e.postcode,
                    "urn": e.urn,
                },
            )


def _permanence(draw: Draw, child: Child, period: Period) -> dict[str, Value]:
    code = draw.weighted(PREV_PERM)
    if code == "Z1" or period.start - child.dob < 2 * YEAR:
        return {"dob": child.dob, "prev_perm": "Z1", "la_perm": None, "date_perm": None}
    when = child.dob + YEAR + int(draw.random() * (period.start - child.dob - 2 * YEAR))
    d = date.fromordinal(when)
    text = f"{d.day:02d}/{d.month:02d}/{d.year}"
    return {"dob": child.dob, "prev_perm": code, "la_perm": None, "date_perm": text}


def _missing(draw: Draw, child: Child, window: Window) -> list[tuple[str, int, int | None]]:
    """Missing (M) or away without authorisation (A): some teenagers, a few times."""
    out: list[tuple[str, int, int | None]] = []
    twelve = add_years(child.dob, 12)
    for p in child.periods:
        start = max(p.start, twelve, window.first)
        stop = min(p.end if p.end is not None else window.last, window.last)
        if p.route == "short" or stop - start < 30 or not draw.chance(0.25):
            continue
        for _ in range(draw.between(1, 4)):
            begin = start + int(draw.random() * (stop - start))
            end = begin + draw.between(0, 6)
            out.append(("M" if draw.chance(0.85) else "A", begin, None if end > stop else end))
    return sorted(out, key=lambda m: m[1])


def _in_care_all_year(child: Child, year_end: int) -> bool:
    return any(
        p.route != "short" and p.start <= year_end - YEAR and (p.end is None or p.end > year_end)
        for p in child.periods
    )


def _oc2(draw: Draw, child: Child, on: int) -> dict[str, Value]:
    age = child.age(on)
    sdq = 4 <= age <= 16 and draw.chance(0.8)
    misuse = draw.chance(0.04)
    flag = "1" if misuse else None

    def yes(p: float) -> str:
        return "1" if draw.chance(p) else "0"

    return {
        "dob": child.dob,
        "sdq_score": draw.between(0, 40) if sdq else None,
        "sdq_reason": None if sdq else draw.pick(("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5")),
        "convicted": yes(0.03) if age >= 10 else None,
        "health_check": yes(0.9),
        "immunisations": yes(0.85),
        "teeth_check": yes(0.85),
        "health_assessment": yes(0.9),
        "substance_misuse": "1" if misuse else "0",
        "intervention_received": flag,
        "intervention_offered": flag,
    }


def _leaver(draw: Draw, child: Child, window: Window, add: _Add) -> None:
    """OC3 at the 19th, 20th and 21st birthdays of a child who left care at 16 or over."""
    last = child.periods[-1]
    if last.end is None or last.rec in PERMANENCE_ORDERS or last.route == "short":
        return
    fourteen = add_years(child.dob, 14)
    if child.age(last.end) < 16 or last.end - max(last.start, fourteen) < 91:
        return
    for age in (19, 20, 21):
        birthday = add_years(child.dob, age)
        for y in window.years_between(birthday, birthday):
            in_touch = draw.weighted(IN_TOUCH)
            activ = accom = "0"
            if in_touch == "YES":
                activ = draw.weighted(ACTIV_EET if draw.chance(0.6) else ACTIV_NEET)
                suitable = draw.chance(0.88)
                kind = draw.weighted(ACCOM_SUITABLE if suitable else ACCOM_UNSUITABLE)
                accom = kind + ("1" if suitable else "2")
            add(y, "oc3", {"dob": child.dob, "in_touch": in_touch, "activ": activ, "accom": accom})


def _adoption(child: Child, window: Window, out: Rows, add: _Add) -> None:
    a = child.adoption
    if a is None:
        return
    last = child.periods[-1]
    if last.rec in ("E11", "E12") and last.end is not None:
        for y in window.years_between(last.end, last.end):
            single = child.cid[-1] in "05"
            add(
                y,
                "ad1",
                {
                    "dob": child.dob,
                    "date_int": a.decision,
                    "date_match": a.match,
                    "foster_care": "1" if a.same_carer else "0",
                    "nb_adoptr": "1" if single else "2",
                    "sex_adoptr": ("F1" if child.cid[-2] in "0123456" else "M1")
                    if single
                    else "MF",
                    "ls_adoptr": "L4" if single else "L0",
                },
            )
    for y in list(out):
        if a.decision <= window.year_end(y) and (
            a.ceased is None or a.ceased >= window.year_start(y)
        ):
            ceased = a.ceased if a.ceased is not None and a.ceased <= window.year_end(y) else None
            row: dict[str, Value] = {"dob": child.dob, "date_placed": a.decision}
            row |= {
                "date_placed_ceased": ceased,
                "reason_placed_ceased": a.ceased_reason if ceased else None,
            }
            add(y, "placed_for_adoption", row)
