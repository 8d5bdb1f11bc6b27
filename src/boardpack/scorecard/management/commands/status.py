"""boardpack status --period 2012-06 [--format table|csv|json]"""

import csv
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.core.periods import PeriodError, parse_period
from boardpack.lib.spreadsheets import csv_record
from boardpack.scorecard.presenters import status_record
from boardpack.scorecard.selectors import status_rows

COLUMNS = ("code", "period", "actual", "target", "status", "symbol", "vs_previous", "vs_last_year")


class Command(BaseCommand):
    help = "Print every indicator's actual, effective target, status, symbol and direction."
    requires_system_checks: list[str] = []  # a read: the checks import every URL and view

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", required=True, help="the month, e.g. 2012-06")
        parser.add_argument("--format", choices=("table", "csv", "json"), default="table")

    def handle(self, *args: Any, period: str, format: str, **options: Any) -> None:
        try:
            month = parse_period(period)
        except PeriodError as error:
            raise CommandError(f"--period: {error}") from None
        records = [
            {c: record[c] for c in COLUMNS} for record in map(status_record, status_rows(month))
        ]
        if format == "json":
            self.stdout.write(json.dumps(records, indent=2, ensure_ascii=False))
        elif format == "csv":
            writer = csv.DictWriter(self.stdout, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(map(csv_record, records))
        else:
            widths = {c: max([len(c), *(len(r[c]) for r in records)]) for c in COLUMNS}
            self.stdout.write("  ".join(c.ljust(widths[c]) for c in COLUMNS).rstrip())
            for record in records:
                self.stdout.write("  ".join(record[c].ljust(widths[c]) for c in COLUMNS).rstrip())
