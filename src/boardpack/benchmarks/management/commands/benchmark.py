"""boardpack benchmark --measure CODE --year YEAR [--authority NUMBER|all] [--format table|json]"""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.benchmarks.records import (
    ALL,
    COLUMNS,
    BenchmarkQueryError,
    as_json,
    as_text,
    find_authorities,
    find_measure,
    find_year,
    records,
)


class Command(BaseCommand):
    help = (
        "Print a published measure's figure for an authority (or all) beside England, its "
        "region and its statistical neighbours, with rank and quartile band."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--measure", required=True, help="the published code, e.g. LAC")
        parser.add_argument("--year", required=True, help="as published (2023/24) or e.g. 2024")
        parser.add_argument(
            "--authority", help=f"an authority's number (default: this installation's) or {ALL}"
        )
        parser.add_argument("--format", choices=("table", "json"), default="table")

    def handle(
        self, *args: Any, measure: str, year: str, authority: str | None, format: str, **_: Any
    ) -> None:
        try:
            found = find_measure(measure)
            label = find_year(found, year)
            rows = records(found, label, find_authorities(authority))
        except BenchmarkQueryError as error:
            raise CommandError(str(error)) from None
        if format == "json":
            self.stdout.write(json.dumps([as_json(r) for r in rows], indent=2, ensure_ascii=False))
            return
        texts = [as_text(r) for r in rows]
        widths = {c: max([len(c), *(len(t[c]) for t in texts)]) for c in COLUMNS}
        self.stdout.write(f"{found.code} {label}: {found.name}")
        self.stdout.write("  ".join(c.ljust(widths[c]) for c in COLUMNS).rstrip())
        for text in texts:
            self.stdout.write("  ".join(text[c].ljust(widths[c]) for c in COLUMNS).rstrip())
