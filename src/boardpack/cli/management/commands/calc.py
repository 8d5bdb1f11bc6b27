"""boardpack calc validate|run|link|unlink|links: the national measures from child-level data.

boardpack calc validate [--ssda903 DIR] [--cin DIR] [--population FILE]
boardpack calc run [--ssda903 DIR] [--cin DIR] [--population FILE] --period 2024-03
                   [--write [--user NAME] | --format table|csv|json]
  (json: each measure with the figure the DfE published for this authority beside it, composed
  by reports.reconcile above the calculated_indicators and benchmarks apps)
boardpack calc link CODE MEASURE_ID      boardpack calc unlink CODE      boardpack calc links
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.calc.periods import Period, PeriodError
from boardpack.calc.problems import InvalidInput
from boardpack.calculated_indicators import runs
from boardpack.calculated_indicators.presenters import link_message
from boardpack.calculated_indicators.selectors import linkable_indicators
from boardpack.calculated_indicators.services import (
    LinkError,
    Recorded,
    calculation_record,
    measure_link_save,
)
from boardpack.lib import audit
from boardpack.lib.commands import named_user, refused, user_option
from boardpack.reports import reconcile
from boardpack.scorecard.models import Indicator

PERIOD_HELP = (
    "the last month of the twelve months computed, e.g. 2024-03: March gives the collection year "
    "(1 April 2023 to 31 March 2024), any other month the rolling twelve months to its end"
)


def _inputs(parser: CommandParser) -> None:
    parser.add_argument("--ssda903", type=Path, help="the SSDA903 folder (a folder per year)")
    parser.add_argument("--cin", type=Path, help="the Children in Need census folder")
    parser.add_argument("--population", type=Path, help="the population CSV file (ages 0-17)")


class Command(BaseCommand):
    help = (
        "Validate child-level returns, compute the national measures from them, and link them to "
        "scorecard indicators (docs/measures.md, docs/calc-inputs.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        validate = actions.add_parser("validate", help="list every problem in the input files")
        _inputs(validate)
        run = actions.add_parser("run", help="compute every measure the inputs allow")
        _inputs(run)
        run.add_argument("--period", required=True, help=PERIOD_HELP)
        output = run.add_mutually_exclusive_group()
        output.add_argument(
            "--write",
            action="store_true",
            help="record the values as the actuals of the linked indicators, with provenance",
        )
        output.add_argument("--format", choices=("table", "csv", "json"), default="table")
        user_option(run)
        link = actions.add_parser("link", help="calculate an indicator from a measure")
        link.add_argument("code", help="the indicator's code")
        link.add_argument("measure", help="the measure's id, e.g. placements_3plus")
        user_option(link)
        unlink = actions.add_parser("unlink", help="stop calculating an indicator")
        unlink.add_argument("code", help="the indicator's code")
        user_option(unlink)
        actions.add_parser("links", help="list the indicators calculated and their measures")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        with audit.command_line():
            self._action(action, options)

    def _action(self, action: str, options: dict[str, Any]) -> None:
        if action in ("validate", "run"):
            inputs = runs.Inputs(options["ssda903"], options["cin"], options["population"])
            if not inputs.given:
                raise CommandError("give at least one of --ssda903, --cin and --population")
            if action == "validate":
                self._validate(inputs)
            else:
                self._run(inputs, options)
        elif action == "links":
            for indicator in linkable_indicators().filter(measure_link__isnull=False):
                link = indicator.measure_link  # type: ignore[attr-defined]
                self.stdout.write(f"{indicator.code}  {link.measure_id}")
        else:
            self._link(options)

    def _validate(self, inputs: runs.Inputs) -> None:
        problems = runs.problems(inputs)
        for problem in problems:
            self.stdout.write(str(problem))
        self.stdout.write(runs.DFE_RULES)
        if problems:
            raise CommandError(f"{len(problems)} problem(s) in the input files")
        self.stdout.write("No problems found in the input files.")

    def _run(self, inputs: runs.Inputs, options: dict[str, Any]) -> None:
        try:
            period = Period.parse(options["period"])
        except PeriodError as error:
            raise CommandError(f"--period: {error}") from None
        user = named_user(options["user"])
        try:
            computed = runs.compute(inputs, period)
        except InvalidInput as invalid:
            message = f"{len(invalid.problems)} problem(s) in the input files: nothing was computed"
            raise refused(self.stderr, invalid.problems, message) from None
        if options["format"] == "json":
            beside = reconcile.beside_results(computed.results)
            published = {measure: b.as_dict() for measure, b in beside.items()}
            self.stdout.write(runs.as_json(computed.results, published))
            return
        if options["format"] == "csv":
            self.stdout.write(runs.as_csv(computed.results))
            return
        self.stdout.write(
            f"Period {period.label}: {period.start:%d/%m/%Y} to {period.end:%d/%m/%Y}"
        )
        self.stdout.write(runs.as_table(computed.results))
        if options["write"]:
            command = ["boardpack", "calc", "run", *inputs.options(), "--period", period.key]
            recorded = calculation_record(
                results=computed.results,
                period=period,
                inputs=computed.report.hashes(),
                engine_version=runs.engine_version(),
                command=" ".join([*command, "--write"]),
                user=user,
            )
            self.stdout.write(_summary(recorded))

    def _link(self, options: dict[str, Any]) -> None:
        indicator = Indicator.objects.filter(code=options["code"]).first()
        if indicator is None:
            raise CommandError(f"there is no indicator {options['code']!r}")
        measure_id = options.get("measure") or ""  # blank: unlink
        try:
            outcome = measure_link_save(
                indicator=indicator, measure_id=measure_id, user=named_user(options["user"])
            )
        except LinkError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(link_message(indicator.code, measure_id, outcome))


def _summary(recorded: Recorded) -> str:
    counts = recorded.counts
    lines = [
        f"Recorded calculation {recorded.calculation.pk}: {recorded.values} value(s) for linked "
        f"indicators; actuals {counts['created']} created, {counts['updated']} updated, "
        f"{counts['unchanged']} unchanged."
    ]
    if recorded.not_written:
        lines.append(
            "Linked but not computable, their actuals left as they were: "
            + ", ".join(recorded.not_written)
        )
    if recorded.unlinked:
        lines.append("Computable but linked to no indicator: " + ", ".join(recorded.unlinked))
    return "\n".join(lines)
