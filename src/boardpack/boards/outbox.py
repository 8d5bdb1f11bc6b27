"""The cycle run: build the outbox, then send what is pending. Idempotent and restartable.

1. Build: for every meeting whose cycle is under way, each e-mail whose day has come is built
   for each recipient who has none yet, and stored as a pending Delivery. The database allows
   one per meeting, kind and recipient, so a second run (or two at once) builds nothing twice.
2. Send: each pending delivery is claimed (a conditional update, so two runs never take the
   same one), sent over SMTP and marked sent. A message the relay refuses is left pending
   with the error and retried by the next run (up to MAX_ATTEMPTS); if the relay cannot be
   reached the run stops and the next run resumes where it stopped. A run killed between
   sending and marking leaves its claim to expire (LEASE) and that one e-mail may go twice:
   SMTP gives no way to be sure, and once too often beats never.

Buttons use the same outbox: "Send update requests now" on a meeting page (requests_now) and a
notice outside any cycle (notice_create, then send_now: a chase for missing commentary; the
notice of submitted commentary, which the next run sends). Each is stored before it is sent,
under the same once-only constraint, so a second press sends nothing twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from smtplib import SMTPRecipientsRefused, SMTPResponseException
from typing import Any

from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from boardpack.accounts.models import Person
from boardpack.boards.briefing import briefing
from boardpack.boards.cycle import CycleState, cycle_state
from boardpack.boards.emails import (
    Message,
    briefing_email,
    reminder_email,
    request_email,
    send,
)
from boardpack.boards.models import Delivery, Meeting, Notice
from boardpack.boards.selectors import mailable, meetings_in_cycle
from boardpack.core.cycle import Mail, mails_open

LEASE = timedelta(minutes=10)
MAX_ATTEMPTS = 5
REFUSED = (SMTPResponseException, SMTPRecipientsRefused)
"""The relay refused this one message: the others may still go."""

Wanted = tuple[Person, Message, list[dict[str, object]]]
Existing = dict[tuple[str, int], Delivery]


@dataclass
class RunReport:
    built: list[Delivery] = field(default_factory=list)
    sent: list[Delivery] = field(default_factory=list)
    failed: list[tuple[Delivery, str]] = field(default_factory=list)
    stopped: str = ""
    """Why sending stopped before the end (the relay could not be reached)."""

    def lines(self) -> list[str]:
        found = [f"{len(self.built)} e-mails built, {len(self.sent)} sent"]
        found += [f"sent {d.kind} to {d.to}: {d.subject}" for d in self.sent]
        found += [f"NOT sent {d.kind} to {d.to}: {error}" for d, error in self.failed]
        if self.stopped:
            found.append(f"stopped: {self.stopped}; the next run resumes")
        return found


def _requests(meeting: Meeting, state: CycleState, existing: Existing) -> Iterator[Wanted]:
    for asked in state.people:
        person = asked.person
        if asked.outstanding and mailable(person) and (Mail.REQUEST, person.pk) not in existing:
            message = request_email(person=person, meeting=meeting, items=asked.outstanding)
            yield person, message, [item.record() for item in asked.outstanding]


def _reminders(meeting: Meeting, state: CycleState, existing: Existing) -> Iterator[Wanted]:
    """To those asked by a request sent before the reminder date who still have items out."""
    for asked in state.people:
        person = asked.person
        request = existing.get((Mail.REQUEST, person.pk))
        if request is None or request.sent_at is None or (Mail.REMINDER, person.pk) in existing:
            continue
        if timezone.localdate(request.sent_at) >= meeting.dates.reminder:
            continue
        if asked.outstanding and mailable(person):
            message = reminder_email(person=person, meeting=meeting, items=asked.outstanding)
            yield person, message, [item.record() for item in asked.outstanding]


def _briefings(
    meeting: Meeting, state: CycleState, existing: Existing, now: datetime
) -> Iterator[Wanted]:
    board = meeting.board
    people = {p.pk: p for p in (board.chair, board.programme_manager) if p is not None}
    chosen = [p for p in people.values() if mailable(p) and (Mail.BRIEFING, p.pk) not in existing]
    if not chosen:
        return
    found = briefing(meeting, as_of=timezone.localdate(now), state=state)
    missing = [{"person": p.person.name, **i.record()} for p in found.missing for i in p.items]
    for person in chosen:
        yield person, briefing_email(person=person, briefing=found), missing


def _wanted(
    mail: Mail, meeting: Meeting, state: CycleState, existing: Existing, now: datetime
) -> Iterator[Wanted]:
    if mail is Mail.REQUEST:
        return _requests(meeting, state, existing)
    if mail is Mail.REMINDER:
        return _reminders(meeting, state, existing)
    return _briefings(meeting, state, existing, now)


def _stored(wanted: Wanted, now: datetime, **fields: Any) -> Delivery | None:
    """The e-mail stored as pending; none when the database already holds it (one per meeting,
    kind and person; a notice one per kind, person, topic and day)."""
    person, message, items = wanted
    try:
        with transaction.atomic():
            return Delivery.objects.create(
                person=person,
                to=person.email,
                subject=message.subject,
                text=message.text,
                html=message.html,
                items=items,
                created_at=now,
                **fields,
            )
    except IntegrityError:
        return None  # another run (or another press of the button) built it first


def _create(meeting: Meeting, mail: Mail, wanted: Wanted, now: datetime) -> Delivery | None:
    return _stored(wanted, now, meeting=meeting, kind=mail.value)


def notice_create(kind: Notice, topic: str, wanted: Wanted, *, now: datetime) -> Delivery | None:
    """Store a notice (an e-mail outside a cycle) for today; none if one like it is stored."""
    return _stored(wanted, now, kind=kind.value, topic=topic, day=timezone.localdate(now))


def outbox_build(*, now: datetime) -> list[Delivery]:
    """Store every e-mail due by `now` that is not stored yet; returns those built."""
    today = timezone.localdate(now)
    built = []
    for meeting in meetings_in_cycle(today):
        mails = mails_open(meeting.dates, today)
        if not mails:
            continue
        existing = {(d.kind, d.person_id): d for d in meeting.deliveries.all()}
        state = cycle_state(meeting)
        for mail in mails:
            for wanted in _wanted(mail, meeting, state, existing, now):
                if delivery := _create(meeting, mail, wanted, now):
                    built.append(delivery)
    return built


def _free(now: datetime) -> Q:
    return Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)


def pending(now: datetime) -> QuerySet[Delivery]:
    """Deliveries not sent, not given up on, not claimed by a running run, meeting not held
    (a notice has no meeting: it is tried until it goes or is given up on)."""
    today = timezone.localdate(now)
    return (
        Delivery.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
        .filter(Q(meeting__date__gte=today) | Q(meeting__isnull=True))
        .filter(_free(now))
        .select_related("meeting__board")
        .order_by("pk")
    )


def _claim(delivery: Delivery, now: datetime) -> bool:
    claimed = (
        Delivery.objects.filter(pk=delivery.pk, sent_at__isnull=True)
        .filter(_free(now))
        .update(claimed_until=now + LEASE, attempts=F("attempts") + 1)
    )
    return claimed == 1


def _release(delivery: Delivery, error: BaseException | str) -> str:
    text = str(error) or type(error).__name__
    Delivery.objects.filter(pk=delivery.pk).update(claimed_until=None, last_error=text)
    return text


def _send_one(delivery: Delivery, connection: BaseEmailBackend, now: datetime) -> None:
    connection.open()
    message = Message(subject=delivery.subject, text=delivery.text, html=delivery.html)
    send(to=delivery.to, message=message, connection=connection)
    Delivery.objects.filter(pk=delivery.pk).update(sent_at=now, claimed_until=None, last_error="")


def _due(delivery: Delivery, today: date) -> bool:
    """A cycle's e-mail goes while its step is open; a notice at once."""
    return delivery.meeting is None or delivery.kind in mails_open(delivery.meeting.dates, today)


