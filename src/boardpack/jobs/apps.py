from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "boardpack.jobs"
    verbose_name = "Background jobs"

    def ready(self) -> None:
        # Each kind of job registers itself on import (boardpack.jobs.kinds.RUNNERS).
        from boardpack.jobs import cycle_job, import_jobs, report_jobs  # noqa: F401
