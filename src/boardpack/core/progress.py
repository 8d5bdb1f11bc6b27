"""An action's progress log: the dated entries found in a tracker's free-text Progress cell.

Entries are written as `14.05.19 - …`, `07/08/19 - …`, `14/5/19: …`, `July 19 - …` or
`July G2G - …`, at line starts or run together in one paragraph. Nothing is lost: every entry
keeps its `raw` text exactly as written, and the entries' raw texts, in order, are the cell
with only the whitespace between entries left out. The rules, with examples, are in
docs/timescales.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from boardpack.core.written_dates import (
    MONTH,
    YEAR,
    WrittenDateError,
    exact_day,
    full_year,
    month_end,
    month_number,
)

LABELS = r"(?:g2gp?|gtg|update|qm|plan|\d{4})"
"""Words that may follow a month in an update heading: `July G2G`, `July Update`."""

NOT_AUTHORS = frozenset(
    {"ART", "CLA", "CSC", "CYP", "DCS", "EHM", "FGC", "HOS", "IRO", "LAC", "LCC", "PAP", "RAG"}
    | {"SIA", "SMT", "YOT"}
)
"""Teams and boards written where an author's initials could be: never taken as an author."""

BROKEN_DIGITS = 5
"""A mistyped day (`23.019`, `01./03/20`) has at least this many digits; fewer (`4.4.6 - …`, a
plan reference) is not taken for a date."""

