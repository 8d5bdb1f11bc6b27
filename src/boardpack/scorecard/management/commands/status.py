"""boardpack status --period 2012-06 [--format table|csv|json]"""

import csv
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.core.periods import PeriodError, parse_period
from boardpack.core.units import format_value
from boardpack.scorecard.selectors import StatusRow, status_rows

COLUMNS = ("code", "period", "actual", "target", "status", "symbol", "vs_previous", "vs_last_year")


def _record(row: StatusRow) -> dict[str, str]:
    indicator = row.indicator
    return {
        "code": indicator.code,
        "period": row.month.key,
        "actual": format_value(row.actual, indicator.unit_rule, indicator.decimals),
        "target": format_value(row.target, indicator.unit_rule, indicator.decimals),
        "status": row.status.value,
        "symbol": row.symbol.text,
        "vs_previous": row.vs_previous.value,
        "vs_last_year": row.vs_last_year.value,
    }


class Command(BaseCommand):
    help = "Print every indicator's actual, effective target, status, symbol and direction."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", required=True, help="the month, e.g. 2012-06")
        parser.add_argument("--format", choices=("table", "csv", "json"), default="table")

    def handle(self, *args: Any, period: str, format: str, **options: Any) -> None:
        try:
            month = parse_period(period)
        except PeriodError as error:
            raise CommandError(f"--period: {error}") from None
        records = [_record(row) for row in status_rows(month)]
        if format == "json":
            self.stdout.write(json.dumps(records, indent=2, ensure_ascii=False))
        elif format == "csv":
            writer = csv.DictWriter(self.stdout, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(records)
        else:
            widths = {c: max([len(c), *(len(r[c]) for r in records)]) for c in COLUMNS}
            self.stdout.write("  ".join(c.ljust(widths[c]) for c in COLUMNS).rstrip())
            for record in records:
                self.stdout.write("  ".join(record[c].ljust(widths[c]) for c in COLUMNS).rstrip())
