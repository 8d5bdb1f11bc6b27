"""Notices: e-mails outside a meeting's cycle, stored and sent through the cycle's outbox
(boards.outbox), so each is logged like the cycle's e-mails and never sent twice by accident.

- **Chase**: a performance officer presses "Chase" beside an exception without submitted
  commentary; its owner is sent a reminder at once. One chase per owner, indicator and period a
  day: a second press the same day (or two officers at once) sends nothing again.
- **Submitted**: when commentary is submitted for approval, every performance officer who can be
  e-mailed (but the one who submitted it) is told, with a link to its review. Built when the
  submission is committed (scorecard's commentary_submitted signal); the next cycle run sends it,
  so a relay that is down never holds up the person submitting.

Titles, statuses, periods and links only: never the commentary's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.utils import timezone

from boardpack.accounts.models import Person, Role
from boardpack.boards.cycle import COMMENTARY, Item, shorten
from boardpack.boards.emails import chase_email, submitted_email
from boardpack.boards.links import commentary_path, review_path
from boardpack.boards.models import Delivery, Notice
from boardpack.boards.outbox import notice_create, send_now
from boardpack.boards.selectors import mailable
from boardpack.core.periods import Month
from boardpack.scorecard.commentary.selectors import status_row
from boardpack.scorecard.models import Comment, CommentEvent, Indicator
from boardpack.scorecard.presenters import period_title


class ChaseError(ValueError):
    """The owner cannot be chased by e-mail; the message says why."""


@dataclass(frozen=True)
class Chased:
    delivery: Delivery
    again: bool
    """Already chased today: this is the earlier e-mail, not sent a second time."""

    @property
    def sent(self) -> bool:
        return self.delivery.sent_at is not None


def _label(indicator: Indicator) -> str:
    return f"{indicator.code}: {shorten(indicator.title)}"


def chase_commentary(indicator: Indicator, month: Month, *, now: datetime) -> Chased:
    """Send the indicator's owner a reminder now to write its commentary for the month."""
    owner = indicator.owner
    if owner is None:
        raise ChaseError(f"{indicator.code} has no owner to chase")
    if not mailable(owner):
        why = "their e-mails are switched off" if owner.email_opt_out else "no e-mail address"
        raise ChaseError(f"{owner.name} cannot be chased by e-mail: {why}")
    row = status_row(indicator, month)
    period = period_title(month)
    item = Item(
        kind=COMMENTARY,
        pk=indicator.pk,
        label=_label(indicator),
        detail=f"{row.symbol.text}, {period}",
        path=commentary_path(indicator.pk, month),
    )
    message = chase_email(person=owner, item=item, code=indicator.code, period=period)
    topic = f"commentary:{indicator.pk}:{month.key}"
    built = notice_create(Notice.CHASE, topic, (owner, message, [item.record()]), now=now)
    if built is None:
        earlier = Delivery.objects.get(
            meeting=None, kind=Notice.CHASE, person=owner, topic=topic, day=timezone.localdate(now)
        )
        return Chased(earlier, again=True)
    send_now([built], now=now)
    built.refresh_from_db()
    return Chased(built, again=False)


def reviewers(excluding: Person | None) -> list[Person]:
    """The performance officers who can be e-mailed, but `excluding`."""
    found = Person.objects.filter(role=Role.PERFORMANCE_OFFICER).order_by("name")
    return [p for p in found if mailable(p) and (excluding is None or p.pk != excluding.pk)]


def notify_reviewers(*, comment: Comment, event: CommentEvent, **_: Any) -> list[Delivery]:
    """Tell the reviewers that this commentary was submitted (the outbox's next run sends it)."""
    month = Month.of(comment.period)
    period = period_title(month)
    indicator = comment.indicator
    author = comment.author
    item = Item(
        kind=COMMENTARY,
        pk=comment.pk,
        label=_label(indicator),
        detail=f"{period}, by {author.name}",
        path=review_path(comment.pk),
    )
    submitter = getattr(event.by, "person", None) if event.by is not None else None
    built = []
    for person in reviewers(excluding=submitter):
        message = submitted_email(
            person=person, item=item, code=indicator.code, period=period, author=author.name
        )
        wanted = (person, message, [item.record()])
        topic = f"comment-event:{event.pk}"
        if delivery := notice_create(Notice.SUBMITTED, topic, wanted, now=timezone.now()):
            built.append(delivery)
    return built


def chase_said(indicator: Indicator, month: Month, *, now: datetime) -> tuple[int, str]:
    """Chase the owner now and say what happened: a message's level and text."""
    try:
        chased = chase_commentary(indicator, month, now=now)
    except ChaseError as error:
        return messages.WARNING, str(error)
    delivery = chased.delivery
    about = f"{indicator.code}, {period_title(month)}"
    if chased.again:
        at = timezone.localtime(delivery.created_at)
        return messages.INFO, (
            f"{delivery.person.name} was already chased for {about} today at {at:%H:%M}: "
            "not sent again."
        )
    if chased.sent:
        return messages.SUCCESS, f"{delivery.person.name} has been sent a reminder for {about}."
    return messages.WARNING, (
        f"The reminder to {delivery.person.name} for {about} could not be sent now "
        f"({delivery.last_error}); the next cycle run tries again."
    )
