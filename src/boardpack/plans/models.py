"""Delivery plans: objectives, actions, their dated progress log and BRAG changes.

Every imported cell keeps its text as written (`Action.source_cells`); the derived fields (a due
date, a BRAG status, dated progress entries) sit beside it, never in place of it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from boardpack.accounts.models import OrgUnit, Person
from boardpack.core.brag import BRAG_STYLES, Brag
from boardpack.plans.columns import REF_LENGTH
from boardpack.scorecard.models import Indicator

BRAG_CHOICES = [(status.value, BRAG_STYLES[status].label) for status in Brag]


class Plan(models.Model):
    name = models.CharField(max_length=300, unique=True)
    slug = models.SlugField(max_length=300, unique=True)
    period = models.CharField(max_length=200, blank=True, help_text="As written.")
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    board = models.ForeignKey(
        "boards.Board", null=True, blank=True, on_delete=models.SET_NULL, related_name="plans"
    )
    owner = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="owned_plans"
    )
    source_file = models.CharField(max_length=300, blank=True)
    layout = models.JSONField(
        default=dict,
        blank=True,
        help_text="The imported tracker's sheets: names, title rows and header rows as written.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Objective(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveIntegerField()
    title = models.TextField()
    aim = models.TextField(blank=True)
    how_achieve = models.TextField(blank=True, help_text="How will we achieve this.")
    order = models.PositiveIntegerField(default=0)
    source_cells = models.JSONField(
        default=dict,
        blank=True,
        help_text="Per sheet, the objective, aim and how rows as written.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="objective_number_per_plan")
        ]

    def __str__(self) -> str:
        return f"Objective {self.number} – {self.title}"


class Action(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    objective = models.ForeignKey(
        Objective, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    order = models.PositiveIntegerField(default=0)
    sheet = models.CharField(max_length=100, blank=True, help_text="The sheet it was read from.")
    source_row = models.PositiveIntegerField(null=True, blank=True)
    ref = models.CharField(max_length=REF_LENGTH, blank=True, help_text="As written: 7b, 5a-c.")
    parent_refs = models.TextField(blank=True, help_text="Refs into the parent plan, as written.")
    activity = models.TextField(blank=True)
    evidence = models.TextField(blank=True)
    metric = models.TextField(blank=True)
    metric_indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    current_text = models.TextField(blank=True, help_text="Current data and date, as written.")
    target_text = models.TextField(blank=True, help_text="Target data and date, as written.")
    responsible = models.TextField(blank=True, help_text="As written.")
    responsible_people = models.ManyToManyField(Person, blank=True, related_name="actions")
    responsible_units = models.ManyToManyField(OrgUnit, blank=True, related_name="actions")
    timescale_text = models.TextField(blank=True, help_text="As written.")
    due_date = models.DateField(null=True, blank=True)
    ongoing = models.BooleanField(default=False)
    flags = models.JSONField(
        default=list, blank=True, help_text="Why a person must look: 'Column: reason'."
    )
    brag = models.CharField(max_length=10, choices=BRAG_CHOICES, blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    source_cells = models.JSONField(
        default=dict, blank=True, help_text="Every source cell's text, keyed by its header."
    )
    history = HistoricalRecords()
    """The links to people and services are not in the history: they follow `responsible`."""

    class Meta:
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return f"{self.ref or '(no ref)'}: {self.activity[:60]}"


class ProgressEntry(models.Model):
    class Source(models.TextChoices):
        IMPORT = "import", "Import file"
        FORM = "form", "Form"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress_entries")
    date = models.DateField(null=True, blank=True)
    author = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)
    raw = models.TextField(help_text="The entry exactly as written.")
    marker = models.CharField(max_length=200, blank=True, help_text="The date as written.")
    month_only = models.BooleanField(default=False)
    flags = models.JSONField(default=list, blank=True)
    order = models.PositiveIntegerField(default=0)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.IMPORT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["action", "order", "id"]
        verbose_name_plural = "progress entries"

    def __str__(self) -> str:
        return self.raw[:80]


class BragChange(models.Model):
    """A BRAG status proposed (with a reason) and, once confirmed, the action's status.

    Rows are only ever added and confirmed, never edited otherwise: the action's BRAG is the
    latest confirmed row's.
    """

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="brag_changes")
    brag = models.CharField(max_length=10, choices=BRAG_CHOICES, blank=True)
    previous = models.CharField(max_length=10, choices=BRAG_CHOICES, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    reason = models.TextField()
    confirmed = models.BooleanField(default=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["action", "at", "id"]

    def __str__(self) -> str:
        return f"{self.previous or '–'} → {self.brag or '–'}: {self.reason[:60]}"


class TimescaleResolution(models.Model):
    """A person's reading of a flagged timescale: the due date and "ongoing" set by hand.

    The text as written stays on the action; this row says who read it, when, as what and why.
    It holds while the action's timescale text is the one resolved (a re-import of the same
    text keeps it; a changed text is read, and flagged, afresh).
    """

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="timescale_resolutions"
    )
    timescale_text = models.TextField(help_text="The timescale as written when it was resolved.")
    due_date = models.DateField(null=True, blank=True)
    ongoing = models.BooleanField(default=False)
    flags = models.JSONField(default=list, blank=True, help_text="The flags it resolved.")
    note = models.TextField(blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["action", "at", "id"]

    def __str__(self) -> str:
        due = f"{self.due_date:%d/%m/%Y}" if self.due_date else "no due date"
        return f"{self.timescale_text!r} read as {due}{' (ongoing)' if self.ongoing else ''}"
