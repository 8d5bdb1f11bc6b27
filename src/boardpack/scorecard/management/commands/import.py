"""boardpack import indicators|values|comments FILE"""

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.lib.importing import ImportFailed
from boardpack.scorecard.importers import IMPORTERS, import_file


class Command(BaseCommand):
    help = "Import a CSV or XLSX file: all rows are checked first; on any error nothing is written."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(IMPORTERS))
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", help="the Boardpack username the change is recorded against")

    def handle(self, *args: Any, kind: str, file: Path, user: str | None, **options: Any) -> None:
        account = None
        if user is not None:
            account = get_user_model().objects.filter(username=user).first()
            if account is None:
                raise CommandError(f"--user: there is no user {user!r}")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: cannot be read ({error.strerror})") from None
        try:
            report = import_file(kind, name=file.name, data=data, user=account)
        except ImportFailed as failure:
            for error in failure.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{file.name}: {len(failure.errors)} error(s); nothing was written"
            ) from None
        self.stdout.write(str(report))
