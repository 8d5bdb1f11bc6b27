"""boardpack spc CODE [--baseline N] [--format table|json]"""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.core.spc import BaselineError, check_baseline
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.spc.presenters import (
    POINT_TEXT,
    assurance_icon,
    baseline_text,
    chart_object,
    limit_rows,
    value_texts,
    variation_icon,
)
from boardpack.scorecard.spc.selectors import indicator_spc

COLUMNS = ("period", "value", "type", "rules")


class Command(BaseCommand):
    help = "Print an indicator's SPC (XmR) chart: limits, icons and each point's type."
    requires_system_checks: list[str] = []  # a read: the checks import every URL and view

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="the indicator's code, e.g. 2042SC")
        parser.add_argument(
            "--baseline",
            type=int,
            help="limits from the first N points (at least 12), instead of the indicator's own",
        )
        parser.add_argument("--format", choices=("table", "json"), default="table")

    def handle(
        self, *args: Any, code: str, baseline: int | None, format: str, **options: Any
    ) -> None:
        try:
            check_baseline(baseline)
        except BaselineError as error:
            raise CommandError(f"--baseline: {error}") from None
        indicator = Indicator.objects.filter(code=code).first()
        if indicator is None:
            raise CommandError(f"no indicator has the code {code!r}")
        chart = indicator_spc(indicator, baseline=baseline)
        if format == "json":
            self.stdout.write(json.dumps(chart_object(chart), indent=2, ensure_ascii=False))
            return
        analysis = chart.analysis
        self.stdout.write(f"{indicator.code}: {indicator.title}")
        self.stdout.write(f"Baseline: {baseline_text(chart)}")
        for label, text in limit_rows(chart):
            self.stdout.write(f"{label}: {text}")
        variation = variation_icon(analysis.variation, analysis.reason)
        assurance = assurance_icon(analysis.assurance, analysis.reason)
        self.stdout.write(f"Variation: {analysis.variation.value} ({variation.text})")
        self.stdout.write(f"Assurance: {analysis.assurance.value} ({assurance.text})")
        records = [
            {
                "period": point_month.key,
                "value": text,
                "type": POINT_TEXT[point.type],
                "rules": ", ".join(rule.value for rule in point.rules),
            }
            for point_month, text, point in zip(
                chart.months, value_texts(chart), analysis.points, strict=True
            )
        ]
        widths = {c: max([len(c), *(len(r[c]) for r in records)]) for c in COLUMNS}
        self.stdout.write("")
        self.stdout.write("  ".join(c.ljust(widths[c]) for c in COLUMNS).rstrip())
        for record in records:
            self.stdout.write("  ".join(record[c].ljust(widths[c]) for c in COLUMNS).rstrip())
