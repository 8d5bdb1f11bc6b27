"""The chair's briefing: what came back, what is still missing (by person), BRAG changes since the
last meeting, indicators newly worse than target, and overdue actions.

Built once, read by the briefing e-mail, the meeting page and the board pack.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from boardpack.boards.cycle import CycleState, PersonItems, cycle_state
from boardpack.boards.models import Meeting
from boardpack.boards.selectors import board_actions, board_indicators, previous_meeting
from boardpack.core.periods import Month
from boardpack.core.status import Status
from boardpack.plans.models import Action, BragChange
from boardpack.plans.selectors import overdue_q
from boardpack.scorecard.selectors import StatusRow, status_rows

QUARTER = 3


@dataclass(frozen=True)
class Briefing:
    state: CycleState
    as_of: date
    since: date
    """BRAG changes are counted from this day: the last meeting, or this cycle's start."""
    compared_with: Month
    """An indicator is newly worse than target if it was not in this period."""
    brag_changes: list[BragChange]
    newly_red: list[StatusRow]
    overdue: list[Action]

    @property
    def meeting(self) -> Meeting:
        return self.state.meeting

    @property
    def updated(self) -> list[PersonItems]:
        """By person, what came back."""
        return [PersonItems(p.person, p.returned) for p in self.state.people if p.returned]

    @property
    def missing(self) -> list[PersonItems]:
        """By person, what is still outstanding."""
        return [PersonItems(p.person, p.outstanding) for p in self.state.people if p.outstanding]


def compared_month(meeting: Meeting, previous: Meeting | None) -> Month:
    """The previous meeting's period, or else the quarter before this meeting's."""
    if previous is not None and previous.month < meeting.month:
        return previous.month
    return meeting.month.shift(-QUARTER)


def _newly_red(meeting: Meeting, rows: list[StatusRow], compared: Month) -> list[StatusRow]:
    worse = [row for row in rows if row.status is Status.WORSE]
    if not worse:
        return []
    earlier = status_rows(compared, indicators=board_indicators(meeting.board))
    before = {row.indicator.pk for row in earlier if row.status is Status.WORSE}
    return [row for row in worse if row.indicator.pk not in before]


def briefing(meeting: Meeting, *, as_of: date, state: CycleState | None = None) -> Briefing:
    """The briefing as of a day: BRAG changes confirmed from `since` up to and including that
    day, actions overdue on it. `state` saves reading the cycle again when it is at hand."""
    state = state or cycle_state(meeting)
    previous = previous_meeting(meeting)
    since = previous.date if previous is not None else meeting.dates.start
    compared = compared_month(meeting, previous)
    changes = (
        BragChange.objects.filter(
            action__plan__board=meeting.board,
            confirmed=True,
            confirmed_at__date__gte=since,
            confirmed_at__date__lte=as_of,
        )
        .select_related("action", "action__plan")
        .order_by("confirmed_at", "pk")
    )
    overdue = (
        board_actions(meeting.board)
        .filter(overdue_q(as_of))
        .select_related("plan")
        .prefetch_related("responsible_people")
        .order_by("due_date", "plan__name", "order")
    )
    return Briefing(
        state=state,
        as_of=as_of,
        since=since,
        compared_with=compared,
        brag_changes=list(changes),
        newly_red=_newly_red(meeting, state.rows, compared),
        overdue=list(overdue),
    )
