"""boardpack backup FILE: a consistent snapshot of the whole database, taken while Boardpack
runs (boardpack.cli.backups; docs/deploy.md, "Backup and restore")."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.cli import backups


class Command(BaseCommand):
    help = (
        "Back up the whole database to FILE while Boardpack runs: SQLite's online backup, or "
        "pg_dump's custom format for PostgreSQL. Restore it with `boardpack restore FILE`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the backup to write (replaced if it exists)")

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        try:
            size = backups.backup(file)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up the {backups.vendor()} database to {file} ({size:,} bytes)")
