"""The delivery-plan report (issue 5, seed 002), built from the database as a document.

A BRAG summary per objective; then each objective's aim and its open actions (ref, activity,
latest progress, responsible, timescale, BRAG); then the completed (Blue) actions gathered at
the end under their objectives, as the seed's tracker gathers them. Every action appears once.
A fixed number of queries however many actions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Max

from boardpack.core.brag import BRAG_ORDER, Brag
from boardpack.plans.models import Action, BragChange, Objective, Plan, ProgressEntry
from boardpack.plans.presenters import NO_STATUS, brag_view, due_text, latest_entry
from boardpack.plans.selectors import actions_filtered, plan_summary
from boardpack.reports.builders.bars import status_bars
from boardpack.reports.document import Cell, Document, Mark, Paragraph, Section, Table

ACTION_HEADER = ("Ref", "Activity", "Latest progress", "Responsible", "Timescale", "BRAG")
ACTION_WIDTHS = (6, 24, 32, 16, 11, 11)
IMPORT_REASON = "import: "
"""How an import names its BRAG changes (plans.import_writes): the import's clock is not the
data's date, so these are left out of the report's date."""
NO_OBJECTIVE = "Actions without an objective"


@dataclass(frozen=True)
class PlanReportQuery:
    plan: Plan


def brag_mark(value: str | Brag | None) -> Mark:
    """A BRAG status as printed: its shape, its word and its colour key (`none` for none)."""
    view = brag_view(value)
    return Mark(view.key, view.glyph, view.label)


def count_cell(count: int) -> Cell:
    return Cell(str(count), Decimal(count))


def _summary(plan: Plan) -> Section:
    summary = plan_summary(plan)
    columns = (*BRAG_ORDER, None)

    def row(label: str, counts: dict[Brag | None, int]) -> tuple[Cell, ...]:
        return (
            Cell(label),
            *(count_cell(counts.get(status, 0)) for status in columns),
            count_cell(sum(counts.values())),
        )

    marks = [brag_mark(status) for status in columns]
    counted = [
        *((_objective_title(s.objective), dict(s.counts)) for s in summary.objectives if s.total),
        ("All objectives", dict(summary.totals)),
    ]
    table = Table(
        caption="Actions by objective and BRAG status",
        header=("Objective", *(f"{m.glyph} {m.text}" for m in marks), "Total"),
        rows=tuple(row(label, counts) for label, counts in counted),
        row_headers=True,
        widths=(40, 9, 9, 9, 9, 14, 10),
    )
    chart = status_bars(
        "Actions by objective and BRAG status",
        [
            (label, [(m, counts.get(status, 0)) for m, status in zip(marks, columns, strict=True)])
            for label, counts in counted
        ],
        table,
    )
    definitions = Table(
        caption="What the BRAG statuses mean",
        header=("Status", "Meaning"),
        rows=tuple(
            (Cell("", mark=brag_mark(status), filled=True), Cell(brag_view(status).definition))
            for status in columns
        ),
        widths=(20, 80),
    )
    return Section("BRAG summary", 1, (chart, definitions), sheet="Summary")


def _objective_title(objective: Objective | None) -> str:
    return f"Objective {objective.number} – {objective.title}" if objective else NO_OBJECTIVE


def _short(objective: Objective | None) -> str:
    return f"Objective {objective.number}" if objective else NO_OBJECTIVE


def timescale_text(action: Action) -> str:
    """The timescale as written, and the due date read from it where it says more."""
    written = " ".join(action.timescale_text.split())
    due = due_text(action)
    if not written:
        return due if action.due_date or action.ongoing else ""
    return f"{written}\n(due {due})" if action.due_date else written


def progress_text(entry: ProgressEntry | None) -> str:
    return " ".join(entry.raw.split()) if entry is not None else "No progress recorded"


def _action_row(action: Action) -> tuple[Cell, ...]:
    return (
        Cell(action.ref or "(no ref)"),
        Cell(action.activity),
        Cell(progress_text(latest_entry(action))),
        Cell(action.responsible),
        Cell(timescale_text(action)),
        Cell("", mark=brag_mark(action.brag), filled=True),
    )


def _actions_table(caption: str, actions: Iterable[Action]) -> Table:
    return Table(
        caption=caption,
        header=ACTION_HEADER,
        rows=tuple(_action_row(a) for a in actions),
        widths=ACTION_WIDTHS,
    )


def _by_objective(actions: list[Action]) -> dict[int | None, list[Action]]:
    found: dict[int | None, list[Action]] = {}
    for action in actions:
        found.setdefault(action.objective_id, []).append(action)
    return found


def _objective_section(
    objective: Objective | None, actions: list[Action], *, first: bool
) -> Section:
    title = _objective_title(objective)
    blocks: list[Paragraph | Table] = []
    if objective is not None and objective.aim:
        blocks.append(Paragraph(objective.aim, "lead"))
    if objective is not None and objective.how_achieve:
        blocks.append(Paragraph(f"How will we achieve this: {objective.how_achieve}"))
    if actions:
        blocks.append(_actions_table(f"{_short(objective)}: open actions", actions))
    else:
        blocks.append(Paragraph("Every action of this objective is complete: see Completed."))
    sheet = f"Objective {objective.number}" if objective else "No objective"
    return Section(title, 1, tuple(blocks), page_break=first, sheet=sheet)


def _data_date(plan: Plan) -> date:
    """The date of the newest update: a dated progress entry or a BRAG change confirmed by a
    person; else the plan's start, else when it was recorded. Never the clock's."""
    progress = ProgressEntry.objects.filter(action__plan=plan).aggregate(last=Max("date"))["last"]
    confirmed = (
        BragChange.objects.filter(action__plan=plan, confirmed=True)
        .exclude(reason__startswith=IMPORT_REASON)
        .aggregate(last=Max("confirmed_at"))["last"]
    )
    found = [d for d in (progress, confirmed.date() if confirmed else None) if d is not None]
    if found:
        return max(found)
    if plan.period_start:
        return plan.period_start
    first = plan.history.order_by("history_date").first()  # type: ignore[attr-defined]
    return first.history_date.date() if first else date(2000, 1, 1)


def build_delivery_plan(query: PlanReportQuery) -> Document:
    plan = query.plan
    actions = actions_filtered(plan)
    objectives: list[Objective | None] = list(plan.objectives.all())
    open_actions = _by_objective([a for a in actions if a.brag != Brag.BLUE.value])
    completed = _by_objective([a for a in actions if a.brag == Brag.BLUE.value])
    if None in open_actions or None in completed:
        objectives.append(None)
    sections = [_summary(plan)]
    for number, objective in enumerate(objectives):
        key = objective.pk if objective else None
        sections.append(_objective_section(objective, open_actions.get(key, []), first=not number))
    sections.append(
        Section(
            "Completed actions (Blue)",
            1,
            (Paragraph(f"{sum(map(len, completed.values()))} actions complete and closed."),),
            page_break=True,
            sheet="Completed (Blue)",
        )
    )
    for objective in objectives:
        done = completed.get(objective.pk if objective else None)
        if done:
            title = _objective_title(objective)
            table = _actions_table(f"{_short(objective)}: completed actions", done)
            sections.append(Section(title, 2, (table,)))
    data_date = _data_date(plan)
    cover = [
        "Delivery-plan report",
        plan.period,
        f"Overseen by the {plan.board.name}" if plan.board else "",
        f"Part of the {plan.parent.name}" if plan.parent else "",
        f"{len(actions)} actions under {sum(o is not None for o in objectives)} objectives; "
        f"{NO_STATUS.lower()}: {sum(1 for a in actions if not a.brag)}",
        f"Progress recorded to {data_date:%d %B %Y}",
    ]
    return Document(
        title=plan.name,
        authority=settings.BOARDPACK_AUTHORITY_NAME,
        data_date=data_date,
        cover_lines=tuple(line for line in cover if line),
        sections=tuple(sections),
        landscape=True,
    )
