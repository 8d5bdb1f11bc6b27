"""A small synthetic authority, written once for the module, and helpers to run `boardpack calc`.

Three collection years (2022 to 2024) are enough for every measure of the year to March 2024,
the ones that look back over earlier years included.
"""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from boardpack.calc.synth import write_synthetic

PERIOD = "2024-03"


@pytest.fixture(scope="session")
def returns(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("returns")
    write_synthetic(root, children=80, years=3, seed=5, cin_form="csv")
    return root


def sources(root: Path, *, population: Path | None = None) -> list[str]:
    """Every input as `boardpack calc` options; ``population`` replaces the synthetic one."""
    return [
        "--ssda903",
        str(root / "ssda903"),
        "--cin",
        str(root / "cin"),
        "--population",
        str(population or root / "population.csv"),
    ]


def calc(*args: str) -> str:
    """Run `boardpack calc ...` and return what it printed."""
    out = io.StringIO()
    call_command("calc", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def run_json(*args: str) -> dict[str, dict]:
    """`boardpack calc run ... --format json`, by measure."""
    rows = json.loads(calc("run", *args, "--period", PERIOD, "--format", "json"))
    return {row["measure"]: row for row in rows}
