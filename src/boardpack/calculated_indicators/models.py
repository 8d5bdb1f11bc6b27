"""Calculated indicators: which measure of the calc engine feeds an indicator, and every
calculation written to the scorecard with its provenance.

Nothing child-level is stored here: a calculation keeps the input files' hashes, the period,
the engine version, who ran it and when; each value its measure, numerator and denominator.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.scorecard.models import VALUE_DIGITS, Indicator


class MeasureLink(models.Model):
    """An indicator whose actuals are calculated from one measure (``placements_3plus``).

    The measure id is checked against the engine's registry by the service, not by choices, so
    that a new measure needs no migration.
    """

    indicator = models.OneToOneField(
        Indicator, on_delete=models.CASCADE, related_name="measure_link"
    )
    measure_id = models.CharField(max_length=60)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__code"]

    def __str__(self) -> str:
        return f"{self.indicator.code} ← {self.measure_id}"


class Calculation(models.Model):
    """One ``boardpack calc run --write``: the period, the inputs by hash, the engine, the run."""

    at = models.DateTimeField()
    period_start = models.DateField()
    period_end = models.DateField(help_text="The last day of the period's last month.")
    engine_version = models.CharField(max_length=100)
    inputs = models.JSONField(help_text="Each input file's label and its SHA-256.")
    command = models.CharField(max_length=1000)
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"calculation {self.pk} to {self.period_end:%Y-%m}"


class CalculatedValue(models.Model):
    """A measure's value recorded as an indicator's actual for a month, with its fraction."""

    calculation = models.ForeignKey(Calculation, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="calculated_values"
    )
    month = models.DateField(help_text="The last day of the month, as the actual's period.")
    measure_id = models.CharField(max_length=60)
    numerator = models.BigIntegerField()
    denominator = models.BigIntegerField(null=True, blank=True, help_text="None for a count.")
    value = models.DecimalField(**VALUE_DIGITS)

    class Meta:
        ordering = ["indicator", "month", "calculation"]
        indexes = [models.Index(fields=["indicator", "month"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.month:%Y-%m}: {self.measure_id} = {self.value}"
