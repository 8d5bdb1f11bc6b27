"""The one django-tasks task: run a recorded job. Its argument is the job's id only; everything
else is in the job's row."""

from __future__ import annotations

from django_tasks import TaskContext, task

from boardpack.jobs import services


@task(takes_context=True)
def run_job(context: TaskContext, job_id: str) -> str:
    result = context.task_result
    worker_id = result.worker_ids[-1] if result.worker_ids else ""
    job = services.claim(job_id, str(result.id), worker_id)
    if job is None:
        return "not queued for this task"
    services.run(job)
    return "ran"
