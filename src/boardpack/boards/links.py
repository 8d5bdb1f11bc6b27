"""Absolute links for e-mails: each goes straight to the page where the work is done.

The site's address comes from BOARDPACK_BASE_URL; paths come from the URL names, never typed.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from boardpack.core.periods import Month


def absolute(path: str) -> str:
    return settings.BOARDPACK_BASE_URL.rstrip("/") + path


def action_path(plan_slug: str, action_pk: int) -> str:
    """The action's page at its progress log, where its leads add progress and propose a BRAG
    status (everyone signed in reads it; only its leads, the programme manager and officers
    are offered the forms)."""
    return reverse("plan-action", args=[plan_slug, action_pk]) + "#progress"


def commentary_path(indicator_pk: int, month: Month) -> str:
    """Where the owner writes the indicator's commentary for the month."""
    return reverse("comment-write", kwargs={"pk": indicator_pk, "period": month.key})


def meeting_path(meeting_pk: int) -> str:
    return reverse("meeting", kwargs={"pk": meeting_pk})


def review_path(comment_pk: int) -> str:
    """Where a performance officer reviews submitted commentary."""
    return reverse("comment-review", kwargs={"pk": comment_pk})
