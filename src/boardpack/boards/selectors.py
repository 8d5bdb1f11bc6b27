"""Reads of boards: the list, what a board oversees, its meetings, and who may manage it."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet

from boardpack.accounts.models import OrgUnit, Person
from boardpack.accounts.permissions import AnyUser, is_officer, person_of
from boardpack.boards.models import Board, BoardSelection, Delivery, Meeting
from boardpack.core.brag import Brag
from boardpack.core.cycle import MAX_OFFSET
from boardpack.core.periods import Month
from boardpack.plans.models import Action, Plan
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.selectors import indicators_for_scorecard

UNIT_FIELDS = {OrgUnit.Kind.DIRECTORATE: "directorate", OrgUnit.Kind.SERVICE: "service"}


def boards_list() -> QuerySet[Board]:
    """Every board with its people and how many plans and meetings it has (one query)."""
    return (
        Board.objects.select_related("parent", "chair", "programme_manager")
        .annotate(
            plan_count=Count("plans", distinct=True),
            meeting_count=Count("meetings", distinct=True),
        )
        .order_by("name")
    )


def may_manage(user: AnyUser, board: Board) -> bool:
    """Performance officers manage every board; a programme manager their own."""
    if is_officer(user):
        return True
    person = person_of(user)
    return person is not None and board.programme_manager_id == person.pk


def may_read_pack(user: AnyUser, board: Board) -> bool:
    """Those who manage the board, its chair and its members: the board pack is their papers."""
    if may_manage(user, board):
        return True
    person = person_of(user)
    if person is None:
        return False
    return board.chair_id == person.pk or board.members.filter(pk=person.pk).exists()


def board_selections(board: Board) -> list[BoardSelection]:
    return list(board.selections.select_related("tag", "unit"))


def selection_filter(selections: list[BoardSelection]) -> Q | None:
    """Indicators any selection names (a plan tag, a director or a service); None for none."""
    found = None
    for selection in selections:
        if selection.tag_id is not None:
            clause = Q(tags=selection.tag_id)
        else:
            assert selection.unit is not None
            clause = Q(**{UNIT_FIELDS[selection.unit.kind]: selection.unit_id})
        found = clause if found is None else found | clause
    return found


def board_indicators(board: Board) -> QuerySet[Indicator]:
    """The scorecard indicators a board oversees, with what the scorecard shows of them."""
    wanted = selection_filter(board_selections(board))
    if wanted is None:
        return Indicator.objects.none()
    ids = Indicator.objects.filter(wanted).values("pk")
    return indicators_for_scorecard().filter(pk__in=ids).order_by("code")


def board_plans(board: Board) -> QuerySet[Plan]:
    return Plan.objects.filter(board=board).order_by("name")


def board_actions(board: Board) -> QuerySet[Action]:
    """Every action of the plans a board oversees."""
    return Action.objects.filter(plan__board=board)


def open_actions(board: Board) -> QuerySet[Action]:
    """The actions leads are asked to update: not complete (Blue), not closed as duplicates."""
    return board_actions(board).exclude(brag=Brag.BLUE.value).filter(duplicate_of__isnull=True)


def board_meetings(board: Board) -> QuerySet[Meeting]:
    return board.meetings.order_by("date")


def meetings_list() -> QuerySet[Meeting]:
    return Meeting.objects.select_related(
        "board", "board__chair", "board__programme_manager"
    ).order_by("date", "board__name")


def previous_meeting(meeting: Meeting) -> Meeting | None:
    return board_meetings(meeting.board).filter(date__lt=meeting.date).last()


def meetings_in_cycle(today: date) -> list[Meeting]:
    """Meetings today or later whose cycle may have begun (the rest is decided by their dates)."""
    soon = meetings_list().filter(date__gte=today, date__lte=today + timedelta(days=MAX_OFFSET))
    return [m for m in soon if m.dates.request <= today]


def meeting_deliveries(meeting: Meeting) -> QuerySet[Delivery]:
    return meeting.deliveries.select_related("person").order_by("created_at", "pk")


def mailable(person: Person | None) -> bool:
    """Whether Boardpack may e-mail this person: they have an address and did not opt out."""
    return person is not None and bool(person.email) and not person.email_opt_out


def next_pack_month(today: date) -> Month | None:
    """The period the next meeting's pack reviews: the soonest meeting of any board, today or
    later (the scorecard's and the reports' default period, scorecard.default_period)."""
    meeting = Meeting.objects.filter(date__gte=today).order_by("date", "pk").first()
    return meeting.month if meeting else None
