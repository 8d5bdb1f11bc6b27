"""boardpack cycle run [--now DATETIME]: send the update cycle's e-mails that are due.

Idempotent and restartable: meant to be called by the system scheduler (docs/update-cycle.md).
Exits with status 1 when an e-mail could not be sent; the next run sends it.
"""

from datetime import datetime, time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from boardpack.boards.outbox import cycle_run


def moment(text: str) -> datetime:
    """An ISO date-time (2012-07-25T08:00, with or without an offset) or a date (midnight)."""
    try:
        found = parse_datetime(text)
        if found is None and (day := parse_date(text)) is not None:
            found = datetime.combine(day, time.min)
    except ValueError as error:
        raise CommandError(f"--now {text!r}: {error}") from None
    if found is None:
        raise CommandError(f"--now {text!r} is not a date-time: use 2012-07-25T08:00")
    return found if timezone.is_aware(found) else timezone.make_aware(found)


class Command(BaseCommand):
    help = "Run the update cycle: build the requests, reminders and briefings due, and send them."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        run = actions.add_parser("run", help="build and send the e-mails due now")
        run.add_argument(
            "--now", type=moment, default=None, help="act as if it were this time (ISO 8601)"
        )

    def handle(self, *args: Any, now: datetime | None = None, **options: Any) -> None:
        report = cycle_run(now=now)
        for line in report.lines():
            self.stdout.write(line)
        if report.failed:
            raise CommandError(f"{len(report.failed)} e-mails not sent; the next run retries them")
