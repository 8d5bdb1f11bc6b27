"""Fixtures of the benchmarks tests: the hand-made files of tests/benchmarks/files.py, imported,
and the demo indicators linked to their measures."""

from pathlib import Path

import pytest

from boardpack.benchmarks.models import Measure
from boardpack.benchmarks.services import link_save
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.scorecard.models import Indicator
from tests.benchmarks.files import write_all

LINKS = {"2042SC": "RATE", "NI148": "PCT", "NI065": "LOWP"}


@pytest.fixture
def bench_dir(tmp_path: Path) -> Path:
    return write_all(tmp_path / "lait")


@pytest.fixture
def loaded(db, bench_dir):
    return run_import("benchmarks", Source.at(bench_dir), user=None)


def link(code: str, measure: str, polarity: str = "") -> None:
    link_save(
        indicator=Indicator.objects.get(code=code),
        measure=Measure.objects.get(code=measure),
        polarity=polarity,
        user=None,
        reason="test",
    )


@pytest.fixture
def linked(demo_data, loaded):
    for code, measure in LINKS.items():
        link(code, measure)
