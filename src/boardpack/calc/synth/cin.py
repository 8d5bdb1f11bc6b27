"""Synthetic Children in Need records: referrals and what follows them, year by year.

A referral is either not taken further (ReferralNFA) or assessed (most within
45 working days of the referral, some later); an assessment leads to no
further action, universal services, a CIN plan, or a section 47 enquiry. Half
the enquiries lead to an initial child protection conference (most within 15
working days, some later), most conferences to a plan, reviewed within three
months and then six-monthly (some late), lasting weeks to over two years, and
sometimes stepped down to a CIN plan. Children come back: a further referral
follows some closures, often within twelve months, and a later plan counts
the earlier ones (NumberOfPreviousCPP). Children who come into care are
referred shortly before.

A year's census holds every referral open at some time in the year and, of
it, the assessments, plans, enquiries and protection plans open in the year
(dates after 31 March left blank), and the plan reviews held in the year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from boardpack.calc.synth.common import (
    CPP_REVIEWS,
    Draw,
    Row,
    Rows,
    Weighted,
    Window,
    add_weekdays,
    add_years,
    on_weekday,
    review_days,
    words,
)

SOURCE = Weighted(
    "1A 4 1B 1 1C 1 1D 2 2A 18 2B 2 3A 3 3B 2 3C 1 3D 3 3E 4 3F 3 4 2 5A 6 5B 3 5C 4 6 30 7 2 "
    "8 5 9 2 10 1"
)
NEED = Weighted("N0 2 N1 55 N2 4 N3 3 N4 10 N5 13 N6 2 N7 1 N8 4 N9 6")
OUTCOME = Weighted("none 40 universal 15 plan 22 s47 23")
CLOSURE = Weighted("RC8 60 RC9 14 RC7 8 RC5 8 RC6 2 RC3 4 RC4 3 RC1 0.5 RC2 0.5")
CATEGORY = Weighted("NEG 50 EMO 35 PHY 7 SAB 4 MUL 4")
FACTORS = words("1B 1C 2B 2C 3B 3C 4B 4C 5B 5C 6B 6C 8B 8C 9A 10A 11A 12A 13A 14A 15A 16A 17A")
DISABILITY = words("AUTI BEH COMM CON HAND HEAR LD MOB PC VIS")
PLAN_DAYS = Weighted("short 15 year 50 two 30 long 5")


@dataclass
class Plan:  # a child protection plan
    start: int
    end: int | None
    initial: str
    latest: str
    previous: int
    reviews: list[int] = field(default_factory=list)


@dataclass
class Referral:
    day: int
    source: str
    need: str
    nfa: bool = False
    closure: int | None = None
    reason: str | None = None
    icpc: int | None = None
    assessments: list[tuple[int, int | None, str]] = field(default_factory=list)
    plans: list[tuple[int, int | None]] = field(default_factory=list)  # CIN plans
    s47: list[tuple[int, int, int | None]] = field(default_factory=list)  # start, target, ICPC
    cpps: list[Plan] = field(default_factory=list)


@dataclass
class CinChild:
    cid: str
    dob: int
    sex: str
    ethnic: str
    upn: str
    disabilities: str = "NONE"
    previous_cpp: int = 0  # plans before the data
    referrals: list[Referral] = field(default_factory=list)


def child_of(draw: Draw, cid: str, dob: int, sex: str, ethnic: str, upn: str) -> CinChild:
    disabled = draw.chance(0.1)
    disabilities = " ".join(sorted({draw.pick(DISABILITY) for _ in range(draw.between(1, 2))}))
    prior = 0 if draw.chance(0.8) else draw.between(1, 2)
    return CinChild(cid, dob, sex, ethnic, upn, disabilities if disabled else "NONE", prior)


def chain(draw: Draw, child: CinChild, first: int, last: int) -> None:
    """The child's referrals from ``first``: each closure may be followed by another."""
    d, previous = first, child.previous_cpp
    eighteen = add_years(child.dob, 18)
    while d <= last and d < eighteen:
        r = referral(draw, d, last, previous)
        child.referrals.append(r)
        previous += len(r.cpps)
        if r.closure is None or not draw.chance(0.5):
            return
        d = on_weekday(r.closure + 1 + draw.days(300))


def referral(draw: Draw, d: int, last: int, previous_cpp: int) -> Referral:
    r = Referral(d, draw.weighted(SOURCE), draw.weighted(NEED))
    if draw.chance(0.08):
        r.nfa, r.closure, r.reason = True, d, "RC8"
        return r
    start = on_weekday(d + draw.between(0, 5))
    authorised = add_weekdays(
        d, draw.between(46, 80) if draw.chance(0.16) else draw.between(10, 45)
    )
    factors = " ".join(sorted({draw.pick(FACTORS) for _ in range(draw.between(1, 3))}))
    r.assessments.append((start, authorised, factors))
    ends = [authorised]
    outcome = draw.weighted(OUTCOME)
    if outcome == "plan":
        begin = authorised + draw.between(0, 10)
        r.plans.append((begin, begin + draw.between(90, 540)))
    elif outcome == "s47":
        ends.append(_enquiry(draw, r, d, previous_cpp))
    ends += [e for _, e in r.plans if e is not None]
    closure = max(ends) + draw.between(0, 30)
    r.reason = {"none": "RC8", "universal": "RC9"}.get(outcome) or draw.weighted(CLOSURE)
    r.closure = None if closure > last else closure
    _open_after(r, last)
    return r


