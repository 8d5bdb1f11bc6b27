"""Fixtures of the jobs tests: job files in a folder of the test's own, and a worker that runs
every queued job in this process (django-tasks' database worker, in batch mode)."""

from collections.abc import Callable

import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def job_files(settings, tmp_path):
    settings.BOARDPACK_JOB_FILES = str(tmp_path / "jobs")
    return tmp_path / "jobs"


@pytest.fixture
def work_queue() -> Callable[[], None]:
    def run() -> None:
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    return run
