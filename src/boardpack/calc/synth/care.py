"""Synthetic care histories: periods of care made of episodes that follow real sequences.

A child enters care (RNE S) on a legal status that fits the route the
history will take, moves placement (P, or T with the same carer), changes
legal status (L; B or U with a move the same day), each change closing the
episode with X1 and opening the next the same day; the last episode ends
with the reason the route gives: returned home (E4A, E4B, E13), adopted
after a placement order (E1) and a placement for adoption (A5 with the
foster carer, A6 with new adopters; E11, E12), special guardianship or child
arrangements (E41, E45-E48), leaving care at 18 (E5, E17, E8 ...), or other
endings for teenagers. Some children come back into care. Short-break
children (V3 series of stays, V4 one agreement) are made apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from boardpack.calc.codes import place_codes
from boardpack.calc.synth.common import (
    CLA_REVIEWS,
    Draw,
    Weighted,
    Window,
    add_years,
    review_days,
)

YEAR = 365
AGE_GROUPS = Weighted("0 18 1 14 5 17 10 35 16 16")  # age at entry, as national figures
ROUTES = {
    "0": Weighted("adopt 35 sgo 15 home 25 long 25"),
    "1": Weighted("adopt 15 sgo 20 home 35 long 30"),
    "5": Weighted("sgo 12 home 43 long 45"),
    "10": Weighted("home 45 long 37 other 13 sgo 5"),
    "16": Weighted("home 30 leave 45 other 10 uasc 15"),
}
LEAVE_AT_18 = Weighted("E5 30 E17 20 E8 25 E6 5 E13 10 E14 5 E15 5")
HOME = Weighted("E4A 55 E13 30 E4B 10 E16 5")
OTHER = Weighted("E5 35 E7 10 E3 10 E9 10 E15 5 E16 5 E8 25")
SGO = Weighted("E45 30 E46 35 E47 15 E48 5 E41 15")
REASON = Weighted(
    "CARPL 20 CLOSE 5 ALLEG 3 STAND 10 APPRR 15 CREQB 10 CREQO 10 CHILD 5 LAREQ 10 PLACE 7 OTHER 5"
)
PLACES = {  # by age at the move
    0: Weighted("U4 30 U5 25 U6 10 U1 8 U2 5 U3 4 R3 6 P1 8 T4 2 T3 2"),
    5: Weighted("U4 30 U5 25 U6 10 U1 10 U2 5 U3 5 K2 3 P1 7 R1 2 T3 1 R2 1 Z1 1"),
    11: Weighted("U4 25 U5 20 U6 10 U1 6 U2 3 U3 3 K2 20 K1 1 S1 2 R1 1 P1 4 R2 1 Z1 1 T0 1"),
    16: Weighted("U4 15 U5 12 U6 8 U1 5 U2 3 U3 2 K2 15 H5 25 K3 25 P2 3 R5 2 Z1 2 Z11 2 T1 1"),
}
SUBSTITUTE = {"H5": "K3", "P2": "K3", "Z1": "Z11", "K3": "H5", "Z11": "Z1"}
SAME_CARER = {"U4": "U5", "U5": "U6", "U6": "U4", "U1": "U2", "U2": "U3", "U3": "U1"}
PROVIDER = {
    "U": Weighted("PR1 70 PR4 30"),
    "A": Weighted("PR1 70 PR5 30"),
    "P": Weighted("PR0 1"),
    "R": Weighted("PR3 50 PR4 50"),
}
PROVIDER_OTHER = Weighted("PR4 60 PR1 20 PR5 20")
LEGAL_HOME = Weighted("V2 70 C1 20 L2 5 L1 5")
LEGAL_CARE = Weighted("C1 60 V2 25 L2 8 L1 7")


@dataclass
class Episode:
    start: int
    end: int | None  # None: open at the end of the data
    rne: str
    ls: str
    place: str
    rec: str | None = None
    reason: str | None = None
    provider: str = "PR1"
    urn: str = "XXXXXXX"
    postcode: str = ""


@dataclass
class Period:
    start: int
    end: int | None
    route: str
    rec: str | None
    episodes: list[Episode] = field(default_factory=list)


@dataclass
class Adoption:
    decision: int  # the decision that the child should be placed for adoption
    order: int | None = None  # the placement order (E1)
    placed: int | None = None  # placed for adoption
    match: int | None = None
    same_carer: bool = False
    ceased: int | None = None  # the decision reversed
    ceased_reason: str | None = None


@dataclass
class Child:
    cid: str
    dob: int
    sex: str
    ethnic: str = "WBRI"
    upn: str = ""
    need: str = "N1"  # category of need (the episodes' CIN column)
    home: str = ""  # home postcode district
    uasc: bool = False
    short_breaks: bool = False
    mc_dob: int | None = None  # a mother's child's date of birth
    periods: list[Period] = field(default_factory=list)
    adoption: Adoption | None = None

    @property
    def eighteen(self) -> int:
        return add_years(self.dob, 18)

    def age(self, on: int) -> int:
        return (on - self.dob) * 4 // 1461


def entry(draw: Draw, start: int) -> tuple[int, str, str]:
    """Date of birth, sex and route of a child entering care on ``start``."""
    group = draw.weighted(AGE_GROUPS)
    low, high = {"0": (0, 0), "1": (1, 4), "5": (5, 9), "10": (10, 15), "16": (16, 17)}[group]
    dob = start - draw.between(low * YEAR, high * YEAR + 364)
    route = draw.weighted(ROUTES[group])
    if route == "adopt" and start - dob > 4 * YEAR:
        route = "sgo"
    return dob, ("1" if route == "uasc" or draw.chance(0.55) else "2"), route


def plan(draw: Draw, child: Child, start: int, route: str, last: int) -> list[Period]:
    """The periods of care from ``start``: end days and reasons, coming back in some cases."""
    periods: list[Period] = []
    while True:
        if route == "adopt":
            end, rec = _adoption(draw, child, start)
            route = "adopt" if child.adoption and child.adoption.order else "long"
        else:
            end, rec = _ending(draw, route, start, child.eighteen)
        periods.append(
            Period(start, None if end > last else end, route, None if end > last else rec)
        )
        if end > last or route != "home" or not draw.chance(0.18):
            return periods
        start = end + 60 + draw.days(240)
        if start >= child.eighteen - 30 or start > last:
            return periods
        route = "home" if draw.chance(0.6) else "long"


def _ending(draw: Draw, route: str, start: int, eighteen: int) -> tuple[int, str]:
    if route == "home":
        r = draw.random()
        length = (
            draw.between(1, 56)
            if r < 0.25
            else draw.between(57, 365)
            if r < 0.7
            else draw.between(366, 900)
            if r < 0.95
            else draw.between(901, 1800)
        )
        end, rec = start + length, draw.weighted(HOME)
    elif route == "sgo":
        end, rec = start + draw.between(300, 1000), draw.weighted(SGO)
    elif route == "other":
        end, rec = start + draw.between(20, 700), draw.weighted(OTHER)
    else:  # long, leave, uasc: until 18
        end, rec = eighteen, draw.weighted(LEAVE_AT_18)
    if end >= eighteen:
        end, rec = eighteen, draw.weighted(LEAVE_AT_18)
    if rec == "E5" and end < eighteen - 2 * YEAR:
        rec = "E8"
    return end, rec


def build(draw: Draw, child: Child, period: Period, window: Window) -> None:
    """The episodes of a period: legal changes and moves, each closing the last with X1."""
    start, end = period.start, period.end
    stop = end if end is not None else window.last + 1
    legal = _legal_changes(draw, child, period, stop)
    moves = _moves(draw, child, start, stop)
    moves += [(d, draw.chance(0.1)) for d, _ in legal[1:] if draw.chance(0.15)]  # B and U
    a = child.adoption
    if period.route == "adopt" and a and a.placed and a.placed < stop:
        moves = [m for m in moves if m[0] < a.placed] + [(a.placed, a.same_carer)]
    if period.route == "home" and legal[0][1] != "V2" and draw.chance(0.3) and stop - start > 90:
        moves = [m for m in moves if m[0] < stop - 60] + [(stop - draw.between(30, 60), False)]
    days = sorted({d for d, _ in legal[1:]} | {d for d, _ in moves})
    ls, place = legal[0][1], _place(draw, child, start)
    episodes = [Episode(start, None, "S", ls, place)]
    by_day_ls = dict(legal[1:])
    by_day_move = dict(moves)
    for d in days:
        if not start < d < stop:
            continue
        new_ls = by_day_ls.get(d)
        moved = d in by_day_move
        same = by_day_move.get(d, False)
        if moved:
            place = _move_to(draw, child, place, d, same)
        rne = (
            ("U" if same else "B") if new_ls and moved else "L" if new_ls else "T" if same else "P"
        )
        ls = new_ls or ls
        episodes[-1].end, episodes[-1].rec = d, "X1"
        reason = draw.weighted(REASON) if moved else None
        episodes.append(Episode(d, None, rne, ls, place, reason=reason))
    episodes[-1].end, episodes[-1].rec = end, period.rec
    for e in episodes:
        e.place = _valid_place(e.place, e.start, e.end, window)
        e.provider = draw.weighted(PROVIDER.get(e.place[0], PROVIDER_OTHER))
        e.urn = "XXXXXXX" if e.place[0] in "UAPTZ" else f"SC{draw.between(100000, 999999)}"
        e.postcode = f"ZZ{draw.between(1, 99)} {draw.between(1, 9)}"
    period.episodes = episodes


def _legal_changes(draw: Draw, child: Child, period: Period, stop: int) -> list[tuple[int, str]]:
    """The legal status at entry, then (day, new status) changes."""
    start, route = period.start, period.route
    if route == "uasc":
        return [(start, "V2")]
    if route in ("home", "leave", "other"):
        first = draw.weighted(LEGAL_HOME)
        if route == "other" and draw.chance(0.1):
            return [(start, "J1")]
    else:
        first = draw.weighted(LEGAL_CARE)
    changes = [(start, first)]
    at = start
    if first in ("L1", "L2"):
        at = start + draw.between(1, 8)
        changes.append((at, "C1" if route not in ("home", "leave") or draw.chance(0.5) else "V2"))
    a = child.adoption if route in ("adopt", "long") else None
    order = a.order if a and a.order else a.ceased if a else None
    if changes[-1][1] == "V2" and route in ("adopt", "sgo", "long"):
        at += draw.between(30, min(200, order - at - 1) if order else 200)
        changes.append((at, "C1"))
    if changes[-1][1] == "C1":
        if a and a.order:
            changes.append((a.order, "E1"))
        else:
            changes.append((order or at + draw.between(180, 365), "C2"))
    return [c for c in changes if c[0] < stop or c[0] == start]


def _adoption(draw: Draw, child: Child, start: int) -> tuple[int, str]:
    """The adoption plan of a young child: decision, placement order, placement, adoption.

    One in ten decisions is reversed; the child then stays in care (a care order, C2).
    """
    decision = start + draw.between(120, 330)
    a = Adoption(decision)
    child.adoption = a
    if draw.chance(0.1):
        a.ceased = decision + draw.between(60, 300)
        a.ceased_reason = draw.pick(("RD1", "RD2", "RD3", "RD4"))
        return _ending(draw, "long", start, child.eighteen)
    a.order = decision + draw.between(30, 150)
    a.placed = a.order + draw.between(40, 250)
    a.match = a.placed - draw.between(0, 30)
    a.same_carer = draw.chance(0.25)
    return a.placed + draw.between(120, 330), "E11" if draw.chance(0.85) else "E12"


def _moves(draw: Draw, child: Child, start: int, stop: int) -> list[tuple[int, bool]]:
    """Placement changes: (day, with the same carer)."""
    moves: list[tuple[int, bool]] = []
    if draw.chance(0.3):
        moves.append((start + draw.between(2, 90), False))
    d = start
    while True:
        age = child.age(d)
        rate = 0.45 if age < 5 else 0.55 if age < 12 else 0.9
        d += 1 + draw.days(YEAR / rate)
        if d >= stop:
            return sorted(moves)
        moves.append((d, draw.chance(0.08)))


def _place(draw: Draw, child: Child, on: int) -> str:
    age = child.age(on)
    return draw.weighted(PLACES[16 if age >= 16 else 11 if age >= 11 else 5 if age >= 5 else 0])


def _move_to(draw: Draw, child: Child, place: str, on: int, same_carer: bool) -> str:
    a = child.adoption
    if a and a.placed == on:  # with a placement order (E1): with the foster carer, or not
        return "A5" if a.same_carer else "A6"
    if same_carer:
        return SAME_CARER.get(place, place)
    new = _place(draw, child, on)
    return new if new != place else SAME_CARER.get(new, new)


def _valid_place(place: str, start: int, end: int | None, window: Window) -> str:
    """A placement type valid in every collection year the episode is in."""
    years = window.years_between(start, end) or [window.years[0]]
    allowed = frozenset.intersection(*(place_codes(y) for y in years))
    if place in allowed:
        return place
    other = SUBSTITUTE.get(place, "U4")
    return other if other in allowed else "U4"


def short_breaks(draw: Draw, child: Child, window: Window) -> None:
    """A V3 series of short stays, or one V4 agreement, over some years."""
    first = window.first - 2 * YEAR + int(draw.random() * (window.last - window.first + YEAR))
    last = min(first + draw.between(YEAR, 5 * YEAR), child.eighteen)
    place = draw.pick(("K2", "U4", "U5", "U6"))
    if last <= first:
        return
    if draw.chance(0.3):
        end = None if last > window.last else last
        e = Episode(first, end, "S", "V4", place, None if end is None else "E13")
        child.periods.append(Period(first, end, "short", e.rec, [e]))
        return
    d = first
    while d < last and d <= window.last:
        stay = draw.between(1, 4)
        back = d + stay if d + stay <= window.last else None
        e = Episode(d, back, "S", "V3", place, None if back is None else "E13")
        child.periods.append(Period(d, back, "short", e.rec, [e]))
        d += stay + draw.between(7, 45)


def reviews(draw: Draw, period: Period, stop: int) -> list[int]:
    """Review days of a period of care: within 20 working days, then 3 months, then 6."""
    return review_days(draw, period.start, stop, CLA_REVIEWS)
