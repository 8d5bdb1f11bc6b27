"""boardpack import KIND FILE [--user NAME] [--name NAME]: every kind the apps register, through
the one import function (boardpack.lib.importing.run_import). A kind of several files takes a
folder or a zip (benchmarks); the others one file."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.core.problems import ImportFailed
from boardpack.lib import audit
from boardpack.lib.commands import named_user, refused, user_option
from boardpack.lib.importing import KINDS, run_import
from boardpack.lib.sources import Source


def _option_help(option: str) -> str:
    """`plan only: the plan's name (required for a plan)`."""
    users = [kind for kind in KINDS.values() if option in kind.options]
    what = users[0].options[option]
    names = " and ".join(kind.name for kind in users)
    return f"{names} only: {what} (required for a {' or a '.join(k.name for k in users)})"


class Command(BaseCommand):
    help = "Import a CSV or XLSX file: all rows are checked first; on any error nothing is written."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("file", type=Path)
        user_option(parser)
        for option in sorted({option for kind in KINDS.values() for option in kind.options}):
            parser.add_argument(f"--{option}", help=_option_help(option))

    def handle(self, *args: Any, kind: str, file: Path, user: str | None, **given: Any) -> None:
        registered = KINDS[kind]
        options = {name: str(given[name]).strip() for name in registered.options if given[name]}
        for name, what in registered.options.items():
            if not options.get(name):
                raise CommandError(f"import {kind} needs --{name}: {what}")
        account = named_user(user)
        try:
            with audit.command_line():
                source = Source.at(file) if registered.several else _one_file(file)
                report = run_import(kind, source, user=account, options=options)
        except ImportFailed as failure:
            message = f"{file.name}: {len(failure.errors)} error(s); nothing was written"
            raise refused(self.stderr, failure.errors, message) from None
        self.stdout.write(str(report))


def _one_file(file: Path) -> Source:
    try:
        return Source.file(file.name, file.read_bytes())
    except OSError as error:
        raise CommandError(f"{file}: cannot be read ({error.strerror})") from None
