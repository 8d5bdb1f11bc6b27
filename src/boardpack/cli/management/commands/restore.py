"""boardpack restore FILE [--force]: put a backup made by `boardpack backup` into this database,
which must be empty unless forced (boardpack.cli.backups; docs/deploy.md)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.cli import backups


class Command(BaseCommand):
    help = (
        "Restore a backup made by `boardpack backup` into an empty database (DATABASE_URL). "
        "Stop the web service and the workers first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the backup to restore")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace everything in a database that is not empty",
        )

    def handle(self, *args: Any, file: Path, force: bool, **options: Any) -> None:
        try:
            backups.restore(file, force=force)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {file} into the {backups.vendor()} database. If the backup was made by "
            "an older Boardpack, run `boardpack migrate` before starting the service."
        )
