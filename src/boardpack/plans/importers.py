"""The plan tracker importer: the kind `plan` of the one import pipeline (registered by
PlansConfig.ready), run by `boardpack import plan FILE --name …` and later the web upload and
the API through `run_import`. The format is in docs/plans-import-export.md.
"""

from __future__ import annotations

from collections import Counter

from django.db.models import CharField

from boardpack.core.brag import BRAG_ORDER
from boardpack.lib.importing import (
    ErrorCollector,
    ImportReport,
    ImportRun,
    Kind,
    Workbook,
    WorkbookImporter,
)
from boardpack.plans.models import Plan
from boardpack.plans.services import ImportOutcome, plan_import
from boardpack.plans.tracker import read_tracker
from boardpack.plans.tracker_data import Tracker


def _name_length() -> int | None:
    field = Plan._meta.get_field("name")
    return field.max_length if isinstance(field, CharField) else None


NAME_LENGTH = _name_length()


class PlanImporter(WorkbookImporter[Tracker]):
    """A tracker's sheets into the plan named by the option `name`."""

    def __init__(self, run: ImportRun) -> None:
        self.plan_name = " ".join(run.options.get("name", "").split())
        self.user = run.user

    def check(self, table: Workbook, errors: ErrorCollector) -> Tracker:
        if not self.plan_name:
            errors.add(None, None, "the plan needs a name (--name)")
        elif NAME_LENGTH and len(self.plan_name) > NAME_LENGTH:
            errors.add(None, None, f"the plan's name is longer than {NAME_LENGTH} characters")
        return read_tracker(table.sheets, errors)

    def apply(self, plan: Tracker, report: ImportReport) -> None:
        outcome = plan_import(
            name=self.plan_name, tracker=plan, source_file=report.file, user=self.user
        )
        for counted in ("created", "updated", "unchanged"):
            setattr(report, counted, outcome.counts[counted])
        report.notes = summary(plan, outcome)


def summary(tracker: Tracker, outcome: ImportOutcome) -> list[str]:
    """The report's lines after the counts: the plan, what was read and every flagged cell."""
    plan = outcome.plan
    brag = Counter(a.brag.status for a in tracker.actions)
    lines = [f"plan: {plan.slug} ({plan.name})"]
    if plan.period:
        dates = f" ({plan.period_start} to {plan.period_end})" if plan.period_start else ""
        lines.append(f"period: {plan.period}{dates}")
    sheets = [repr(sheet.name) if sheet.name else "the CSV file" for sheet in tracker.sheets]
    lines.append("sheets read: " + ", ".join(sheets))
    if tracker.skipped_sheets:
        skipped = ", ".join(repr(name) for name in tracker.skipped_sheets)
        lines.append(f"sheets skipped (no header row): {skipped}")
    lines += [
        f"objectives: {len(tracker.objectives)}",
        f"actions: {len(tracker.actions)} ({outcome.counts['removed']} removed)",
        f"progress entries: {sum(len(a.entries) for a in tracker.actions)}",
        "BRAG: "
        + ", ".join(f"{status.label} {brag[status]}" for status in BRAG_ORDER)
        + f", none {brag[None]}",
        f"duplicates linked: {sum(a.duplicate_of is not None for a in tracker.actions)}",
        f"linked by exact name: {outcome.linked_people} responsible people, "
        f"{outcome.linked_units} responsible services, {outcome.linked_indicators} metrics "
        "to indicators",
    ]
    flags = tracker.flags
    lines.append(f"flagged cells: {len(flags)}")
    lines += [f"  {flag}" for flag in flags]
    return lines


KINDS = (
    Kind(
        "plan",
        "Delivery plan tracker",
        PlanImporter,
        options={"name": "the plan's name"},
    ),
)
