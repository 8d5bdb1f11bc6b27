"""The meeting page: the cycle live. Who was asked and when, what came back, what is outstanding,
the briefing as it stands and every e-mail sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from boardpack.accounts.models import Person
from boardpack.boards.briefing import briefing
from boardpack.boards.cycle import Item, cycle_state
from boardpack.boards.models import Delivery, Meeting
from boardpack.boards.outbox import MAX_ATTEMPTS, RunReport
from boardpack.boards.presenters import (
    BriefingPart,
    Step,
    briefing_summary,
    change_parts,
    cycle_steps,
    pack_order_text,
    phase_text,
)
from boardpack.boards.selectors import mailable, meeting_deliveries
from boardpack.core.cycle import Mail
from boardpack.scorecard.presenters import period_title

NO_ADDRESS = "No e-mail address"
OPTED_OUT = "E-mail switched off"


@dataclass(frozen=True)
class PersonRow:
    person: Person
    email: str
    asked_at: datetime | None
    reminded_at: datetime | None
    items: list[Item]

    @property
    def returned(self) -> int:
        return sum(1 for item in self.items if item.returned)


@dataclass(frozen=True)
class DeliveryLine:
    delivery: Delivery
    state: str


@dataclass(frozen=True)
class MeetingPage:
    meeting: Meeting
    period: str
    phase: str
    steps: list[tuple[Step, bool]]
    """Each step of the cycle and whether its day has come."""
    people: list[PersonRow]
    asked: int
    returned: int
    summary: str
    briefing: list[BriefingPart]
    deliveries: list[DeliveryLine]
    pack_order: str
    unasked: int
    """People with something outstanding whom no request has been built for yet (and who can
    be e-mailed): what "Send update requests now" would send."""
    held: bool
    early: bool
    """The request date has not come: sending now is ahead of the cycle."""

    @property
    def outstanding(self) -> int:
        return self.asked - self.returned


def _email(person: Person) -> str:
    if person.email_opt_out:
        return OPTED_OUT
    return person.email or NO_ADDRESS


def _state(delivery: Delivery) -> str:
    if delivery.sent_at is not None:
        return "Sent"
    if delivery.attempts >= MAX_ATTEMPTS:
        return f"Given up after {delivery.attempts} tries: {delivery.last_error}"
    if delivery.last_error:
        return f"Not sent yet ({delivery.last_error}); the next run tries again"
    return "Waiting to be sent"


def meeting_page(meeting: Meeting, *, today: date) -> MeetingPage:
    state = cycle_state(meeting)
    deliveries = list(meeting_deliveries(meeting))
    sent = {(d.kind, d.person_id): d.sent_at for d in deliveries if d.sent_at}
    people = [
        PersonRow(
            person=asked.person,
            email=_email(asked.person),
            asked_at=sent.get((Mail.REQUEST, asked.person.pk)),
            reminded_at=sent.get((Mail.REMINDER, asked.person.pk)),
            items=asked.items,
        )
        for asked in state.people
    ]
    requested = {d.person_id for d in deliveries if d.kind == Mail.REQUEST}
    unasked = [
        p
        for p in state.people
        if p.outstanding and mailable(p.person) and p.person.pk not in requested
    ]
    found = briefing(meeting, as_of=min(today, meeting.date), state=state)
    dates = meeting.dates
    return MeetingPage(
        meeting=meeting,
        period=period_title(meeting.month),
        phase=phase_text(dates, today),
        steps=[(step, step.day <= today) for step in cycle_steps(dates)],
        people=people,
        asked=state.asked,
        returned=state.returned,
        summary=briefing_summary(found),
        briefing=change_parts(found),
        deliveries=[DeliveryLine(d, _state(d)) for d in deliveries],
        pack_order=pack_order_text(meeting.board.pack_order),
        unasked=len(unasked),
        held=meeting.date < today,
        early=today < dates.request,
    )


def requests_message(report: RunReport) -> str:
    """What "Send update requests now" did."""
    if not report.built:
        return "Everyone with something outstanding already has their request: none sent again."
    sent = len(report.sent)
    text = f"{sent} update request{'s' if sent != 1 else ''} sent now"
    if report.failed:
        text += f"; {len(report.failed)} not sent yet (the next cycle run retries them)"
    return text + "."
