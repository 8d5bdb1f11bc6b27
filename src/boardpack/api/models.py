"""Personal access tokens of the API, and the data version of what the API reads beyond the
scorecard (the scorecard's own is scorecard.models.DataVersion)."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models

NAME_LENGTH = 60
"""A token's name appears in the history of what it changes ("API token NAME"), whose reason
holds 100 characters."""


class AccessToken(models.Model):
    """A personal access token: the API acts with its user's role and scope, never more.

    Only the SHA-256 digest of the secret is stored; the secret is shown once, when the token
    is made. `prefix` (the secret's first characters) names the token in lists.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=NAME_LENGTH)
    prefix = models.CharField(max_length=20, unique=True)
    digest = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the secret, hex.")
    read_only = models.BooleanField(default=False)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["user", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="api_token_name_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def state(self, now: datetime) -> str:
        """active, expired or revoked."""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at <= now:
            return "expired"
        return "active"


class ReadVersion(models.Model):
    """One row whose token the database replaces, by triggers (migration 0002), in every
    statement that writes to a table of plans, boards, benchmarks or calculated indicators.
    With the scorecard's DataVersion it gives the API's ETags (docs/api.md)."""

    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.token
