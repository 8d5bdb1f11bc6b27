"""boardpack demo [--reset]: set up the database and load the demo data built from the seeds."""

import os
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from boardpack.accounts.services import person_get_or_create
from boardpack.boards.services import board_save, plan_board_set
from boardpack.demo.benchmarks import load_demo_benchmarks
from boardpack.demo.meeting import load_demo_meeting
from boardpack.demo.people import OFFICER, load_demo_people
from boardpack.demo.plan_dates import move_plan_to_today
from boardpack.demo.priority_plan import load_demo_priority_plan
from boardpack.lib import audit
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.plans.models import Plan
from boardpack.plans.services import plan_save

SEED_DIR = Path(__file__).resolve().parents[2] / "seed"
FILES = (("indicators", "indicators.csv"), ("values", "values.csv"), ("comments", "comments.csv"))
DEMO_ADDRESS = "127.0.0.1:8000"
"""Where `make demo` serves the demo unless DEMO_ADDR says otherwise."""
PLAN_FILE = "corporate-parenting-plan.xlsx"
PLAN_NAME = "Corporate Parenting Strategy Delivery Plan"
LEADS = (
    "Improvement Partner",
    "Strategic Lead for Care Leavers",
    "Strategic Lead for Participation",
    "Head of Service Virtual Schools",
)
"""Action leads the tracker names alone in a Responsible cell: the import links them."""


def load_demo_plan() -> str:
    """Seed 002's tracker as a plan under the Getting to Good Plan, with its two boards."""
    reason = "demo data"
    improvement = board_save(name="Children's Services Improvement Board", user=None, reason=reason)
    board = board_save(
        name="Corporate Parenting Board",
        parent=improvement,
        chair=person_get_or_create(name="Acting Director of Children's Social Care"),
        programme_manager=person_get_or_create(name="Project Manager"),
        user=None,
        reason=reason,
    )
    parent = plan_save(name="Getting to Good Plan", user=None, reason=reason)
    plan_board_set(plan=parent, board=improvement, user=None, reason=reason)
    for lead in LEADS:
        person_get_or_create(name=lead)
    source = Source.at(SEED_DIR / PLAN_FILE)
    report = run_import("plan", source, user=None, options={"name": PLAN_NAME})
    plan = plan_save(name=PLAN_NAME, parent=parent, user=None, reason=reason)
    plan_board_set(plan=plan, board=board, user=None, reason=reason)
    return str(report)


class Command(BaseCommand):
    help = "Migrate the database and load the demo scorecard (Quarter 1 2012/13) from the seeds."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true", help="empty the database first")
        parser.add_argument(
            "--address",
            default=DEMO_ADDRESS,
            help=f"where the demo is served (host:port), for the link it prints; {DEMO_ADDRESS}",
        )

    def handle(self, *args: Any, reset: bool, address: str, **options: Any) -> None:
        with audit.command_line():
            self._load(reset, address)

    def _load(self, reset: bool, address: str) -> None:
        call_command("migrate", verbosity=0)
        if reset:
            call_command("flush", interactive=False, verbosity=0)
        for kind, name in FILES:
            report = run_import(kind, Source.at(SEED_DIR / name), user=None)
            self.stdout.write(str(report))
        self.stdout.write(load_demo_plan())
        today = timezone.localdate()
        years = move_plan_to_today(Plan.objects.get(name=PLAN_NAME), today)
        self.stdout.write(f"{PLAN_NAME}: dates moved {years} years on, to around today")
        self.stdout.write(load_demo_priority_plan())
        self.stdout.write(load_demo_benchmarks())
        password = os.environ.get("BOARDPACK_DEMO_PASSWORD", "boardpack-demo")
        logins = load_demo_people(password)
        officer = get_user_model().objects.get(username=OFFICER)
        self.stdout.write(load_demo_meeting(today, officer))
        width = max(len(login.username) for login in logins)
        lines = [f"  {login.username:<{width}}  {login.does}" for login in logins]
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo logins (every one with the password {password}):\n"
                + "\n".join(lines)
                + f"\nOpen http://{address}/ — the scorecard for Quarter 1 2012/13."
            )
        )
