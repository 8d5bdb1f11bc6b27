"""boardpack export plan PLAN --format xlsx|json [--output FILE]"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.plans.exports import plan_json, plan_xlsx
from boardpack.plans.selectors import plan_get


class Command(BaseCommand):
    help = (
        "Export a plan (by name or slug) as the tracker XLSX, which imports back as the same "
        "plan, or as JSON (to standard output without --output)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["plan"])
        parser.add_argument("plan", help="the plan's name or slug (the import prints it)")
        parser.add_argument("--format", choices=["xlsx", "json"], required=True)
        parser.add_argument("--output", type=Path, help="the file to write")

    def handle(
        self, *args: Any, plan: str, format: str, output: Path | None, **options: Any
    ) -> None:
        found = plan_get(plan)
        if found is None:
            raise CommandError(f"there is no plan called {plan!r} (give its name or its slug)")
        if format == "xlsx" and output is None:
            raise CommandError("an xlsx export needs --output FILE")
        if format == "xlsx":
            data = plan_xlsx(found)
        else:
            data = (json.dumps(plan_json(found), indent=2, ensure_ascii=False) + "\n").encode()
        if output is None:
            self.stdout.write(data.decode(), ending="")
            return
        try:
            output.write_bytes(data)
        except OSError as error:
            raise CommandError(f"{output}: cannot be written ({error.strerror})") from None
        self.stdout.write(f"{found.slug}: written to {output}")
