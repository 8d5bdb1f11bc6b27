"""Writes of the jobs app: start a job, run it once claimed, and the worker's heartbeat and
stale-claim sweep (docs/jobs.md)."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import DatabaseError, connection
from django.db.models import F
from django.utils import timezone

from boardpack.jobs.files import save_whole
from boardpack.jobs.kinds import RUNNERS, JobFailure, Outcome
from boardpack.jobs.models import Job, WorkerSeen

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 2
"""A job whose worker stopped mid-way is started once more, then marked failed."""

UNEXPECTED = (
    "The job stopped with an unexpected error ({name}); nothing it was writing was kept. "
    "The IT team can find the details in the worker's log under job {job}."
)
WORKER_LOST = (
    "The worker running this job stopped before it finished (it was killed or ran out of "
    "memory) {times}; nothing it was writing was kept. Start the job again, or ask the IT "
    "team to check the worker."
)
DATABASE_LOST = (
    "The connection to the database was lost while the job ran; everything it was writing "
    "was rolled back, so nothing changed. Start the job again."
)


def start_job(kind: str, title: str, params: dict[str, Any], user: AbstractBaseUser | None) -> Job:
    """Record the job and put it on the queue; a worker runs it."""
    if kind not in RUNNERS:
        raise ValueError(f"no job kind {kind!r}")
    job = Job.objects.create(kind=kind, title=title, params=params, started_by=user)
    _enqueue(job)
    return job


def _enqueue(job: Job) -> None:
    from boardpack.jobs.tasks import run_job

    result = run_job.enqueue(str(job.pk))
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.task_id = str(result.id)


def claim(job_id: str, task_id: str, worker_id: str) -> Job | None:
    """Mark the job running for this task; none if it is not queued for it (already run, or
    handed to a newer task by the sweep)."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, state=Job.State.QUEUED, task_id=task_id).update(
        state=Job.State.RUNNING,
        worker_id=worker_id,
        started_at=now,
        heartbeat_at=now,
        steps_done=0,
        attempts=F("attempts") + 1,
    )
    return Job.objects.get(pk=job_id) if claimed else None


def progress(job: Job, done: int, total: int) -> None:
    Job.objects.filter(pk=job.pk, state=Job.State.RUNNING).update(
        steps_done=done, steps_total=max(total, 1), heartbeat_at=timezone.now()
    )


def run(job: Job) -> None:
    """Do the job's work and record how it ended; never raises for the job's own failures."""
    try:
        outcome = RUNNERS[job.kind](job.params, lambda done, total: progress(job, done, total))
        _finish(job, outcome)
    except JobFailure as failure:
        _fail(job, str(failure), failure.problems)
    except DatabaseError:
        logger.exception("job %s (%s): database error", job.pk, job.kind)
        if not connection.in_atomic_block:
            connection.close()  # a dropped connection: the next query opens a new one
        _fail(job, DATABASE_LOST)
    except Exception as error:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        _fail(job, UNEXPECTED.format(name=type(error).__name__, job=job.pk))


def _finish(job: Job, outcome: Outcome) -> None:
    fields: dict[str, Any] = {"message": outcome.summary}
    if outcome.content is not None:
        path = save_whole(f"{job.pk}-{outcome.filename}", outcome.content)
        fields.update(
            result_file=str(path),
            result_name=outcome.filename,
            result_type=outcome.content_type,
        )
    _end(job, Job.State.DONE, **fields)


def _fail(job: Job, message: str, problems: list[dict[str, Any]] | None = None) -> None:
    _end(job, Job.State.FAILED, message=message, problems=problems or [])


def _end(job: Job, state: str, **fields: Any) -> None:
    Job.objects.filter(pk=job.pk, state=Job.State.RUNNING, task_id=job.task_id).update(
        state=state, finished_at=timezone.now(), **fields
    )


def worker_beat(worker_id: str) -> None:
    """The worker is alive: record it, and the jobs it is running."""
    now = timezone.now()
    WorkerSeen.objects.update_or_create(worker_id=worker_id, defaults={"seen_at": now})
    Job.objects.filter(state=Job.State.RUNNING, worker_id=worker_id).update(heartbeat_at=now)


def stale_after() -> timedelta:
    return timedelta(seconds=settings.BOARDPACK_JOB_STALE_SECONDS)


def sweep_stale() -> list[Job]:
    """Running jobs whose worker has not been heard of for a while: started once more, or, after
    MAX_ATTEMPTS, marked failed with the reason. Each is taken by one sweeper only."""
    cutoff = timezone.now() - stale_after()
    swept = []
    for job in Job.objects.filter(state=Job.State.RUNNING, heartbeat_at__lt=cutoff):
        taken = Job.objects.filter(
            pk=job.pk, state=Job.State.RUNNING, heartbeat_at=job.heartbeat_at
        )
        if job.attempts < MAX_ATTEMPTS:
            if not taken.update(state=Job.State.QUEUED, worker_id="", task_id=""):
                continue
            _abandon_task(job.task_id)
            _enqueue(job)
            logger.warning("job %s: its worker stopped; queued again", job.pk)
        else:
            times = "twice" if job.attempts == MAX_ATTEMPTS else f"{job.attempts} times"
            if not taken.update(
                state=Job.State.FAILED,
                finished_at=timezone.now(),
                message=WORKER_LOST.format(times=times),
            ):
                continue
            _abandon_task(job.task_id)
            logger.warning("job %s: its worker stopped again; marked failed", job.pk)
        swept.append(job)
    return swept


def _abandon_task(task_id: str) -> None:
    """The backend's own record of a task whose worker died stays 'running': close it."""
    from django_tasks_db.models import DBTaskResult

    if not task_id:
        return
    DBTaskResult.objects.filter(id=task_id, status="RUNNING").update(
        status="FAILED",
        finished_at=timezone.now(),
        exception_class_path="boardpack.jobs.WorkerLost",
        traceback="The worker stopped while running this task (boardpack.jobs sweep).",
    )