def outbox_send(*, now: datetime, report: RunReport) -> None:
    """Send the pending deliveries whose time has not passed, one by one, each marked sent."""
    today = timezone.localdate(now)
    _send([d for d in pending(now) if _due(d, today)], now=now, report=report)


def send_now(deliveries: Iterable[Delivery], *, now: datetime) -> RunReport:
    """Send these deliveries now, if still pending and not claimed by a run (a button's e-mails:
    requests sent early, a chase); what the relay refuses stays pending for the next run."""
    report = RunReport(built=list(deliveries))
    wanted = {d.pk for d in report.built}
    _send([d for d in pending(now) if d.pk in wanted], now=now, report=report)
    return report


def _send(deliveries: list[Delivery], *, now: datetime, report: RunReport) -> None:
    """Claim, send and mark each in turn over one SMTP connection."""
    connection = get_connection(fail_silently=False)
    try:
        for delivery in deliveries:
            if not _claim(delivery, now):
                continue
            try:
                _send_one(delivery, connection, now)
            except REFUSED as error:
                report.failed.append((delivery, _release(delivery, error)))
                connection.close()
            except OSError as error:
                report.failed.append((delivery, _release(delivery, error)))
                report.stopped = str(error) or type(error).__name__
                break
            except BaseException as error:
                _release(delivery, error)
                raise
            else:
                report.sent.append(delivery)
    finally:
        connection.close()


def requests_now(meeting: Meeting, *, now: datetime) -> RunReport:
    """The cycle's requests for this meeting, built and sent now rather than on the request
    date: to everyone with something outstanding who has no request yet. The outbox holds one
    request per meeting and person, so pressing twice, or the scheduled run on the request date,
    sends nobody a second one."""
    existing = {(d.kind, d.person_id): d for d in meeting.deliveries.all()}
    state = cycle_state(meeting)
    built = [
        delivery
        for wanted in _requests(meeting, state, existing)
        if (delivery := _create(meeting, Mail.REQUEST, wanted, now))
    ]
    return send_now(built, now=now)


def cycle_run(*, now: datetime | None = None) -> RunReport:
    """One run of the cycle, as the system scheduler calls it: build, then send."""
    now = now or timezone.now()
    report = RunReport(built=outbox_build(now=now))
    outbox_send(now=now, report=report)
    return report
