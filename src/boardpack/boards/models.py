"""Boards: who sits on them, what they oversee, when they meet, and the e-mails of each cycle."""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from boardpack.accounts.models import OrgUnit, Person
from boardpack.calc.workdays import bank_holidays
from boardpack.core.cycle import CycleDates, Mail, Offsets, cycle_dates
from boardpack.core.periods import Month
from boardpack.scorecard.models import Tag


class PackPart(models.TextChoices):
    """The parts of a board pack; a board sets their order."""

    BRIEFING = "briefing", "Chair's briefing"
    PERFORMANCE = "performance", "Quarterly performance report"
    PLANS = "plans", "Delivery-plan reports"


def default_pack_order() -> list[str]:
    """The performance report first (what the board reviews), then the chair's briefing, then
    the plans."""
    return [PackPart.PERFORMANCE, PackPart.BRIEFING, PackPart.PLANS]


class Board(models.Model):
    """A board, e.g. a delivery board reporting to an improvement board every six weeks."""

    name = models.CharField(max_length=200, unique=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The board this one reports to.",
    )
    chair = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="chaired_boards"
    )
    programme_manager = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="managed_boards"
    )
    members = models.ManyToManyField(Person, blank=True, related_name="boards")
    request_days = models.PositiveSmallIntegerField(
        default=Offsets.request, help_text="Days before the meeting the requests go out."
    )
    reminder_days = models.PositiveSmallIntegerField(
        default=Offsets.reminder, help_text="Days before the meeting the reminders go out."
    )
    due_days = models.PositiveSmallIntegerField(
        default=Offsets.due, help_text="Days before the meeting updates are due."
    )
    briefing_days = models.PositiveSmallIntegerField(
        default=Offsets.briefing, help_text="Days before the meeting the chair is briefed."
    )
    pack_order = models.JSONField(
        default=default_pack_order, help_text="The board pack's parts, in order."
    )
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def offsets(self) -> Offsets:
        return Offsets(
            request=self.request_days,
            reminder=self.reminder_days,
            due=self.due_days,
            briefing=self.briefing_days,
        )


class BoardSelection(models.Model):
    """Part of the scorecard a board oversees: the indicators of a plan tag, a director or a
    service. A board oversees every indicator any of its selections names."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="selections")
    tag = models.ForeignKey(Tag, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A directorate or a service.",
    )

    class Meta:
        ordering = ["board", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tag__isnull=True, unit__isnull=False)
                | Q(tag__isnull=False, unit__isnull=True),
                name="selection_tag_or_unit",
            ),
            models.UniqueConstraint(fields=["board", "tag"], name="selection_tag_once"),
            models.UniqueConstraint(fields=["board", "unit"], name="selection_unit_once"),
        ]

    def __str__(self) -> str:
        if self.tag_id is not None:
            return f"Plan {self.tag.code}"
        assert self.unit is not None
        return f"{self.unit.get_kind_display()} {self.unit.name}"


class Meeting(models.Model):
    """A board meeting; its date drives the update cycle, its period is the scorecard reviewed."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    period = models.DateField(help_text="The last day of the scorecard month it reviews.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["board", "date"]
        constraints = [
            models.UniqueConstraint(fields=["board", "date"], name="meeting_once_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.board.name}, {self.date:%d %B %Y}"

    @property
    def month(self) -> Month:
        return Month.of(self.period)

    @property
    def dates(self) -> CycleDates:
        """The cycle's days, each a working day of England and Wales (core.cycle says how)."""
        return cycle_dates(self.date, self.board.offsets, bank_holidays())


class Notice(StrEnum):
    """E-mails outside a meeting's cycle, sent through the same outbox."""

    CHASE = "chase"
    """A performance officer chases an owner for missing commentary."""
    SUBMITTED = "submitted"
    """A reviewer is told that commentary was submitted for approval."""


KIND_CHOICES = [(m.value, m.value.title()) for m in (*Mail, *Notice)]


class Delivery(models.Model):
    """One e-mail: built first (the outbox), then sent and marked.

    A cycle's e-mail belongs to its meeting: at most one per meeting, kind and recipient, so a
    second run sends nothing twice; a run that stopped part-way leaves the rest pending and the
    next run sends them. A notice (Notice) has no meeting: at most one per kind, recipient,
    topic and day, so a second press of the button the same day sends nothing twice.
    """

    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="deliveries"
    )
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    topic = models.CharField(
        max_length=100, blank=True, help_text="What a notice is about, e.g. commentary:12:2012-06."
    )
    day = models.DateField(null=True, blank=True, help_text="The day a notice is for.")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="deliveries")
    to = models.EmailField()
    subject = models.CharField(max_length=300)
    text = models.TextField()
    html = models.TextField()
    items = models.JSONField(default=list, help_text="What was asked or reported, with links.")
    created_at = models.DateTimeField()
    claimed_until = models.DateTimeField(
        null=True, blank=True, help_text="A run is sending it; others leave it until then."
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["meeting", "created_at", "pk"]
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "kind", "person"], name="delivery_once_per_person"
            ),
            models.UniqueConstraint(
                fields=["kind", "person", "topic", "day"],
                condition=Q(meeting__isnull=True),
                name="notice_once_a_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.to}: {self.subject}"
