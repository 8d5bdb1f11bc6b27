"""A record of every report made on the web or at the command line (background jobs are their
own record, jobs.Job): who made which report, in what format, when and through what. Rows are
only ever added; the audit log reads them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ReportMade(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    through = models.CharField(max_length=200, help_text="web, or the command line and its user")
    title = models.CharField(max_length=300)
    format = models.CharField(max_length=10)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.title} ({self.format.upper()})"
