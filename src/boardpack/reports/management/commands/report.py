"""boardpack report quarterly --period 2012-06 --format pdf --output FILE [--director …]
    [--spc-charts];
boardpack report appendix [--year 2025] --format pdf --output FILE;
boardpack report plan --plan NAME_OR_SLUG --format pdf --output FILE;
boardpack report priority --plan NAME --objective 1 --period 2012-06 --format pdf --output FILE"""

from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.lib import audit
from boardpack.reports.builders.appendix import AppendixQuery, build_appendix
from boardpack.reports.builders.delivery_plan import build_delivery_plan
from boardpack.reports.builders.priority import build_priority
from boardpack.reports.builders.quarterly import build_quarterly
from boardpack.reports.document import Document
from boardpack.reports.records import report_made
from boardpack.reports.render import FORMATS
from boardpack.reports.requests import (
    QuarterlyRequest,
    ReportRequestError,
    plan_report_query,
    priority_query,
    quarterly_query,
)
from boardpack.scorecard.selectors import current_scheme


class Command(BaseCommand):
    help = "Write a board-pack report as HTML, PDF, Word or Excel."
    requires_system_checks: list[str] = []  # a read: the checks import every URL and view

    def add_arguments(self, parser: CommandParser) -> None:
        reports = parser.add_subparsers(dest="report", required=True)
        quarterly = reports.add_parser("quarterly", help="the quarterly performance report")
        quarterly.add_argument("--period", required=True, help="the month, e.g. 2012-06")
        quarterly.add_argument("--director", default="", help="only this director's indicators")
        quarterly.add_argument("--service", default="", help="only this service's indicators")
        quarterly.add_argument("--tag", default="", help="only indicators of this plan, e.g. CBP")
        quarterly.add_argument(
            "--spc-charts", action="store_true", help="each indicator's SPC chart too"
        )
        appendix = reports.add_parser("appendix", help="the committee appendix: benchmarks")
        appendix.add_argument(
            "--year", type=int, help="figures of years ending by this one (default: the latest)"
        )
        plan = reports.add_parser("plan", help="a delivery plan's report: BRAG and actions")
        plan.add_argument("--plan", required=True, help="the plan's name or slug")
        priority = reports.add_parser("priority", help="a priority's measures and actions")
        priority.add_argument("--plan", required=True, help="the plan's name or slug")
        priority.add_argument("--objective", required=True, help="the priority's number, e.g. 1")
        priority.add_argument("--period", required=True, help="the month, e.g. 2012-06")
        for sub in (quarterly, appendix, plan, priority):
            sub.add_argument("--format", choices=sorted(FORMATS), required=True)
            sub.add_argument("--output", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["report"] == "appendix":
            return self._write(build_appendix(AppendixQuery(year=options["year"])), options)
        if options["report"] in ("plan", "priority"):
            return self._write(self._plan_report(options), options)
        try:
            query = quarterly_query(
                QuarterlyRequest(
                    period=options["period"],
                    director=options["director"],
                    service=options["service"],
                    tag=options["tag"],
                    spc_charts=options["spc_charts"],
                )
            )
        except ReportRequestError as error:
            raise CommandError(str(error)) from None
        self._write(build_quarterly(query, scheme=current_scheme()), options)

    def _plan_report(self, options: dict[str, Any]) -> Document:
        try:
            if options["report"] == "plan":
                return build_delivery_plan(plan_report_query(options["plan"]))
            query = priority_query(
                plan=options["plan"], objective=options["objective"], period=options["period"]
            )
        except ReportRequestError as error:
            raise CommandError(str(error)) from None
        return build_priority(query, scheme=current_scheme())

    def _write(self, document: Document, options: dict[str, Any]) -> None:
        render, _ = FORMATS[options["format"]]
        output: Path = options["output"]
        try:
            output.write_bytes(render(document))
        except OSError as error:
            raise CommandError(f"{output}: cannot be written ({error.strerror})") from None
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        with audit.command_line():
            report_made(document, options["format"], None)
        self.stdout.write(f"{document.title}: written to {output}")
