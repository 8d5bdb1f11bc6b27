"""boardpack import indicators|values|comments FILE; boardpack import plan FILE --name NAME;
boardpack import benchmarks DIR_OR_FILE"""

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.benchmarks.importers import import_benchmarks
from boardpack.lib.importing import ImportFailed
from boardpack.plans.importers import import_plan
from boardpack.scorecard.importers import IMPORTERS, import_file

PLAN = "plan"
BENCHMARKS = "benchmarks"


class Command(BaseCommand):
    help = "Import a CSV or XLSX file: all rows are checked first; on any error nothing is written."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted([*IMPORTERS, PLAN, BENCHMARKS]))
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", help="the Boardpack username the change is recorded against")
        parser.add_argument("--name", help="plan only: the plan's name (required for a plan)")

    def handle(
        self, *args: Any, kind: str, file: Path, user: str | None, name: str | None, **options: Any
    ) -> None:
        if kind == PLAN and not (name or "").strip():
            raise CommandError("import plan needs --name: the plan's name")
        account = None
        if user is not None:
            account = get_user_model().objects.filter(username=user).first()
            if account is None:
                raise CommandError(f"--user: there is no user {user!r}")
        try:
            data = b"" if kind == BENCHMARKS else file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: cannot be read ({error.strerror})") from None
        try:
            if kind == BENCHMARKS:
                report = import_benchmarks(path=file, user=account)
            elif kind == PLAN:
                report = import_plan(name=file.name, data=data, plan_name=str(name), user=account)
            else:
                report = import_file(kind, name=file.name, data=data, user=account)
        except ImportFailed as failure:
            for error in failure.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{file.name}: {len(failure.errors)} error(s); nothing was written"
            ) from None
        self.stdout.write(str(report))
