"""boardpack synth --children N --years Y --seed S --out DIR [--end-year 2024]
[--cin-form xml|csv] [--ssda903-form csv|xml]"""

from argparse import ArgumentTypeError
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from boardpack.calc.synth import write_synthetic


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


class Command(BaseCommand):
    help = (
        "Write coherent synthetic SSDA903 and Children in Need returns and a population file, "
        "the same bytes for the same arguments (docs/calc-inputs.md). Nothing real is written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--children",
            type=_positive,
            required=True,
            help="about the number looked after at each 31 March; the rest scales with it",
        )
        parser.add_argument("--years", type=_positive, required=True, help="collection years")
        parser.add_argument("--seed", type=int, required=True)
        parser.add_argument("--out", type=Path, required=True, help="a new or empty folder")
        parser.add_argument(
            "--end-year", type=int, default=2024, help="the last collection year (to 31 March)"
        )
        parser.add_argument("--cin-form", choices=("xml", "csv"), default="xml")
        parser.add_argument("--ssda903-form", choices=("csv", "xml"), default="csv")

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path = options["out"]
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise CommandError(f"--out: {out} is not an empty folder")
        years, end = options["years"], options["end_year"]
        write_synthetic(
            out,
            children=options["children"],
            years=years,
            seed=options["seed"],
            end_year=end,
            ssda903_form=options["ssda903_form"],
            cin_form=options["cin_form"],
        )
        files = [p for p in out.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        self.stdout.write(
            f"{out}: synthetic returns for the collection years {end - years + 1} to {end}, "
            f"{len(files)} files, {size / 1e6:.1f} MB: ssda903/, cin/, population.csv"
        )
