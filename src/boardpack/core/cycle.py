"""The update cycle before a board meeting: its dates, recurring meetings, the period reviewed.

Plain dates in, plain dates out. The seed (002, "Governance & Reporting") sets the defaults: the
plan goes to the leads three weeks before the board, updates are due two weeks before, the chair
is briefed one week before. Boardpack adds a reminder two days before updates are due.

Every step falls on a working day: not a weekend, not a bank holiday (the caller passes them:
this module reads no files), not in the Christmas closedown (24 to 31 December). A step that
would fall on a day off moves to the working day **before** it, so that no deadline falls in a
holiday and nobody is asked for an update while the council is closed; it stays at least one
working day before the next step, so the steps keep their order.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from boardpack.core.periods import Month

MAX_OFFSET = 120
"""No cycle starts more than about four months before its meeting."""
MAX_MEETINGS = 52
"""A recurrence makes at most a year of weekly meetings at once."""


class Mail(StrEnum):
    """The e-mails of a cycle, in the order they go out."""

    REQUEST = "request"
    REMINDER = "reminder"
    BRIEFING = "briefing"


@dataclass(frozen=True)
class Offsets:
    """Days before the meeting each step of the cycle falls on."""

    request: int = 21
    reminder: int = 16
    due: int = 14
    briefing: int = 7

    def problems(self) -> list[tuple[str, str]]:
        """(field, message) for each rule broken: each step after the one before it."""
        found = [
            (name, f"Days before the meeting must be 0 to {MAX_OFFSET}")
            for name, days in vars(self).items()
            if not 0 <= days <= MAX_OFFSET
        ]
        steps = [
            ("reminder", "reminder", self.reminder, "request", self.request),
            ("due", "updates due", self.due, "reminder", self.reminder),
            ("briefing", "chair's briefing", self.briefing, "updates due", self.due),
        ]
        for name, label, days, before, before_days in steps:
            if days >= before_days:
                found.append((name, f"The {label} must come after the {before} (fewer days)"))
        return found


@dataclass(frozen=True)
class CycleDates:
    meeting: date
    request: date
    reminder: date
    due: date
    briefing: date

    @property
    def start(self) -> date:
        """Updates count from here: anything written on or after the request date."""
        return self.request


CLOSEDOWN_FROM = (12, 24)
"""The Christmas closedown most councils keep runs from 24 December to the end of the year."""
DAY = timedelta(days=1)


def is_working_day(day: date, holidays: Set[date] = frozenset()) -> bool:
    """Monday to Friday, not one of `holidays`, not in the Christmas closedown."""
    closed = (day.month, day.day) >= CLOSEDOWN_FROM
    return day.weekday() < 5 and day not in holidays and not closed


def _working_day_by(day: date, holidays: Set[date]) -> date:
    """`day`, or else the latest working day before it."""
    while not is_working_day(day, holidays):
        day -= DAY
    return day


def cycle_dates(meeting: date, offsets: Offsets, holidays: Set[date] = frozenset()) -> CycleDates:
    """The steps' days before the meeting, each on a working day (the module says the rule):
    worked out from the briefing back to the request, each kept before the next."""
    briefing = _working_day_by(meeting - timedelta(days=offsets.briefing), holidays)
    due = _working_day_by(min(meeting - timedelta(days=offsets.due), briefing - DAY), holidays)
    reminder = _working_day_by(min(meeting - timedelta(days=offsets.reminder), due - DAY), holidays)
    request = _working_day_by(
        min(meeting - timedelta(days=offsets.request), reminder - DAY), holidays
    )
    return CycleDates(meeting, request=request, reminder=reminder, due=due, briefing=briefing)


def mails_open(dates: CycleDates, today: date) -> list[Mail]:
    """The e-mails whose day has come and not yet gone.

    A run that missed a day catches up: requests go out until the briefing (someone who becomes
    a lead late is still asked), reminders until the day updates are due, the briefing until the
    meeting day. Nothing goes out once the meeting has been held.
    """
    windows = {
        Mail.REQUEST: dates.request <= today < dates.briefing,
        Mail.REMINDER: dates.reminder <= today <= dates.due,
        Mail.BRIEFING: dates.briefing <= today <= dates.meeting,
    }
    return [mail for mail, open_ in windows.items() if open_]


class Phase(StrEnum):
    UPCOMING = "upcoming"
    COLLECTING = "collecting"
    OVERDUE = "overdue"
    BRIEFED = "briefed"
    HELD = "held"


PHASE_TEXT = {
    Phase.UPCOMING: "Requests not sent yet",
    Phase.COLLECTING: "Collecting updates",
    Phase.OVERDUE: "Updates overdue",
    Phase.BRIEFED: "Chair briefed",
    Phase.HELD: "Meeting held",
}


def phase(dates: CycleDates, today: date) -> Phase:
    if today < dates.request:
        return Phase.UPCOMING
    if today <= dates.due:
        return Phase.COLLECTING
    if today < dates.briefing:
        return Phase.OVERDUE
    if today <= dates.meeting:
        return Phase.BRIEFED
    return Phase.HELD


class RecurrenceError(ValueError):
    """A recurrence Boardpack will not make."""


def recurrence(first: date, *, every_weeks: int, count: int) -> list[date]:
    """`count` dates, `every_weeks` weeks apart, from `first`: "every 6 weeks from 4 March"."""
    if not 1 <= every_weeks <= 52:
        raise RecurrenceError("Meetings repeat every 1 to 52 weeks")
    if not 1 <= count <= MAX_MEETINGS:
        raise RecurrenceError(f"Make 1 to {MAX_MEETINGS} meetings at a time")
    return [first + timedelta(weeks=every_weeks * n) for n in range(count)]


def review_month(meeting: date, offsets: Offsets) -> Month:
    """The scorecard period a meeting reviews: the last quarter that had ended by the request
    date, so its figures exist when the owners are asked for commentary (a meeting on 15 August
    2012 with requests on 25 July reviews Quarter 1, June 2012)."""
    asked = meeting - timedelta(days=offsets.request)
    month = Month.of(asked)
    if month.end > asked:
        month = month.previous()
    while not month.is_quarter_end:
        month = month.previous()
    return month
