"""Reads of the jobs app."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Max, QuerySet
from django.utils import timezone

from boardpack.accounts.permissions import AnyUser, is_officer
from boardpack.jobs.models import Job, WorkerSeen


def jobs_for(user: AnyUser) -> QuerySet[Job]:
    """The jobs a person may see: their own; an officer sees everyone's."""
    jobs = Job.objects.select_related("started_by")
    return jobs if is_officer(user) else jobs.filter(started_by_id=user.pk)


def last_worker_seen() -> datetime | None:
    """When any worker last recorded itself alive (`boardpack worker` does every few seconds)."""
    seen: datetime | None = WorkerSeen.objects.aggregate(last=Max("seen_at"))["last"]
    return seen


def worker_seen_within(seconds: int) -> bool:
    """Whether a worker was alive in the last `seconds` (what a health check asks)."""
    seen = last_worker_seen()
    return seen is not None and seen >= timezone.now() - timedelta(seconds=seconds)
