"""What Boardpack's commands share: `--user`, the account a change is recorded against (without
it the change is recorded as made at the command line by the system user who ran the command,
boardpack.lib.audit.command_line), and how refused input files are reported."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.management.base import CommandError, CommandParser, OutputWrapper

from boardpack.core.problems import Problem


def user_option(parser: CommandParser) -> None:
    parser.add_argument("--user", help="the Boardpack username the change is recorded against")


def named_user(username: str | None) -> AbstractBaseUser | None:
    """The account `--user` names, or None when none is named."""
    if username is None:
        return None
    found: AbstractBaseUser | None = get_user_model().objects.filter(username=username).first()
    if found is None:
        raise CommandError(f"--user: there is no user {username!r}")
    return found


def refused(stderr: OutputWrapper, problems: list[Problem], message: str) -> CommandError:
    """Every problem on standard error, one a line; the error to raise, ending in `message`."""
    for problem in problems:
        stderr.write(str(problem))
    return CommandError(message)
