"""The `boardpack` console script: Django's management commands plus Boardpack's own.

This package is also the Django app of the commands that reach across apps (`import`): an entry
point above every app, as the web pages' views are.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "boardpack.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["boardpack", *(sys.argv[1:] if argv is None else argv)])
