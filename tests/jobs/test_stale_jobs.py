"""A job whose worker stopped (killed, out of memory) is never left running for ever: the
sweep queues it once more, then marks it failed with the reason; a worker records itself alive."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from boardpack.jobs.models import Job, WorkerSeen
from boardpack.jobs.selectors import last_worker_seen, worker_seen_within
from boardpack.jobs.services import claim, start_job, sweep_stale, worker_beat

pytestmark = pytest.mark.django_db
PARAMS = {"report": "quarterly", "data": {"period": "2012-06", "format": "xlsx"}}


def _running(user, *, attempts_before: int) -> Job:
    """A job claimed by a worker that then went silent for ten minutes."""
    job = start_job("report", "Quarterly", PARAMS, user)
    Job.objects.filter(pk=job.pk).update(attempts=attempts_before)
    DBTaskResult.objects.filter(id=job.task_id).update(status="RUNNING")
    claim(str(job.pk), job.task_id, "worker-that-died")
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=10))
    return Job.objects.get(pk=job.pk)


def test_a_stale_job_is_queued_once_more_for_a_new_task(viewer):
    job = _running(viewer, attempts_before=0)
    old_task = job.task_id
    [swept] = sweep_stale()
    job.refresh_from_db()
    assert swept.pk == job.pk
    assert (job.state, job.attempts, job.worker_id) == ("queued", 1, "")
    assert job.task_id
    assert job.task_id != old_task
    assert DBTaskResult.objects.get(id=old_task).status == "FAILED"
    assert DBTaskResult.objects.get(id=job.task_id).status == "READY"


def test_a_job_whose_worker_stops_twice_fails_with_the_reason(viewer):
    job = _running(viewer, attempts_before=1)
    sweep_stale()
    job.refresh_from_db()
    assert job.state == "failed"
    assert job.message.startswith("The worker running this job stopped before it finished")
    assert "twice" in job.message
    assert job.finished_at is not None


def test_a_job_heard_of_recently_is_left_alone(viewer):
    job = _running(viewer, attempts_before=0)
    worker_beat("worker-that-died")
    assert sweep_stale() == []
    job.refresh_from_db()
    assert job.state == "running"


def test_the_old_task_cannot_run_a_job_handed_to_a_new_one(viewer):
    job = _running(viewer, attempts_before=0)
    old_task = job.task_id
    sweep_stale()
    assert claim(str(job.pk), old_task, "late-worker") is None


def test_a_worker_beat_is_what_a_health_check_reads():
    assert last_worker_seen() is None
    assert not worker_seen_within(120)
    worker_beat("w1")
    assert worker_seen_within(120)
    WorkerSeen.objects.update(seen_at=timezone.now() - timedelta(minutes=5))
    assert not worker_seen_within(120)
