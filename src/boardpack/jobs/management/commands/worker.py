"""boardpack worker: run jobs (django-tasks' database worker, db_worker) and, beside it, record
the worker alive every few seconds and sweep jobs whose worker stopped (docs/jobs.md)."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DbWorker

from boardpack.jobs.import_jobs import sweep_uploads
from boardpack.jobs.services import sweep_stale, worker_beat

logger = logging.getLogger(__name__)


def beat_forever(worker_id: str, every: float) -> None:
    while True:
        close_old_connections()
        try:
            worker_beat(worker_id)
            sweep_stale()
            sweep_uploads()
        except (DatabaseError, OSError):
            logger.exception("worker %s: heartbeat or sweep failed; trying again", worker_id)
        finally:
            connection.close()
        time.sleep(every)


class Command(DbWorker):
    help = "Run a Boardpack worker: it runs the queued jobs (reports, packs, the update cycle)."

    def handle(self, *args: Any, **options: Any) -> None:
        options["reload"] = False
        worker_id = options["worker_id"]
        beat = threading.Thread(
            target=beat_forever,
            args=(worker_id, settings.BOARDPACK_WORKER_BEAT_SECONDS),
            name="boardpack-worker-beat",
            daemon=True,
        )
        beat.start()
        super().handle(*args, **options)
