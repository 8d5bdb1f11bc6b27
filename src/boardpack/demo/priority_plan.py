"""The demo's Council Business Plan 2012/13: priority 1 of seed 000, for the priority report."""

from pathlib import Path

from boardpack.accounts.services import person_get_or_create
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source

SEED_DIR = Path(__file__).resolve().parent / "seed"
PRIORITY_PLAN_FILE = "council-business-plan.xlsx"
PRIORITY_PLAN_NAME = "Council Business Plan 2012/13"
OWNERS_NOT_IN_THE_SCORECARD = ("Head of Inclusion Service",)
"""Action owners who own no demo indicator: created first so the import links them (the others
are the scorecard's indicator owners already)."""


def load_demo_priority_plan() -> str:
    """Import the tracker after the scorecard: its Metric cells name demo indicators by code."""
    for owner in OWNERS_NOT_IN_THE_SCORECARD:
        person_get_or_create(name=owner)
    source = Source.at(SEED_DIR / PRIORITY_PLAN_FILE)
    report = run_import("plan", source, user=None, options={"name": PRIORITY_PLAN_NAME})
    return str(report)
