"""What a meeting's cycle asks of whom, and what has come back, read live from plans and scorecard.

Two kinds of item:
- an open action (not Blue, not a duplicate) of a plan the board oversees, asked of each of its
  leads; it has come back when a progress entry was added on or after the request date;
- an indicator the board oversees whose status for the meeting's period is an exception (worse
  or better than target), asked of its owner; it has come back when commentary for the period
  has been submitted or approved (what remains is the performance officer's review).

Fixed number of queries however many actions, indicators and people.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time

from django.db.models import Max, Q
from django.utils import timezone

from boardpack.accounts.models import Person
from boardpack.boards.links import absolute, action_path, commentary_path
from boardpack.boards.models import Meeting
from boardpack.boards.selectors import board_indicators, open_actions
from boardpack.plans.models import Action
from boardpack.scorecard.models import Comment, CommentState
from boardpack.scorecard.presenters import period_title
from boardpack.scorecard.selectors import StatusRow, status_rows

ACTION = "action"
COMMENTARY = "commentary"
LABEL_LENGTH = 100


@dataclass(frozen=True)
class Item:
    """One thing asked of one person, with where it is done and when it came back."""

    kind: str
    pk: int
    label: str
    detail: str
    path: str
    returned_at: datetime | None = None

    @property
    def returned(self) -> bool:
        return self.returned_at is not None

    def record(self) -> dict[str, object]:
        """What a delivery keeps of it: enough to say later exactly what was asked."""
        return {
            "kind": self.kind,
            "id": self.pk,
            "label": self.label,
            "detail": self.detail,
            "url": absolute(self.path),
        }


@dataclass
class PersonItems:
    person: Person
    items: list[Item] = field(default_factory=list)

    @property
    def outstanding(self) -> list[Item]:
        return [item for item in self.items if not item.returned]

    @property
    def returned(self) -> list[Item]:
        return [item for item in self.items if item.returned]


@dataclass(frozen=True)
class CycleState:
    meeting: Meeting
    rows: list[StatusRow]
    """The board's indicators for the meeting's period."""
    people: list[PersonItems]
    """Everyone asked for something, by name."""

    @property
    def asked(self) -> int:
        return sum(len(p.items) for p in self.people)

    @property
    def returned(self) -> int:
        return sum(len(p.returned) for p in self.people)

    def of(self, person: Person) -> PersonItems | None:
        return next((p for p in self.people if p.person.pk == person.pk), None)


def cycle_start(meeting: Meeting) -> datetime:
    """Updates count from the start of the request date, in the site's time zone."""
    return timezone.make_aware(datetime.combine(meeting.dates.start, time.min))


def shorten(text: str, length: int = LABEL_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def action_label(action: Action) -> str:
    return f"{action.plan.name}, action {action.ref or '(no ref)'}: {shorten(action.activity)}"


def _action_detail(action: Action) -> str:
    status = action.get_brag_display() or "No BRAG status"  # type: ignore[attr-defined]
    if action.due_date:
        return f"{status}, due {action.due_date:%d/%m/%Y}"
    return f"{status}, timescale {shorten(action.timescale_text, 40) or 'not set'}"


def _action_items(meeting: Meeting) -> list[tuple[Person, Item]]:
    since = Q(progress_entries__created_at__gte=cycle_start(meeting))
    actions = (
        open_actions(meeting.board)
        .select_related("plan")
        .prefetch_related("responsible_people")
        .annotate(updated_at=Max("progress_entries__created_at", filter=since))
        .order_by("plan__name", "order", "pk")
    )
    found = []
    for action in actions:
        item = Item(
            kind=ACTION,
            pk=action.pk,
            label=action_label(action),
            detail=_action_detail(action),
            path=action_path(action.plan.slug, action.pk),
            returned_at=action.updated_at,  # type: ignore[attr-defined]
        )
        found += [(person, item) for person in action.responsible_people.all()]
    return found


def _commentary_items(meeting: Meeting, rows: list[StatusRow]) -> list[tuple[Person, Item]]:
    due = [row for row in rows if row.commentary_due and row.indicator.owner is not None]
    written = (
        Comment.objects.filter(
            indicator__in=[row.indicator for row in due],
            period=meeting.month.end,
            state__in=[CommentState.SUBMITTED, CommentState.APPROVED],
        )
        .values("indicator_id")
        .annotate(at=Max("set_at"))
    )
    returned = {entry["indicator_id"]: entry["at"] for entry in written}
    found = []
    for row in due:
        indicator = row.indicator
        item = Item(
            kind=COMMENTARY,
            pk=indicator.pk,
            label=f"{indicator.code}: {shorten(indicator.title)}",
            detail=f"{row.symbol.text}, {period_title(meeting.month)}",
            path=commentary_path(indicator.pk, meeting.month),
            returned_at=returned.get(indicator.pk),
        )
        found.append((indicator.owner, item))
    return found


def cycle_state(meeting: Meeting) -> CycleState:
    """Who is asked for what in this meeting's cycle, and what has come back, as of now."""
    rows = status_rows(meeting.month, indicators=board_indicators(meeting.board))
    by_person: dict[int, PersonItems] = {}
    for person, item in [*_action_items(meeting), *_commentary_items(meeting, rows)]:
        by_person.setdefault(person.pk, PersonItems(person)).items.append(item)
    people = sorted(by_person.values(), key=lambda p: p.person.name)
    return CycleState(meeting=meeting, rows=rows, people=people)
