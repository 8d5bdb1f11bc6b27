"""An action's timescale: the text as written, and the due date and "ongoing" read from it.

The rules, with examples, are in docs/timescales.md. In short: a month means its last day, a
day is that day, a range or list means its last date, a school term means the end of the
month it ends in, and "ongoing" sets the ongoing flag. Whatever does not give one certain date
gets no due date and a flag saying why, for a person to resolve: nothing is guessed silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from boardpack.core.written_dates import (
    MONTH,
    YEAR,
    WrittenDateError,
    exact_day,
    full_year,
    month_end,
    month_number,
)

TERM_END_MONTH = {"autumn": 12, "spring": 3, "summer": 7}
"""A school term is due at the end of the month it usually ends in: Autumn Term in December,
Spring Term in March (the Easter holiday), Summer Term in July."""

CONNECTING_WORDS = frozenset(
    {"and", "to", "until", "till", "by", "due", "end", "of", "the", "then", "before"}
)
"""Words that may sit between or around dates without casting doubt on the due date."""

COMPLETE_WORDS = frozenset({"complete", "completed", "closed"})
"""A timescale that says the action is done needs no due date and no flag."""

_DATE_WORDS = re.compile(rf"{MONTH}|spring|summer|autumn|winter|term", re.IGNORECASE)
_A_YEAR = re.compile(r"\d{4}(?:\s*[-/–]\s*\d{2,4})?")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")

_TOKEN = re.compile(
    rf"""
      (?<![\w./-])(?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}}))(?!\w|[./-]\d)
    | (?<![\w./])(?P<numeric>(?P<nd>\d{{1,2}})(?P<sep>[./-])(?P<nm>\d{{1,2}})(?P=sep)
        (?P<ny>{YEAR}))(?!\w|[./]\d)
    | (?<!\w)(?P<words>(?P<wd>\d{{1,2}})\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<wm>{MONTH})\.?,?\s+
        (?P<wy>{YEAR}))(?!\w)
    | (?<!\w)(?P<term>(?P<season>spring|summer|autumn)\s+term\s*,?\s*(?P<ty>{YEAR}))(?!\w)
    | (?<!\w)(?P<month>(?P<mm>{MONTH})\.?[\s'’-]*(?P<my>{YEAR}))(?!\w)
    | (?<!\w)(?P<ongoing>on[\s-]?going)(?!\w)
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class Timescale:
    """What a timescale cell says. `text` is always the cell exactly as written."""

    text: str
    due: date | None = None
    ongoing: bool = False
    flags: tuple[str, ...] = ()
    """Why a person needs to look at this timescale; empty when nothing needs a person."""

    @property
    def needs_attention(self) -> bool:
        return bool(self.flags)


@dataclass
class _Reading:
    dates: list[date] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    other_words: list[str] = field(default_factory=list)
    """The stretches of text between dates that hold words Boardpack does not read."""
    ongoing: bool = False
    complete: bool = False


def _date_of(match: re.Match[str]) -> date:
    written = match.group()
    if match["iso"]:
        return exact_day(int(match["id"]), int(match["im"]), int(match["iy"]), written)
    if match["numeric"]:
        return exact_day(int(match["nd"]), int(match["nm"]), full_year(match["ny"]), written)
    if match["words"]:
        month = month_number(match["wm"])
        return exact_day(int(match["wd"]), month, full_year(match["wy"]), written)
    if match["term"]:
        month = TERM_END_MONTH[match["season"].casefold()]
        return month_end(month, full_year(match["ty"]), written)
    return month_end(month_number(match["mm"]), full_year(match["my"]), written)


def _fragment_problem(fragment: str) -> str:
    if _A_YEAR.fullmatch(fragment):
        return f"{fragment!r} is a year, not a date: give a month or a day"
    return f"could not read {fragment!r} as a date"


def _read_words(between: str, reading: _Reading) -> None:
    """Sort the words between dates: connecting, complete, unknown, or a date not understood."""
    fragment: list[str] = []
    unknown = False
    for chunk in [*between.split(), ""]:
        core = _EDGE_PUNCTUATION.sub("", chunk)
        if core and (any(c.isdigit() for c in core) or _DATE_WORDS.fullmatch(core)):
            fragment.append(chunk)
            continue
        if fragment:
            reading.problems.append(_fragment_problem(" ".join(fragment)))
            fragment = []
        lowered = core.casefold()
        if lowered in COMPLETE_WORDS:
            reading.complete = True
        elif core and lowered not in CONNECTING_WORDS:
            unknown = True
    if unknown:
        reading.other_words.append(_EDGE_PUNCTUATION.sub("", between.strip()))


def _read(written: str) -> _Reading:
    reading = _Reading()
    position = 0
    for match in _TOKEN.finditer(written):
        _read_words(written[position : match.start()], reading)
        position = match.end()
        if match["ongoing"]:
            reading.ongoing = True
            continue
        try:
            reading.dates.append(_date_of(match))
        except WrittenDateError as error:
            reading.problems.append(str(error))
    _read_words(written[position:], reading)
    return reading


def _due_and_flags(written: str, reading: _Reading) -> tuple[date | None, list[str]]:
    flags = list(reading.problems)
    if flags:
        return None, flags
    if not reading.dates:
        if not (reading.ongoing or reading.complete):
            flags.append(f"{written!r} gives no due date")
        return None, flags
    if reading.dates != sorted(reading.dates):
        flags.append(f"the dates in {written!r} are out of order, so which one is due is unclear")
        return None, flags
    due = reading.dates[-1]
    if reading.other_words:
        words = ", ".join(repr(words) for words in reading.other_words)
        flags.append(
            f"{written!r} also says {words}: the due date was read as {due:%d/%m/%Y}, "
            "its last date; check it"
        )
    return due, flags


def parse_timescale(text: str) -> Timescale:
    """Read a timescale cell; never raises. See docs/timescales.md for the rules."""
    written = " ".join(text.split())
    if not written:
        return Timescale(text)
    reading = _read(written)
    due, flags = _due_and_flags(written, reading)
    return Timescale(text, due=due, ongoing=reading.ongoing, flags=tuple(flags))
