"""Writes to boards: the board, what it oversees, its cycle and its meetings.

Each write names who and why, runs in one transaction and leaves history (boards and meetings
have django-simple-history; a selection is a row added or removed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from boardpack.accounts.models import OrgUnit, Person
from boardpack.accounts.permissions import is_officer
from boardpack.boards.models import Board, BoardSelection, Meeting, PackPart
from boardpack.core.cycle import Offsets, RecurrenceError, recurrence, review_month
from boardpack.core.periods import Month
from boardpack.lib.audit import User, apply, audited
from boardpack.plans.models import Plan
from boardpack.scorecard.models import Tag


class BoardError(ValueError):
    """A write was refused; `problems` lists (field, message) pairs. Nothing was written."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(message for _, message in problems))
        self.problems = problems


@transaction.atomic
def board_save(
    *,
    name: str,
    parent: Board | None = None,
    chair: Person | None = None,
    programme_manager: Person | None = None,
    user: User,
    reason: str,
) -> Board:
    """Create the board called `name` or update it; history records who, when and why."""
    board = Board.objects.select_for_update().filter(name=name).first() or Board(name=name)
    wanted = {"parent": parent, "chair": chair, "programme_manager": programme_manager}
    if apply(board, wanted) or board.pk is None:
        audited(board, user, reason)
        board.save()
    return board


@dataclass(frozen=True)
class BoardSettings:
    """Everything the board page edits."""

    name: str
    parent: Board | None
    chair: Person | None
    programme_manager: Person | None
    members: list[Person]
    plans: list[Plan]
    offsets: Offsets
    pack_order: list[str]


def _problems(board: Board | None, wanted: BoardSettings) -> list[tuple[str, str]]:
    problems = list(wanted.offsets.problems())
    name = wanted.name.strip()
    if not name:
        problems.append(("name", "Enter the board's name"))
    elif Board.objects.filter(name__iexact=name).exclude(pk=getattr(board, "pk", None)).exists():
        problems.append(("name", f"There is already a board called {name}"))
    parent = wanted.parent
    seen: set[int] = set()
    while board is not None and parent is not None and parent.pk not in seen:
        if parent.pk == board.pk:
            problems.append(("parent", f"{wanted.parent} reports to this board: pick another"))
            break
        seen.add(parent.pk)
        parent = parent.parent
    if sorted(wanted.pack_order) != sorted(PackPart.values):
        problems.append(("pack_order", "Put each part of the pack in the order once"))
    return problems


def _officer_only_problems(
    board: Board | None, wanted: BoardSettings, user: User
) -> list[tuple[str, str]]:
    """Who holds a board's roles, and which plans it oversees, only officers change: a
    programme manager cannot hand their role on, nor take another board's plan."""
    if board is None or user is None or is_officer(user):
        return []
    problems = []
    for field, label in (("chair", "chair"), ("programme_manager", "programme manager")):
        if getattr(wanted, field) != getattr(board, field):
            problems.append((field, f"Only a performance officer can change the {label}"))
    overseen = set(board.plans.values_list("pk", flat=True))
    if any(plan.pk not in overseen for plan in wanted.plans):
        problems.append(("plans", "Only a performance officer can add a plan to a board"))
    return problems


@transaction.atomic
def board_settings_save(
    *, board: Board | None, wanted: BoardSettings, user: User, reason: str
) -> Board:
    """Create a board or change it: its people, plans, cycle offsets and pack order."""
    problems = _problems(board, wanted) + _officer_only_problems(board, wanted, user)
    if problems:
        raise BoardError(problems)
    board = board or Board()
    offsets = wanted.offsets
    fields = {
        "name": wanted.name.strip(),
        "parent": wanted.parent,
        "chair": wanted.chair,
        "programme_manager": wanted.programme_manager,
        "request_days": offsets.request,
        "reminder_days": offsets.reminder,
        "due_days": offsets.due,
        "briefing_days": offsets.briefing,
        "pack_order": list(wanted.pack_order),
    }
    if apply(board, fields) or board.pk is None:
        audited(board, user, reason)
        board.save()
    board.members.set(wanted.members)
    _oversee(board, wanted.plans, user, reason)
    return board


def _oversee(board: Board, plans: Iterable[Plan], user: User, reason: str) -> None:
    """Make these the plans the board oversees (a plan has one overseeing board)."""
    chosen = {plan.pk for plan in plans}
    changed = [p for p in Plan.objects.filter(board=board) if p.pk not in chosen]
    changed += list(Plan.objects.filter(pk__in=chosen).exclude(board=board))
    for plan in changed:
        plan_board_set(
            plan=plan, board=board if plan.pk in chosen else None, user=user, reason=reason
        )


@transaction.atomic
def plan_board_set(*, plan: Plan, board: Board | None, user: User, reason: str) -> Plan:
    """Make `board` the one overseeing `plan` (None: no board); the plan's history says who and
    why. Boards own this link: plans name their board but never write it."""
    if apply(plan, {"board": board}):
        audited(plan, user, reason)
        plan.save()
    return plan


@transaction.atomic
def selection_add(*, board: Board, target: Tag | OrgUnit) -> BoardSelection:
    """The board oversees the indicators of a plan tag, a director or a service."""
    field = "tag" if isinstance(target, Tag) else "unit"
    found, _ = BoardSelection.objects.get_or_create(board=board, **{field: target})
    return found


@transaction.atomic
def selection_remove(*, selection: BoardSelection) -> None:
    selection.delete()


def _meeting_problems(board: Board, days: list[date], meeting: Meeting | None) -> list[str]:
    taken = board.meetings.filter(date__in=days).exclude(pk=getattr(meeting, "pk", None))
    return [f"{board.name} already meets on {m.date:%d/%m/%Y}" for m in taken]


@transaction.atomic
def meetings_add(
    *,
    board: Board,
    first: date,
    every_weeks: int | None = None,
    count: int = 1,
    user: User,
    reason: str,
) -> list[Meeting]:
    """One meeting, or `count` meetings `every_weeks` weeks apart ("every 6 weeks from …").

    Each reviews the last quarter ended by its request date (core.cycle.review_month).
    """
    try:
        days = recurrence(first, every_weeks=every_weeks or 1, count=count if every_weeks else 1)
    except RecurrenceError as error:
        raise BoardError([("every_weeks", str(error))]) from None
    problems = _meeting_problems(board, days, None)
    if problems:
        raise BoardError([("first", problem) for problem in problems])
    made = []
    for day in days:
        meeting = Meeting(board=board, date=day, period=review_month(day, board.offsets).end)
        audited(meeting, user, reason)
        meeting.save()
        made.append(meeting)
    return made


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, day: date, month: Month, user: User, reason: str
) -> Meeting:
    """Move a meeting or change the scorecard period it reviews."""
    problems = _meeting_problems(meeting.board, [day], meeting)
    if meeting.deliveries.exists() and day != meeting.date:
        problems.append("Its cycle has begun (e-mails were sent): add a new meeting instead")
    if problems:
        raise BoardError([("date", problem) for problem in problems])
    meeting.date, meeting.period = day, month.end
    audited(meeting, user, reason)
    meeting.save()
    return meeting


@transaction.atomic
def meeting_delete(*, meeting: Meeting, user: User, reason: str) -> None:
    if meeting.deliveries.exists():
        raise BoardError([("date", "Its cycle has begun (e-mails were sent): it is kept")])
    audited(meeting, user, reason)
    meeting.delete()
