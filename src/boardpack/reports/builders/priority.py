"""The priority report (issue 4, seed 000), built from the database as a document.

A priority is a plan's objective (priority 1 of the Council Business Plan: "Safe &
Protected"). Its success measures are its actions' linked indicators, judged for the chosen
period by the scorecard's one rule (actual, target, symbol); its milestones are the linked
milestone indicators (due, completion). Then each action: its owner (the responsible role as
written), its measure, its activity updates (the progress log) and its completion.
A fixed number of queries however many actions.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from boardpack.core.periods import Month
from boardpack.core.symbols import Scheme
from boardpack.plans.models import Action, Objective, Plan, ProgressEntry
from boardpack.plans.presenters import brag_view
from boardpack.reports.builders.delivery_plan import timescale_text
from boardpack.reports.builders.quarterly import mark
from boardpack.reports.document import Cell, Document, Paragraph, Section, Table
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.presenters import figures, period_title
from boardpack.scorecard.selectors import StatusRow, indicators_for_scorecard, status_rows

NOT_JUDGED = "Not judged (figures as written)"
FIGURE_WIDTHS = (46, 14, 14, 26)
"""The measure (or milestone) and its three figures."""


@dataclass(frozen=True)
class PriorityQuery:
    plan: Plan
    objective: Objective
    month: Month


def priority_title(objective: Objective) -> str:
    return f"Priority {objective.number} – {objective.title}"


def _actions(objective: Objective) -> list[Action]:
    return list(
        objective.actions.select_related("metric_indicator")
        .prefetch_related("progress_entries")
        .order_by("order", "pk")
    )


def _rows(actions: list[Action], month: Month, scheme: Scheme) -> dict[int, StatusRow]:
    """Each linked indicator judged for the month (status_rows: five queries)."""
    ids = {a.metric_indicator_id for a in actions if a.metric_indicator_id is not None}
    if not ids:
        return {}
    chosen = indicators_for_scorecard().filter(pk__in=ids)
    return {row.indicator.pk: row for row in status_rows(month, indicators=chosen, scheme=scheme)}


def _is_milestone(row: StatusRow) -> bool:
    return row.indicator.kind == Indicator.Kind.MILESTONE


def _measure_row(action: Action, rows: dict[int, StatusRow]) -> tuple[Cell, ...] | None:
    """The action's success measure: its indicator judged, or its metric as written."""
    row = rows.get(action.metric_indicator_id) if action.metric_indicator_id else None
    if row is not None and not _is_milestone(row):
        actual, target = figures(row)
        indicator = row.indicator
        return (
            Cell(f"{indicator.title} ({indicator.code})"),
            Cell(actual, row.actual, indicator.decimals) if row.actual is not None else Cell(""),
            Cell(target, row.target, indicator.decimals) if row.target is not None else Cell(""),
            Cell("", mark=mark(row.symbol)),
        )
    if row is None and action.metric and (action.current_text or action.target_text):
        return (
            Cell(action.metric),
            Cell(action.current_text),
            Cell(action.target_text),
            Cell(NOT_JUDGED),
        )
    return None


def _milestone_row(action: Action, rows: dict[int, StatusRow]) -> tuple[Cell, ...] | None:
    row = rows.get(action.metric_indicator_id) if action.metric_indicator_id else None
    if row is None or not _is_milestone(row):
        return None
    indicator = row.indicator
    due = f"{indicator.due_date:%B %Y}" if indicator.due_date else "No due date"
    done = indicator.completed_date
    completed = f"{done:%B %Y}" if done and done <= row.month.end else "Not completed"
    return (Cell(indicator.title), Cell(due), Cell(completed), Cell("", mark=mark(row.symbol)))


def _measure_table(caption: str, label: str, rows: list[tuple[Cell, ...]]) -> Table:
    return Table(
        caption=caption,
        header=("Success measure", f"Actual {label}", f"Target {label}", f"Symbol {label}"),
        rows=tuple(rows),
        widths=FIGURE_WIDTHS,
    )


def _milestone_table(caption: str, rows: list[tuple[Cell, ...]]) -> Table:
    return Table(
        caption=caption,
        header=("Milestone", "Due", "Completion", "Status"),
        rows=tuple(rows),
        widths=FIGURE_WIDTHS,
    )


def _unique(rows: list[tuple[Cell, ...] | None]) -> list[tuple[Cell, ...]]:
    """Each measure once, in the order the actions name them."""
    seen: dict[str, tuple[Cell, ...]] = {}
    for row in rows:
        if row is not None:
            seen.setdefault(row[0].text, row)
    return list(seen.values())


def _update_when(entry: ProgressEntry) -> str:
    return entry.marker or (f"{entry.date:%d/%m/%Y}" if entry.date else "")


def completion(action: Action) -> str:
    """When the action is due and whether it is done: its timescale and its BRAG status."""
    parts = [timescale_text(action).replace("\n", " ")]
    if action.brag:
        view = brag_view(action.brag)
        parts.append(f"{view.label}: {view.definition[0].lower()}{view.definition[1:]}")
    return "; ".join(p for p in parts if p) or "No timescale or BRAG status recorded"


def _action_section(action: Action, rows: dict[int, StatusRow], label: str) -> Section:
    owner = "; ".join(line.strip() for line in action.responsible.splitlines() if line.strip())
    heading = f"Action {action.ref or '(no ref)'}: {owner or 'no owner named'}"
    blocks: list[Paragraph | Table] = [Paragraph(action.activity, "lead")]
    if measure := _measure_row(action, rows):
        blocks.append(_measure_table(f"Success measure, {label}", label, [measure]))
    if milestone := _milestone_row(action, rows):
        blocks.append(_milestone_table("Milestone", [milestone]))
    entries = list(action.progress_entries.all())
    blocks.append(
        Table(
            caption="Activity updates",
            header=("Date", "Activity update"),
            rows=tuple((Cell(_update_when(e)), Cell(e.text or e.raw)) for e in entries)
            or ((Cell(""), Cell("No activity update recorded")),),
            widths=(14, 86),
        )
    )
    blocks.append(Paragraph(f"Completion: {completion(action)}"))
    return Section(heading, 2, tuple(blocks))


def build_priority(query: PriorityQuery, *, scheme: Scheme) -> Document:
    objective, month = query.objective, query.month
    actions = _actions(objective)
    rows = _rows(actions, month, scheme)
    label = f"Q{month.quarter} {month.fy_label}" if month.is_quarter_end else month.label
    measures = _unique([_measure_row(a, rows) for a in actions])
    milestones = _unique([_milestone_row(a, rows) for a in actions])
    blocks: list[Paragraph | Table] = []
    if objective.aim:
        blocks.append(Paragraph(objective.aim, "lead"))
    blocks.append(
        _measure_table("Success measures", label, measures)
        if measures
        else Paragraph("No action of this priority is linked to a measure.")
    )
    if milestones:
        blocks.append(_milestone_table("Milestones", milestones))
    title = priority_title(objective)
    sections = [
        Section(title, 1, tuple(blocks), sheet="Priority"),
        Section("Actions", 1, page_break=True, sheet="Actions"),
        *(_action_section(a, rows, label) for a in actions),
    ]
    return Document(
        title=f"{title}: {period_title(month)}",
        authority=settings.BOARDPACK_AUTHORITY_NAME,
        data_date=month.end,
        cover_lines=(
            query.plan.name,
            f"Data as at {month.end:%d %B %Y}",
            f"{len(actions)} actions, {len(measures)} success measures, "
            f"{len(milestones)} milestones",
        ),
        sections=tuple(sections),
    )
