"""boardpack demo [--reset]: set up the database and load the demo data built from the seeds."""

import os
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from boardpack.accounts.services import person_get_or_create
from boardpack.scorecard.importers import import_file

SEED_DIR = Path(__file__).resolve().parents[2] / "seed"
FILES = (("indicators", "indicators.csv"), ("values", "values.csv"), ("comments", "comments.csv"))
DEMO_USER = "performance.officer"


class Command(BaseCommand):
    help = "Migrate the database and load the demo scorecard (Quarter 1 2012/13) from the seeds."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true", help="empty the database first")

    def handle(self, *args: Any, reset: bool, **options: Any) -> None:
        call_command("migrate", verbosity=0)
        if reset:
            call_command("flush", interactive=False, verbosity=0)
        for kind, name in FILES:
            report = import_file(kind, name=name, data=(SEED_DIR / name).read_bytes(), user=None)
            self.stdout.write(str(report))
        password = os.environ.get("BOARDPACK_DEMO_PASSWORD", "boardpack-demo")
        user, _ = get_user_model().objects.get_or_create(username=DEMO_USER)
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        person = person_get_or_create(name="Performance Officer")
        person.user = user
        person.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo login: username {DEMO_USER}, password {password}\n"
                "Open http://127.0.0.1:8000/ — the scorecard for Quarter 1 2012/13."
            )
        )
