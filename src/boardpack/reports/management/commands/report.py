"""boardpack report quarterly --period 2012-06 --format pdf --output FILE [--director …]"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.reports.builders.quarterly import build_quarterly
from boardpack.reports.render import FORMATS
from boardpack.reports.services import QuarterlyRequest, ReportRequestError, quarterly_query
from boardpack.scorecard.selectors import current_scheme


class Command(BaseCommand):
    help = "Write a board-pack report as HTML, PDF, Word or Excel."

    def add_arguments(self, parser: CommandParser) -> None:
        reports = parser.add_subparsers(dest="report", required=True)
        quarterly = reports.add_parser("quarterly", help="the quarterly performance report")
        quarterly.add_argument("--period", required=True, help="the month, e.g. 2012-06")
        quarterly.add_argument("--director", default="", help="only this director's indicators")
        quarterly.add_argument("--service", default="", help="only this service's indicators")
        quarterly.add_argument("--tag", default="", help="only indicators of this plan, e.g. CBP")
        for sub in (quarterly,):
            sub.add_argument("--format", choices=sorted(FORMATS), required=True)
            sub.add_argument("--output", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            query = quarterly_query(
                QuarterlyRequest(
                    period=options["period"],
                    director=options["director"],
                    service=options["service"],
                    tag=options["tag"],
                )
            )
        except ReportRequestError as error:
            raise CommandError(str(error)) from None
        document = build_quarterly(query, scheme=current_scheme())
        render, _ = FORMATS[options["format"]]
        output: Path = options["output"]
        try:
            output.write_bytes(render(document))
        except OSError as error:
            raise CommandError(f"{output}: cannot be written ({error.strerror})") from None
        self.stdout.write(f"{document.title}: written to {output}")
