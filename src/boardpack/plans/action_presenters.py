"""One action's page: every field, its progress log, its BRAG changes and its history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.urls import reverse

from boardpack.core.brag import Brag
from boardpack.plans.columns import column_key
from boardpack.plans.models import Action, BragChange, Plan, TimescaleResolution
from boardpack.plans.presenters import BragView, brag_view, due_text, latest_entry, urgency
from boardpack.plans.selectors import ActionHistory, Horizon, action_history
from boardpack.scorecard.indicators.history_presenters import Change, person_name

FIELD_LABELS = {
    "objective": "Objective",
    "ref": "Ref",
    "parent_refs": "Refs into the parent plan",
    "activity": "Activity",
    "evidence": "Evidence",
    "metric": "Metric",
    "metric_indicator": "Metric indicator",
    "current_text": "Current data and date",
    "target_text": "Target data and date",
    "responsible": "Responsible",
    "timescale_text": "Timescale as written",
    "due_date": "Due date",
    "ongoing": "Ongoing",
    "flags": "Flags",
    "brag": "BRAG",
    "duplicate_of": "Duplicate of",
}
"""The fields of an action the page and its history show, in order, with their labels."""
NOT_GIVEN = "None given"


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    text: str
    link: str = ""
    """A page the value links to (the metric's indicator, the duplicated action)."""


def _links(action: Action) -> str:
    names = [f"{p.name} (person)" for p in action.responsible_people.all()]
    names += [f"{u.name} ({u.get_kind_display().lower()})" for u in action.responsible_units.all()]
    return "; ".join(names)


def action_fields(action: Action, plan: Plan) -> list[Field]:
    """Every field of the action as (label, text), blanks said in words."""
    refs_label = f"Refs into the {plan.parent.name}" if plan.parent else FIELD_LABELS["parent_refs"]
    indicator = action.metric_indicator
    linked = _links(action)
    fields = [
        Field("ref", "Ref", action.ref or "(no ref)"),
        Field("parent_refs", refs_label, action.parent_refs or NOT_GIVEN),
        Field("activity", "Activity", action.activity or NOT_GIVEN),
        Field("evidence", "Evidence", action.evidence or NOT_GIVEN),
        Field("metric", "Metric", action.metric or NOT_GIVEN),
        Field(
            "metric_indicator",
            "Metric indicator",
            f"{indicator.code}: {indicator.title}" if indicator else "Not linked to an indicator",
            reverse("indicator", args=[indicator.pk]) if indicator else "",
        ),
        Field("current_text", "Current data and date", action.current_text or NOT_GIVEN),
        Field("target_text", "Target data and date", action.target_text or NOT_GIVEN),
        Field("responsible", "Responsible (as written)", action.responsible or NOT_GIVEN),
        Field("responsible_links", "Leads in Boardpack", linked or "No person or service linked"),
        Field("timescale_text", "Timescale as written", action.timescale_text or NOT_GIVEN),
        Field("due_date", "Due date", due_text(action)),
        Field("brag", "BRAG", brag_view(action.brag).label),
    ]
    if action.duplicate_of is not None:
        duplicate = action.duplicate_of
        fields.append(
            Field(
                "duplicate_of",
                "Duplicate of",
                f"{duplicate.ref or '(no ref)'}: {duplicate.activity[:80]}",
                reverse("plan-action", args=[plan.slug, duplicate.pk]),
            )
        )
    for other in action.duplicates.all():
        fields.append(
            Field(
                "duplicated_by",
                "Duplicated by",
                f"{other.ref or '(no ref)'}: {other.activity[:80]}",
                reverse("plan-action", args=[plan.slug, other.pk]),
            )
        )
    for header, text in action.source_cells.items():
        if column_key(header) is None:
            fields.append(Field("other", f"Column {header} (not read)", str(text)))
    where = f"sheet {action.sheet!r}, row {action.source_row}" if action.sheet else ""
    if action.source_row:
        fields.append(Field("source", "Imported from", where or f"row {action.source_row}"))
    return fields


@dataclass(frozen=True)
class EntryView:
    date: date | None
    when: str
    """The date as written (`14.05.19`, `July 19`) or "Undated"."""
    author: str
    text: str
    added_by: str
    """Who added it in Boardpack; blank for an imported entry."""
    flags: list[str]


def progress_log(action: Action) -> list[EntryView]:
    """The log in the order written, each entry with its date as written."""
    return [
        EntryView(
            date=e.date,
            when=e.marker or (f"{e.date:%d/%m/%Y}" if e.date else "Undated"),
            author=e.author,
            text=e.text or e.raw,
            added_by=person_name(e.created_by) if e.source == "form" else "",
            flags=list(e.flags),
        )
        for e in action.progress_entries.all()
    ]


@dataclass(frozen=True)
class BragChangeView:
    change: BragChange
    brag: BragView
    previous: BragView
    by: str
    confirmed_by: str


def brag_changes(action: Action) -> list[BragChangeView]:
    """Every proposal and change, newest first."""
    changes = sorted(action.brag_changes.all(), key=lambda c: (c.at, c.pk), reverse=True)
    return [
        BragChangeView(
            change=c,
            brag=brag_view(c.brag),
            previous=brag_view(c.previous),
            by=person_name(c.by),
            confirmed_by=person_name(c.confirmed_by) if c.confirmed else "",
        )
        for c in changes
    ]


@dataclass(frozen=True)
class ResolutionView:
    resolution: TimescaleResolution
    due: str
    by: str


def resolutions(action: Action) -> list[ResolutionView]:
    return [
        ResolutionView(
            resolution=r,
            due=(f"{r.due_date:%d/%m/%Y}" if r.due_date else "No due date")
            + (", ongoing" if r.ongoing else ""),
            by=person_name(r.by),
        )
        for r in sorted(action.timescale_resolutions.all(), key=lambda r: (r.at, r.pk))
    ]


@dataclass(frozen=True)
class HistoryView:
    when: datetime
    who: str
    action: str
    reason: str
    changes: list[Change]


HISTORY_TYPES = {"+": "Created", "~": "Changed", "-": "Deleted"}


def _shown(name: str, value: Any, names: dict[str, dict[int, str]]) -> str:
    if value is None or value == "" or value == []:
        return "(blank)"
    if name in names:
        return names[name].get(value, f"(removed, id {value})")
    if name == "brag":
        return brag_view(value).label
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def field_history(history: ActionHistory) -> list[HistoryView]:
    """Who changed which field, when and why, newest first."""
    views = []
    previous = None
    order = list(FIELD_LABELS)
    for record in history.records:
        changes: list[Change] = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous, included_fields=order)
            changes = [
                Change(
                    FIELD_LABELS[c.field],
                    _shown(c.field, c.old, history.names),
                    _shown(c.field, c.new, history.names),
                )
                for c in sorted(delta.changes, key=lambda c: order.index(c.field))
            ]
        views.append(
            HistoryView(
                when=record.history_date,
                who=person_name(record.history_user),
                action=HISTORY_TYPES.get(record.history_type, record.history_type),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
        previous = record
    return list(reversed(views))


def action_context(plan: Plan, action: Action, *, horizon: Horizon, today: date) -> dict[str, Any]:
    """What the action's page shows of it, for every reader."""
    changes = brag_changes(action)
    return {
        "plan": plan,
        "action": action,
        "brag": brag_view(action.brag),
        "urgency": urgency(action, as_of=today, horizon=horizon),
        "fields": action_fields(action, plan),
        "flags": action.flags,
        "log": progress_log(action),
        "latest": latest_entry(action),
        "pending": [c for c in changes if not c.change.confirmed],
        "changes": changes,
        "resolutions": resolutions(action),
        "history": field_history(action_history(action)),
    }


def ref_text(action: Action) -> str:
    return action.ref or "(no ref)"


def proposed_message(status: Brag, action: Action) -> str:
    return (
        f"{status.label} proposed for action {ref_text(action)}: "
        "it counts once the programme manager confirms it."
    )


def resolved_message(action: Action) -> str:
    return f"The timescale of action {ref_text(action)} ({action.plan.name}) is resolved."