_CANDIDATE = re.compile(
    rf"""
      (?<![\w./])(?:(?P<day>(?P<d>\d{{1,2}})(?P<sep>[./])(?P<m>\d{{1,2}})(?P=sep)(?P<y>{YEAR}))
                   |(?P<broken>\d{{1,2}}(?:[./]+\d{{1,4}}){{1,2}}))(?!\w|[./]\d)
    | (?<!\w)(?P<heading>(?P<hmonth>{MONTH})\.?(?:(?:[ \t]+|-|)(?P<hyear>{YEAR}))?
                   (?P<labels>(?:[ \t]+{LABELS})*))(?=[ \t]*[-–—:])
    | (?<!\w)(?P<plan>(?:g2gp?|gtg)(?:[ \t]+plan)?[ \t]+{MONTH}(?:[ \t]+qm)?)(?=[ \t]*[-–—:])
    """,
    re.IGNORECASE | re.VERBOSE,
)
_SEPARATOR = re.compile(r"[ \t]*[-–—:][ \t]*")
_RANGE_GAP = re.compile(r"\s*[-–—]\s*")
_WORD = r"[A-Z][\w'’]*\.?"
_NAMED_THEN_DASH = re.compile(rf"[ \t]+(?P<who>{_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]*[-–—][ \t]*")
"""`15.05.19 BG – …`: up to three capitalised words between a date and a dash."""
_AUTHOR_THEN_DASH = re.compile(rf"(?P<who>{_WORD}(?:[ \t]+{_WORD})?)[ \t]*[-–—][ \t]*")
"""`26.04.19 - A Smith - …`: a name between two dashes."""
_AUTHOR = re.compile(r"[A-Z]{2,3}|[A-Z]\.?[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_SENTENCE_END = ".!?;"


@dataclass(frozen=True)
class ProgressEntry:
    """One entry of a progress log. `raw` is the entry exactly as written in the cell."""

    text: str
    """What the entry says, after its date, separator and author."""
    date: dt.date | None = None
    author: str | None = None
    """Set only where the cell clearly marks one: `14.05.19 BG – …`, `26.04.19 - A Smith - …`."""
    marker: str | None = None
    """The date or heading as written (`14.05.19`, `July 19`, `July G2G`); None before the first."""
    month_only: bool = False
    """The marker gives a month, not a day: `date` is that month's last day."""
    flags: tuple[str, ...] = ()
    raw: str = ""
    start: int = 0
    """Where `raw` starts in the cell's text."""

    @property
    def end(self) -> int:
        return self.start + len(self.raw)


@dataclass(frozen=True)
class _Marker:
    start: int
    body_start: int
    marker: str
    date: dt.date | None = None
    author: str | None = None
    month_only: bool = False
    flags: tuple[str, ...] = ()


def _kind(match: re.Match[str]) -> str | None:
    """`day` or `month` for a date that can be an end of a range such as `25.03.19 - 22.04.19`."""
    if match["day"] or match["broken"]:
        return "day"
    return "month" if match["heading"] and not match["labels"] else None


def _at_start_of_sentence(text: str, start: int) -> bool:
    """At the start of the text or a line, or after a full stop and a space."""
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    gap = text[i:start]
    return i == 0 or "\n" in gap or (bool(gap) and text[i - 1] in _SENTENCE_END)


def _after_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t":
        position += 1
    return position


def _author(who: str) -> str | None:
    return who if _AUTHOR.fullmatch(who) and who.upper() not in NOT_AUTHORS else None


def _dated(match: re.Match[str]) -> tuple[dt.date | None, bool, tuple[str, ...]]:
    """The entry's date, whether it is a month only, and why a person must look."""
    written = match.group()
    try:
        if match["day"]:
            day = exact_day(int(match["d"]), int(match["m"]), full_year(match["y"]), written)
            return day, False, ()
        if match["broken"]:
            return None, False, (f"could not read {written!r} as a date",)
        if match["heading"] and match["hyear"]:
            month = month_number(match["hmonth"])
            return month_end(month, full_year(match["hyear"]), written), True, ()
    except WrittenDateError as error:
        return None, False, (str(error),)
    return None, False, ()


def _marker(text: str, match: re.Match[str]) -> _Marker | None:
    """The entry this date or heading starts, or None when it sits inside an entry's text."""
    if match["heading"] and not (match["hyear"] or match["labels"].strip()):
        return None
    if match["broken"] and sum(c.isdigit() for c in match["broken"]) < BROKEN_DIGITS:
        return None
    start, end = match.start(), match.end()
    author = None
    if separator := _SEPARATOR.match(text, end):
        body_start = separator.end()
        if by := _AUTHOR_THEN_DASH.match(text, body_start):
            author = _author(by["who"])
            body_start = by.end() if author else body_start
    elif match["heading"] or match["plan"] or match["broken"]:
        return None
    elif (named := _NAMED_THEN_DASH.match(text, end)) or _at_start_of_sentence(text, start):
        author = _author(named["who"]) if named else None
        body_start = named.end() if named and author else _after_spaces(text, end)
    else:
        return None
    day, month_only, flags = _dated(match)
    return _Marker(start, body_start, match.group(), day, author, month_only, flags)


def _in_ranges(matches: list[re.Match[str]]) -> set[int]:
    """Indexes of the dates that are ends of a range: neither end starts an entry.

    A month then a dash then a day (`Report March 2019 - 15.05.19 BG – …`) is no range: the
    month is left in the text and the day may still start an entry.
    """
    in_range: set[int] = set()
    for i in range(1, len(matches)):
        before, after = matches[i - 1], matches[i]
        gap = after.string[before.end() : after.start()]
        if _kind(before) and _kind(after) and _RANGE_GAP.fullmatch(gap):
            in_range |= {i - 1, i} if _kind(before) == _kind(after) else {i - 1}
    return in_range


def _markers(text: str) -> list[_Marker]:
    matches = list(_CANDIDATE.finditer(text))
    in_range = _in_ranges(matches)
    found: list[_Marker] = []
    for i, match in enumerate(matches):
        if i in in_range or (found and match.start() < found[-1].body_start):
            continue
        if marker := _marker(text, match):
            found.append(marker)
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, str]:
    raw = text[start:end].rstrip()
    stripped = raw.lstrip()
    return start + len(raw) - len(stripped), stripped


def parse_progress(text: str) -> list[ProgressEntry]:
    """Split a Progress cell into entries, in the order written; never raises."""
    markers = _markers(text)
    entries: list[ProgressEntry] = []
    first = markers[0].start if markers else len(text)
    start, raw = _trimmed(text, 0, first)
    if raw:
        entries.append(ProgressEntry(raw, raw=raw, start=start))
    ends = [following.start for following in markers[1:]] + [len(text)]
    for marker, end in zip(markers, ends, strict=False):
        start, raw = _trimmed(text, marker.start, end)
        body = text[marker.body_start : start + len(raw)].strip()
        entries.append(
            ProgressEntry(
                body,
                date=marker.date,
                author=marker.author,
                marker=marker.marker,
                month_only=marker.month_only,
                flags=marker.flags,
                raw=raw,
                start=start,
            )
        )
    return entries


def format_progress_entry(day: dt.date, text: str) -> str:
    """An entry written the way the trackers write them (`14.05.19 - …`), which reads back."""
    year = "%y" if 2000 <= day.year <= 2099 else "%Y"
    return f"{day.strftime(f'%d.%m.{year}')} - {text.strip()}"


def format_progress(entries: Iterable[ProgressEntry]) -> str:
    """The entries as one cell, one per line, each exactly as written."""
    return "\n".join(entry.raw for entry in entries)