def _enquiry(draw: Draw, r: Referral, d: int, previous_cpp: int) -> int:
    start = add_weekdays(d, draw.between(0, 10))
    target = add_weekdays(start, 15)
    if not draw.chance(0.5):
        r.s47.append((start, target, None))
        return start
    late = draw.chance(0.22)
    icpc = add_weekdays(start, draw.between(16, 30) if late else draw.between(5, 15))
    r.s47.append((start, target, icpc))
    r.icpc = icpc
    if not draw.chance(0.85):
        return icpc
    kind = draw.weighted(PLAN_DAYS)
    low, high = {"short": (20, 89), "year": (90, 365), "two": (366, 729), "long": (730, 1100)}[kind]
    end = icpc + draw.between(low, high)
    initial = draw.weighted(CATEGORY)
    latest = initial if draw.chance(0.9) else draw.weighted(CATEGORY)
    plan = Plan(icpc, end, initial, latest, previous_cpp)
    plan.reviews = review_days(draw, icpc, end, CPP_REVIEWS)
    r.cpps.append(plan)
    if draw.chance(0.4):
        r.plans.append((end, end + draw.between(90, 365)))
    return end


def _open_after(r: Referral, last: int) -> None:
    """Whatever ends after the last day of the data is still open."""
    r.assessments = [(s, a if a is None or a <= last else None, f) for s, a, f in r.assessments]
    r.plans = [(s, e if e is None or e <= last else None) for s, e in r.plans if s <= last]
    r.s47 = [(s, t, i if i is None or i <= last else None) for s, t, i in r.s47 if s <= last]
    r.cpps = [p for p in r.cpps if p.start <= last]
    for p in r.cpps:
        if p.end is not None and p.end > last:
            p.end = None
        p.reviews = [v for v in p.reviews if v <= last]
    if r.icpc is not None and r.icpc > last:
        r.icpc = None


def into_care(
    draw: Draw, child: CinChild, care_start: int, care_end: int | None, last: int
) -> None:
    """The referral of a child coming into care: assessed, often an enquiry, open while in care."""
    d = on_weekday(care_start - draw.between(5, 60))
    r = Referral(d, draw.weighted(SOURCE), "N1" if draw.chance(0.7) else draw.weighted(NEED))
    r.assessments.append((d + draw.between(0, 3), add_weekdays(d, draw.between(5, 40)), "3C 4C"))
    if draw.chance(0.4):
        start = add_weekdays(d, draw.between(0, 3))
        r.s47.append((start, add_weekdays(start, 15), None))
    closure = None if care_end is None else care_end + draw.between(0, 20)
    r.closure = None if closure is None or closure > last else closure
    r.reason = None if r.closure is None else "RC8"
    _open_after(r, last)
    child.referrals.append(r)


def rows(child: CinChild, window: Window) -> Rows:
    out: Rows = {}
    for r in child.referrals:
        for y in window.years_between(r.day, r.closure):
            _year_rows(child, r, window, y, out.setdefault(y, {}))
    for y, tables in out.items():
        sex = child.sex if y <= 2025 else {"1": "M", "2": "F"}[child.sex]
        row: Row = {"lachildid": child.cid, "upn": child.upn, "dob": child.dob, "sex": sex}
        row |= {"ethnicity": child.ethnic, "disabilities": child.disabilities}
        tables["cin_child"] = [row]
    return out


def _iso(o: int) -> str:
    return date.fromordinal(o).isoformat()


def _year_rows(
    child: CinChild, r: Referral, window: Window, y: int, out: dict[str, list[Row]]
) -> None:
    start, end = window.year_start(y), window.year_end(y)

    def shown(o: int | None) -> int | None:
        return o if o is not None and o <= end else None

    def add(table: str, row: Row) -> None:
        out.setdefault(table, []).append({"lachildid": child.cid, "referral_id": rid, **row})

    def live(begin: int, finish: int | None) -> bool:
        return begin <= end and (finish is None or finish >= start)

    rid = f"{child.cid}/{_iso(r.day)}"
    closure = shown(r.closure)
    add(
        "cin_referrals",
        {
            "referral_date": r.day,
            "referral_source": r.source,
            "primary_need": r.need,
            "closure_date": closure,
            "closure_reason": r.reason if closure else None,
            "date_initial_cpc": shown(r.icpc),
            "referral_nfa": "true" if r.nfa else "false",
        },
    )
    for s, a, f in r.assessments:
        if live(s, a):
            add("cin_assessments", {"start_date": s, "authorised_date": shown(a), "factors": f})
    for s, e in r.plans:
        if live(s, e):
            add("cin_plans", {"start_date": s, "end_date": shown(e)})
    for s, t, i in r.s47:
        if live(s, i or s):
            row: Row = {"s47_start_date": s, "icpc_target": t, "icpc_date": shown(i)}
            add("cin_s47", row | {"icpc_not_required": "true" if i is None else "false"})
    for p in r.cpps:
        if live(p.start, p.end):
            cpp_id = f"{rid}/{_iso(p.start)}"
            row = {"cpp_id": cpp_id, "cpp_start": p.start, "cpp_end": shown(p.end)}
            row |= {"initial_category": p.initial, "latest_category": p.latest}
            add("cin_cpp", row | {"previous_cpp": p.previous})
            out.setdefault("cin_cpp_reviews", []).extend(
                {"lachildid": child.cid, "cpp_id": cpp_id, "review_date": v}
                for v in p.reviews
                if start <= v <= end
            )
