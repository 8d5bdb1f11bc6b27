"""boardpack import indicators|values|comments FILE"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.lib.importing import ImportFailed
from boardpack.scorecard.importers import IMPORTERS, import_file


class Command(BaseCommand):
    help = "Import a CSV or XLSX file: all rows are checked first; on any error nothing is written."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(IMPORTERS))
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, kind: str, file: Path, **options: Any) -> None:
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: cannot be read ({error.strerror})") from None
        try:
            report = import_file(kind, name=file.name, data=data, user=None)
        except ImportFailed as failure:
            for error in failure.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{file.name}: {len(failure.errors)} error(s); nothing was written"
            ) from None
        self.stdout.write(str(report))
