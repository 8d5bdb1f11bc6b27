"""The update cycle's test world: a board, its plan and scorecard, its people, one meeting; and a
real SMTP server on loopback.

The world is built on 1 July 2012 (time-machine), so what the import writes is dated before the
cycle. The meeting is on Wednesday 15 August 2012 and reviews June 2012 (Quarter 1 2012/13):
requests 25 July, reminders 30 July, updates due 1 August, the chair briefed 8 August.
"""

from __future__ import annotations

import asyncio
import email
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from email.message import EmailMessage
from email.policy import default
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from aiosmtpd.controller import Controller

from boardpack.accounts.models import Person, Role
from boardpack.boards.models import Board, BoardSelection, Meeting
from boardpack.boards.services import meetings_add
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.plans.models import Action, Plan
from boardpack.scorecard.models import Tag
from tests.factories import BoardFactory, PersonFactory
from tests.plans.trackers import HEADER, TITLE, action, import_tracker

LONDON = ZoneInfo("Europe/London")
BASE_URL = "http://testserver"
MEETING_DAY = date(2012, 8, 15)
PLAN_NAME = "Corporate Parenting Strategy Delivery Plan"
OWNER = Role.INDICATOR_OWNER
LINK = re.compile(r"http://testserver(/\S+)")

INDICATORS = """code,title,director,service,owner,polarity,unit,frequency,tags
CP01,Child protection plans lasting two years or more,Children's Social Care,Safeguarding,\
Head of Safeguarding,smaller,%,quarterly,CYPP
CP02,Repeat child protection plans,Children's Social Care,Safeguarding,Head of Safeguarding,\
smaller,%,quarterly,CYPP
CL01,Care leavers in education employment or training,Children's Social Care,Leaving Care,\
Head of Leaving Care,bigger,%,quarterly,CYPP
SC01,Schools judged good,Education,Schools,Head of Schools,bigger,%,quarterly,CBP
"""
VALUES = """code,period,actual,target
CP01,2012-03,5,5
CP01,2012-06,9,5
CP02,2012-06,10,10
CL01,2012-03,70,50
CL01,2012-06,70,50
SC01,2012-06,40,80
"""
TRACKER = {
    "Delivery Plan": [
        [TITLE],
        HEADER,
        ["Objective 1 – Our Children and Young People have a voice"],
        action("1", activity="Identify champions", responsible="Improvement Partner",
               timescale="Nov-19", brag="Green"),
        action("7b", activity="Young people on interview panels",
               responsible="Strategic Lead for Participation", timescale="30/09/2012",
               brag="Amber"),
        action("9", activity="Review the leaving care offer",
               responsible="Strategic Lead for Participation", timescale="30/06/2012",
               brag="Red"),
        action("12", activity="Mentoring scheme", responsible="Strategic Lead for Participation",
               timescale="31/03/2012", brag="Blue"),
    ]
}  # fmt: skip


def at(day: date, hour: int = 8) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


def person(name: str, username: str, *, role: str = Role.VIEWER, mail: bool = True) -> Person:
    """A person of the cycle with a login, mailed at <username>@example.gov.uk unless not."""
    address = f"{username}@example.gov.uk" if mail else ""
    return PersonFactory(
        name=name, role=role, email=address, signs_in=True, user__username=username
    )


@dataclass
class World:
    board: Board
    meeting: Meeting
    plan: Plan
    people: dict[str, Person]

    def action(self, ref: str) -> Action:
        return Action.objects.get(plan=self.plan, ref=ref)


@dataclass
class Inbox:
    """What the SMTP server received; `refuse` holds the numbers (from 1) of messages to refuse
    once, with a permanent error."""

    messages: list[EmailMessage] = field(default_factory=list)
    refuse: set[int] = field(default_factory=set)
    seen: int = 0

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.seen += 1
        if self.seen in self.refuse:
            self.refuse.discard(self.seen)
            return "554 5.6.0 Refused once for the test"
        message = email.message_from_bytes(envelope.content, policy=default)  # type: ignore[attr-defined]
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)  # type: ignore[attr-defined]
        self.messages.append(message)  # type: ignore[arg-type]
        await asyncio.sleep(0)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    def subjects(self) -> list[str]:
        return sorted(subject(m) for m in self.messages)


def subject(message: EmailMessage) -> str:
    """The subject as a mail client shows it (Django folds an encoded subject onto a new line)."""
    return str(message["Subject"]).strip()


def text_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]


def html_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]


def links(message: EmailMessage) -> list[str]:
    """The paths the plain-text part links to, without their #fragments."""
    return [path.split("#")[0] for path in LINK.findall(text_of(message))]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build_world() -> World:
    """The board, its plan and scorecard, its people and its meeting (see the module)."""
    with time_machine.travel(at(date(2012, 7, 1)), tick=False):
        people = {
            "safeguarding": person("Head of Safeguarding", "safeguarding", role=OWNER),
            "leaving": person("Head of Leaving Care", "leaving", role=OWNER),
            "schools": person("Head of Schools", "schools", role=OWNER),
            "lead": person("Strategic Lead for Participation", "lead"),
            "partner": person("Improvement Partner", "partner"),
            "chair": person("Acting Director", "chair"),
            "pm": person("Project Manager", "pm"),
            "member": person("Board Member", "member"),
        }
        run_import("indicators", Source.file("i.csv", INDICATORS.encode()), user=None)
        run_import("values", Source.file("v.csv", VALUES.encode()), user=None)
        import_tracker(TRACKER, plan=PLAN_NAME)
        board = BoardFactory(
            name="Corporate Parenting Board", chair=people["chair"], programme_manager=people["pm"]
        )
        board.members.set([people["member"], people["chair"]])
        BoardSelection.objects.create(board=board, tag=Tag.objects.get(code="CYPP"))
        plan = Plan.objects.get(name=PLAN_NAME)
        plan.board = board
        plan.save()
        (meeting,) = meetings_add(board=board, first=MEETING_DAY, user=None, reason="test")
    return World(board=board, meeting=meeting, plan=plan, people=people)


@contextmanager
def smtp_server(settings: Any) -> Iterator[Inbox]:
    """A real SMTP server on loopback, and Django's SMTP backend pointed at it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "boardpack@example.gov.uk"
    try:
        yield inbox
    finally:
        controller.stop()
