"""Indicators, their targets and actuals per month, and commentary."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.accounts.models import OrgUnit, Person
from boardpack.core.periods import Month
from boardpack.core.spc import MIN_POINTS
from boardpack.core.status import Polarity, Tolerance
from boardpack.core.units import Unit

VALUE_DIGITS = {"max_digits": 20, "decimal_places": 6}


class Tag(models.Model):
    """A plan an indicator belongs to, e.g. CBP (Council Business Plan), CYPP."""

    code = models.CharField(max_length=30, unique=True)
    name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class Indicator(models.Model):
    class Kind(models.TextChoices):
        MEASURE = "measure", "Measure"
        MILESTONE = "milestone", "Milestone"

    class PolarityChoice(models.TextChoices):
        BIGGER = Polarity.BIGGER.value, "Bigger is better"
        SMALLER = Polarity.SMALLER.value, "Smaller is better"
        NONE = Polarity.NONE.value, "None (context only)"

    class UnitChoice(models.TextChoices):
        PERCENT = Unit.PERCENT.value, "%"
        NUMBER = Unit.NUMBER.value, "Number"
        RATE_PER_10K = Unit.RATE_PER_10K.value, "Rate per 10,000 population under 18"
        RATIO = Unit.RATIO.value, "Ratio"
        DAYS = Unit.DAYS.value, "Days"
        NONE = Unit.NONE.value, "None"

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        ANNUAL = "annual", "Annual"

    class DataSource(models.TextChoices):
        ENTERED = "entered", "Entered"
        IMPORTED = "imported", "Imported"
        CALCULATED = "calculated", "Calculated"

    code = models.CharField(max_length=30, unique=True)
    title = models.CharField(max_length=500)
    definition = models.TextField(blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MEASURE)
    directorate = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="indicators")
    service = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="service_indicators"
    )
    owner = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="indicators"
    )
    polarity = models.CharField(max_length=10, choices=PolarityChoice.choices)
    unit = models.CharField(max_length=20, choices=UnitChoice.choices, blank=True)
    decimals = models.PositiveSmallIntegerField(default=2)
    frequency = models.CharField(max_length=20, choices=Frequency.choices, default="monthly")
    cumulative = models.BooleanField(default=False)
    worse_tolerance = models.DecimalField(max_digits=12, decimal_places=4, default=Decimal(0))
    worse_tolerance_relative = models.BooleanField(default=False)
    better_tolerance = models.DecimalField(max_digits=12, decimal_places=4, default=Decimal(0))
    better_tolerance_relative = models.BooleanField(default=False)
    tags = models.ManyToManyField(Tag, blank=True, related_name="indicators")
    data_source = models.CharField(
        max_length=20, choices=DataSource.choices, default=DataSource.ENTERED
    )
    due_date = models.DateField(null=True, blank=True, help_text="Milestones only.")
    completed_date = models.DateField(null=True, blank=True, help_text="Milestones only.")
    spc_baseline = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(MIN_POINTS)],
        help_text="SPC limits from the first N actuals, fixed; blank for every actual.",
    )
    history = HistoricalRecords(m2m_fields=[tags])

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.title}"

    @property
    def polarity_rule(self) -> Polarity:
        return Polarity(self.polarity)

    @property
    def unit_rule(self) -> Unit:
        return Unit(self.unit)

    @property
    def worse_band(self) -> Tolerance:
        return Tolerance(self.worse_tolerance, self.worse_tolerance_relative)

    @property
    def better_band(self) -> Tolerance:
        return Tolerance(self.better_tolerance, self.better_tolerance_relative)


class Source(models.TextChoices):
    FORM = "form", "Form"
    IMPORT = "import", "Import file"
    CALCULATION = "calculation", "Calculation"
    API = "api", "API"


class PeriodValue(models.Model):
    """A number for one indicator and month, with who set it, when and from what."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE)
    period = models.DateField(help_text="The last day of the month.")
    value = models.DecimalField(**VALUE_DIGITS)
    source = models.CharField(max_length=20, choices=Source.choices)
    source_ref = models.CharField(max_length=300, blank=True, help_text="e.g. the file name.")
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_at = models.DateTimeField()

    class Meta:
        abstract = True
        ordering = ["indicator", "period"]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period:%Y-%m}: {self.value}"

    @property
    def month(self) -> Month:
        return Month.of(self.period)


class Target(PeriodValue):
    history = HistoricalRecords()

    class Meta(PeriodValue.Meta):
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="target_one_per_month")
        ]


class Actual(PeriodValue):
    provisional = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta(PeriodValue.Meta):
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="actual_one_per_month")
        ]


class Delegation(models.Model):
    """An owner lets a named colleague write the commentary of one of their indicators."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="delegations")
    delegate = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="delegations")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "delegate"], name="delegation_once")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} → {self.delegate}"


class CommentState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned"
    APPROVED = "approved", "Approved"


class Comment(models.Model):
    """Commentary on an indicator for a month.

    `state` is the state of the latest CommentEvent; the services write both together.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="comments")
    period = models.DateField(help_text="The last day of the month.")
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="comments")
    subject = models.CharField(max_length=200)
    text = models.TextField()
    state = models.CharField(
        max_length=20, choices=CommentState.choices, default=CommentState.DRAFT
    )
    source = models.CharField(max_length=20, choices=Source.choices)
    source_ref = models.CharField(max_length=300, blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period", "set_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "author", "subject"], name="comment_one_per_subject"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period:%Y-%m}: {self.subject}"


class CommentEvent(models.Model):
    """One step of a comment's workflow: who moved it to which state, when, and why."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="events")
    state = models.CharField(max_length=20, choices=CommentState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["comment", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.comment} → {self.state}"


class DataVersion(models.Model):
    """One row whose token the database replaces, by triggers (migration 0003), in every
    statement that writes to a table the scorecard page reads. The page's cache is keyed by it.
    """

    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.token


class SeriesVersion(models.Model):
    """A number the database's own triggers (migration 0005) raise in every statement that
    writes an indicator's actuals or targets; a StoredSpcSummary is good while it matches.

    No foreign-key constraint: deleting an indicator deletes its actuals first, whose trigger
    may write this row again; an orphan row is harmless (ids are not reused).
    """

    indicator = models.OneToOneField(
        Indicator,
        primary_key=True,
        on_delete=models.CASCADE,
        db_constraint=False,
        related_name="series_version",
    )
    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.version}"


class StoredSpcSummary(models.Model):
    """An indicator's SPC icons for its series up to a month, kept so that a page of
    indicators reads them instead of every series (scorecard/spc/selectors.py). Good while the
    series version and the indicator's polarity, cumulation and baseline are those it was
    worked out with; derived, never typed in, and not watched by the page cache's triggers."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    period = models.DateField(help_text="The last day of the month the series runs up to.")
    version = models.BigIntegerField()
    polarity = models.CharField(max_length=10)
    cumulative = models.BooleanField()
    baseline = models.PositiveSmallIntegerField(null=True)
    points = models.PositiveIntegerField()
    variation = models.CharField(max_length=20)
    assurance = models.CharField(max_length=20)
    reason = models.CharField(max_length=100, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"], name="spc_summary_one_per_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period:%Y-%m}: {self.variation}"
