"""The `boardpack` console script: Django's management commands plus Boardpack's own.

This package is also the Django app of the commands that reach across apps (`import`): an entry
point above every app, as the web pages' views are.

Two ways a command can stop that are not a fault in Boardpack end in one line on stderr, not a
traceback: settings the environment does not give (SECRET_KEY unset, a malformed value), and
output whose reader went away (`boardpack status … | head`).
"""

import os
import sys

PREFIX = "boardpack: "
BROKEN_PIPE = PREFIX + "stopped: the program reading the output closed it (broken pipe)"


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "boardpack.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["boardpack", *(sys.argv[1:] if argv is None else argv)])
    except ImproperlyConfigured as error:
        sys.exit(f"{PREFIX}{error}")
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(BROKEN_PIPE)
