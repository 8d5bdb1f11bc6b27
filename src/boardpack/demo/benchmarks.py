"""The demo's benchmarks: the published LAIT figures in seed/lait (a copy of the Department for
Education's files, with their attribution) and links from the demo indicators that have a
published equivalent."""

from __future__ import annotations

import time
from pathlib import Path

from boardpack.benchmarks.models import Measure
from boardpack.benchmarks.services import link_save
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.scorecard.models import Indicator

LAIT_DIR = Path(__file__).resolve().parent / "seed" / "lait"
DEMO_LINKS = {
    "2042SC": "LAC",
    "2023SC": "CPP_rate",
    "2016SC": "ReReferral",
    "NI062": "LACStable_2016on",
    "NI063": "LAC_LongStable%",
    "NI064": "CPPlans2yrs",
    "NI065": "PrevRegCPR",
    "NI067": "RevCP",
    "NI147": "CareLeaverAcc",
    "NI148": "CareLeaverEET",
    "CS144": "LACHealth%",
    "CS145": "LACDental%",
    "CS146": "LACVaccinations%",
    "PAF C23": "%_of LAC Adopted",
}
"""Demo indicator → published measure with the same definition (the seeds' NI and PAF codes
and the council's own codes for the looked-after and child-protection rates)."""


def link_demo_indicators() -> int:
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=DEMO_LINKS)}
    measures = {m.code: m for m in Measure.objects.filter(code__in=DEMO_LINKS.values())}
    linked = 0
    for code, measure in DEMO_LINKS.items():
        if code in indicators and measure in measures:
            link_save(
                indicator=indicators[code],
                measure=measures[measure],
                polarity="",
                user=None,
                reason="demo data",
            )
            linked += 1
    return linked


def load_demo_benchmarks() -> str:
    """Import every published figure, then link the demo indicators."""
    start = time.perf_counter()
    report = run_import("benchmarks", Source.at(LAIT_DIR), user=None)
    seconds = time.perf_counter() - start
    linked = link_demo_indicators()
    return (
        f"Benchmarks: {report.rows:,} rows from seed/lait in {seconds:.1f} s; "
        f"{linked} demo indicators linked to published measures"
    )
