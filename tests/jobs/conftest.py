"""Fixtures of the jobs tests: job files in a folder of the test's own, and a worker that runs
every queued job in this process (django-tasks' database worker, in batch mode)."""

from collections.abc import Callable

import pytest
from django.core.management import call_command
from django_tasks_db.management.commands import db_worker


@pytest.fixture(autouse=True)
def job_files(settings, tmp_path):
    settings.BOARDPACK_JOB_FILES = str(tmp_path / "jobs")
    return tmp_path / "jobs"


@pytest.fixture
def work_queue(monkeypatch) -> Callable[[], None]:
    # The worker closes connections it finds outside autocommit between tasks, as a request
    # does; the test's transaction is one, so it is kept (as Django's test client does).
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run() -> None:
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    return run
