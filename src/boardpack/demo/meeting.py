"""The demo's next board meeting, reviewing the demo scorecard's quarter, with its pack queued."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser

from boardpack.accounts.models import OrgUnit
from boardpack.boards.models import Board
from boardpack.boards.services import meeting_update, meetings_add, selection_add
from boardpack.core.periods import Month
from boardpack.jobs.report_jobs import start_pack

BOARD = "Corporate Parenting Board"
OVERSEES = "Assistant Director – Children's Social Care"
"""The director whose indicators the board's pack reports on (the looked-after children's)."""
QUARTER = Month(2012, 6)
"""The quarter the demo's values end with (seed 001): the meeting's pack reviews it."""
THURSDAY = 3
WEEKS_AHEAD = 6


def next_meeting_day(today: date) -> date:
    """A Thursday six weeks or more ahead, so the update cycle's requests are still to come."""
    day = today + timedelta(weeks=WEEKS_AHEAD)
    return day + timedelta(days=(THURSDAY - day.weekday()) % 7)


def load_demo_meeting(today: date, officer: AbstractBaseUser) -> str:
    """The Corporate Parenting Board's next meeting on the demo quarter, its pack reporting on
    the Children's Social Care director's indicators; its PDF pack is queued for the worker
    `make demo` starts beside the server."""
    board = Board.objects.get(name=BOARD)
    selection_add(board=board, target=OrgUnit.objects.get(name=OVERSEES))
    reason = "demo data"
    meeting = board.meetings.filter(date__gte=today).order_by("date").first()
    if meeting is None:
        [meeting] = meetings_add(
            board=board, first=next_meeting_day(today), user=officer, reason=reason
        )
    meeting = meeting_update(
        meeting=meeting, day=meeting.date, month=QUARTER, user=officer, reason=reason
    )
    start_pack(meeting, "pdf", officer)
    return (
        f"Meeting: {BOARD}, {meeting.date:%d %B %Y}, reviewing {QUARTER.quarter_label}; "
        "its board pack (PDF) is being made in the background"
    )
