"""Coherent synthetic SSDA903 and Children in Need returns, deterministic for a seed.

``write_synthetic(out, children=N, years=Y, seed=S)`` writes, for the
collection years ``end_year - Y + 1`` to ``end_year``:

- ``out/ssda903/<year>/`` the SSDA903 tables (CSV, or ``ssda903.xml``),
- ``out/cin/<year>/`` the CIN census (``cin.xml``, or CSV per table),
- ``out/population.csv`` the population aged 0-17 per year.

``children`` is about the number looked after at each 31 March; the rest
scales with it as nationally: about 38 children start care a year for each
100 looked after, short-break-only children are about 4% more, and the CIN
census holds about 7.6 referrals (episodes of need) a year for each child
looked after (85,000 looked after gives about 650,000 a year). The
population makes the looked-after rate about 70 per 10,000. See
docs/calc-inputs.md for what the histories contain.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from boardpack.calc.synth import care, cin, ssda903
from boardpack.calc.synth.care import YEAR, Child
from boardpack.calc.synth.common import ETHNIC, Draw, Weighted, Window, add_years, upn
from boardpack.calc.synth.writers import Form, Writer, writer

CIN_PER_CHILD_LOOKED_AFTER = 7.6
INTO_CARE_PER_CHILD_LOOKED_AFTER = 1.3  # referrals of children coming into care, made apart
RATE_PER_10000 = 70
SHORT_BREAKS = 0.04
PILOT = 4000
NEED = Weighted("N1 60 N2 6 N3 4 N4 8 N5 14 N6 2 N7 1 N8 5")


def write_synthetic(
    out: Path,
    *,
    children: int,
    years: int,
    seed: int,
    end_year: int = 2024,
    ssda903_form: Form = "csv",
    cin_form: Form = "xml",
) -> None:
    """Write the synthetic returns under ``out``; the same arguments write the same bytes."""
    window = Window.of(end_year, years)
    out.mkdir(parents=True, exist_ok=True)
    w903 = writer(out / "ssda903", "ssda903", ssda903_form, window.years)
    wcin = writer(out / "cin", "cin", cin_form, window.years)
    ids = iter(range(1, 10**9))
    try:
        _looked_after(children, seed, window, ids, w903, wcin)
        _short_breaks(children, seed, window, ids, w903)
        _in_need(children, seed, window, ids, wcin)
    finally:
        w903.close()
        wcin.close()
    with (out / "population.csv").open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("year,population\n")
        for y in window.years:
            base = children * 10_000 / RATE_PER_10000
            mid_year = y - 1  # the 30 June estimate inside the year to 31 March y
            fh.write(f"{mid_year},{round(base * (1 + 0.004 * (y - end_year)))}\n")


def _entries(children: int, seed: int, window: Window) -> int:
    """How many entries to care to draw so that about ``children`` are looked after."""
    draw = Draw(seed, "pilot/care")
    in_care = 0
    for _ in range(PILOT):
        start = window.last - int(draw.random() * 19 * YEAR)
        dob, sex, route = care.entry(draw, start)
        for p in care.plan(draw, Child("", dob, sex), start, route, window.last):
            in_care += sum(
                p.start <= window.year_end(y) and (p.end is None or p.end > window.year_end(y))
                for y in window.years
            )
    per_entry = in_care / (PILOT * len(window.years))
    return max(1, round(children / max(per_entry, 1e-9)))


def _looked_after(
    children: int, seed: int, window: Window, ids: Iterator[int], w903: Writer, wcin: Writer
) -> None:
    draw, cin_draw = Draw(seed, "care"), Draw(seed, "care/cin")
    for _ in range(_entries(children, seed, window)):
        start = window.last - int(draw.random() * 19 * YEAR)
        dob, sex, route = care.entry(draw, start)
        child = Child("", dob, sex, uasc=route == "uasc")
        child.periods = care.plan(draw, child, start, route, window.last)
        last = child.periods[-1]
        if (last.end is not None and last.end < window.first) and add_years(dob, 21) < window.first:
            continue
        _describe(draw, child, f"{next(ids):07d}")
        reviews: list[int] = []
        for p in child.periods:
            care.build(draw, child, p, window)
            reviews += care.reviews(draw, p, p.end if p.end is not None else window.last + 1)
        _mother(draw, child, window)
        rows = ssda903.rows(draw, child, window, reviews)
        if rows:
            w903.write(rows)
        record = cin.child_of(cin_draw, child.cid, dob, sex, child.ethnic, child.upn)
        for p in child.periods:
            if p.end is None or p.end >= window.first - YEAR:
                cin.into_care(cin_draw, record, p.start, p.end, window.last)
        wcin.write(cin.rows(record, window))


def _describe(draw: Draw, child: Child, cid: str) -> None:
    child.cid, child.ethnic, child.upn = cid, draw.weighted(ETHNIC), upn(draw)
    child.need = "N8" if child.uasc else draw.weighted(NEED)
    child.home = f"ZZ{draw.between(1, 99)} {draw.between(1, 9)}"


def _mother(draw: Draw, child: Child, window: Window) -> None:
    """A few girls in care at 14 or over have a child of their own."""
    if child.sex != "2" or not draw.chance(0.03):
        return
    born = add_years(child.dob, draw.between(14, 17)) + draw.between(0, 300)
    if (
        any(p.start <= born <= (p.end or window.last) for p in child.periods)
        and born <= window.last
    ):
        child.mc_dob = born


def _short_breaks(
    children: int, seed: int, window: Window, ids: Iterator[int], w903: Writer
) -> None:
    draw = Draw(seed, "short-breaks")
    for _ in range(round(children * SHORT_BREAKS)):
        dob = window.first - draw.between(5 * YEAR, 15 * YEAR)
        child = Child("", dob, "1" if draw.chance(0.6) else "2", short_breaks=True)
        _describe(draw, child, f"{next(ids):07d}")
        child.need = "N2"
        care.short_breaks(draw, child, window)
        if child.periods:
            w903.write(ssda903.rows(draw, child, window, []))


def _chains(children: int, seed: int, window: Window) -> int:
    """How many children in need to draw for about 7.6 referrals a year per child looked after."""
    draw = Draw(seed, "pilot/cin")
    held = 0
    for _ in range(PILOT):
        child = _cin_child(draw, "", window)
        held += sum(len(window.years_between(r.day, r.closure)) for r in child.referrals)
    per_chain = held / (PILOT * len(window.years))
    wanted = children * (CIN_PER_CHILD_LOOKED_AFTER - INTO_CARE_PER_CHILD_LOOKED_AFTER)
    return max(1, round(wanted / max(per_chain, 1e-9)))


def _cin_child(draw: Draw, cid: str, window: Window) -> cin.CinChild:
    span = window.last - window.first + 3 * YEAR
    first = window.first - 3 * YEAR + int(draw.random() * span)
    dob = first - draw.between(0, 18 * YEAR - 1)
    sex = "1" if draw.chance(0.52) else "2"
    child = cin.child_of(draw, cid, dob, sex, draw.weighted(ETHNIC), upn(draw))
    cin.chain(draw, child, first, window.last)
    return child


def _in_need(children: int, seed: int, window: Window, ids: Iterator[int], wcin: Writer) -> None:
    draw = Draw(seed, "cin")
    for _ in range(_chains(children, seed, window)):
        rows = cin.rows(_cin_child(draw, f"{next(ids):07d}", window), window)
        if rows:
            wcin.write(rows)
