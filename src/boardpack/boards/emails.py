"""The cycle's e-mails: one function per e-mail, each rendered from its subject, text and HTML
templates (templates/boards/email/), and one way to send them over SMTP.

Every e-mail has a plain-text part; the HTML part says the same. The SMTP relay is Django's
(EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS; the sender is
DEFAULT_FROM_EMAIL).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string

from boardpack.accounts.models import Person
from boardpack.boards.briefing import Briefing
from boardpack.boards.cycle import Item
from boardpack.boards.links import absolute, meeting_path
from boardpack.boards.models import Meeting
from boardpack.boards.presenters import briefing_parts, briefing_summary, item_groups
from boardpack.scorecard.presenters import period_title

LEAD_REASON = "an action lead or indicator owner for this board"
CHAIR_REASON = "the chair or programme manager of this board"
OWNER_REASON = "the owner of this indicator"
REVIEWER_REASON = "a performance officer who reviews commentary"


@dataclass(frozen=True)
class Message:
    subject: str
    text: str
    html: str


def _render(name: str, context: dict[str, Any]) -> Message:
    subject = " ".join(render_to_string(f"boards/email/{name}_subject.txt", context).split())
    context = {**context, "subject": subject}
    return Message(
        subject=subject,
        text=render_to_string(f"boards/email/{name}.txt", context).strip() + "\n",
        html=render_to_string(f"boards/email/{name}.html", context),
    )


def _context(person: Person, meeting: Meeting, reason: str) -> dict[str, Any]:
    return {
        "authority": settings.BOARDPACK_AUTHORITY_NAME,
        "person": person,
        "board": meeting.board,
        "meeting": meeting,
        "dates": meeting.dates,
        "period": period_title(meeting.month),
        "meeting_url": absolute(meeting_path(meeting.pk)),
        "reason": reason,
    }


def request_email(*, person: Person, meeting: Meeting, items: list[Item]) -> Message:
    """Sent at the request date: everything asked of this person, each with its link."""
    context = _context(person, meeting, LEAD_REASON)
    return _render("request", {**context, "items": items, "groups": item_groups(items)})


def reminder_email(*, person: Person, meeting: Meeting, items: list[Item]) -> Message:
    """Sent before updates are due: what this person still has outstanding."""
    context = _context(person, meeting, LEAD_REASON)
    return _render("reminder", {**context, "items": items, "groups": item_groups(items)})


def briefing_email(*, person: Person, briefing: Briefing) -> Message:
    """Sent at the briefing date to the chair and the programme manager."""
    context = _context(person, briefing.meeting, CHAIR_REASON)
    return _render(
        "briefing",
        {
            **context,
            "state": briefing.state,
            "summary": briefing_summary(briefing),
            "parts": briefing_parts(briefing),
        },
    )


def _notice(name: str, *, person: Person, item: Item, verb: str, **context: Any) -> Message:
    """A notice (an e-mail outside a cycle) about one item, with its link."""
    return _render(
        name,
        {
            "authority": settings.BOARDPACK_AUTHORITY_NAME,
            "person": person,
            "item": item.record(),
            "verb": verb,
            **context,
        },
    )


def chase_email(*, person: Person, item: Item, code: str, period: str) -> Message:
    """A performance officer chases the owner for commentary on an exception."""
    return _notice(
        "chase",
        person=person,
        item=item,
        verb="Write the commentary",
        code=code,
        period=period,
        reason=OWNER_REASON,
    )


def submitted_email(*, person: Person, item: Item, code: str, period: str, author: str) -> Message:
    """A reviewer is told that commentary was submitted for approval."""
    return _notice(
        "submitted",
        person=person,
        item=item,
        verb="Review it",
        code=code,
        period=period,
        author=author,
        reason=REVIEWER_REASON,
    )


def send(*, to: str, message: Message, connection: BaseEmailBackend) -> None:
    """Send one e-mail through the open SMTP connection; raises what the relay answers."""
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        connection=connection,
    )
    email.attach_alternative(message.html, "text/html")
    email.send(fail_silently=False)
