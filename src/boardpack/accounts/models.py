"""The organisation (directorates and services, a tree) and the people in it."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class OrgUnit(models.Model):
    class Kind(models.TextChoices):
        DIRECTORATE = "directorate", "Directorate"
        SERVICE = "service", "Service"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="orgunit_unique_name_per_kind"),
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    PERFORMANCE_OFFICER = "officer", "Performance officer"
    INDICATOR_OWNER = "owner", "Indicator owner"
    DELEGATE = "delegate", "Delegate"
    VIEWER = "viewer", "Viewer"
    AUDITOR = "auditor", "Auditor"
    """Reads everything a viewer reads, and searches and exports the audit log."""


class Person(models.Model):
    """Someone who owns indicators, writes commentary or leads actions; may have a login."""

    name = models.CharField(max_length=200, unique=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    email = models.EmailField(blank=True)
    email_opt_out = models.BooleanField(
        default=False, help_text="Send them no e-mail (requests, reminders, briefings)."
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    sso_subject = models.CharField(
        "single sign-on subject",
        max_length=255,
        blank=True,
        help_text="The identity provider's subject (sub) for them: recorded at their first "
        "single sign-on, or set by an officer when people are matched on it.",
    )
    password_change_required = models.BooleanField(
        default=False, help_text="They must choose a new password when they next sign in."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(
                fields=["sso_subject"],
                condition=~models.Q(sso_subject=""),
                name="person_unique_sso_subject",
            ),
        ]

    def __str__(self) -> str:
        return self.name
