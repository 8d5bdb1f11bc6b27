"""boardpack jobs cycle: queue the update cycle as a job (what the system scheduler calls; a
worker runs it). `boardpack cycle run` still runs it at once, in the shell."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from boardpack.jobs.services import start_job


class Command(BaseCommand):
    help = "Queue background jobs: `cycle`, the update cycle's e-mails that are due."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("cycle", help="queue the update cycle (for the system scheduler)")

    def handle(self, *args: Any, **options: Any) -> None:
        job = start_job("cycle", "The update cycle", {}, None)
        self.stdout.write(f"Queued the update cycle as job {job.pk}")
