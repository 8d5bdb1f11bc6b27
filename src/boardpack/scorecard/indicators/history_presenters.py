"""Turn django-simple-history records into who changed what, when and why: old → new."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import Model

from boardpack.accounts.selectors import login_name
from boardpack.core.periods import Month
from boardpack.core.status import Tolerance
from boardpack.scorecard.indicators.selectors import Revision
from boardpack.scorecard.models import Actual, Comment, Indicator, Target


def person_name(user: Any) -> str:
    """The person behind a login, else the username; 'System' where no one was signed in."""
    return login_name(user) or "System"


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime
    who: str
    what: str
    action: str
    changes: list[Change]
    reason: str


TRACKED: dict[str, tuple[type[Model], tuple[str, ...], tuple[str, ...]]] = {
    "indicator": (
        Indicator,
        (
            "code",
            "title",
            "definition",
            "kind",
            "directorate",
            "service",
            "owner",
            "polarity",
            "unit",
            "decimals",
            "frequency",
            "cumulative",
            "data_source",
            "due_date",
            "completed_date",
            "spc_baseline",
        ),
        ("code", "title"),
    ),
    "target": (Target, ("value",), ("value",)),
    "actual": (Actual, ("value", "provisional"), ("value", "provisional")),
    "comment": (Comment, ("subject", "text", "author", "state"), ("subject", "state")),
}
"""kind: (model, fields compared, fields listed when a record is created or deleted)."""
LABELS = {
    "directorate": "Director",
    "decimals": "Decimal places",
    "state": "State",
    "spc_baseline": "SPC baseline",
}
TOLERANCES = (("worse", "Tolerance (worse)"), ("better", "Tolerance (better)"))
ACTIONS = {"+": "Created", "~": "Changed", "-": "Deleted"}


def _shown(model: type[Model], name: str, value: Any) -> str:
    """A stored value as the history shows it: labels for choices, exact decimals, UK dates."""
    if value is None or value == "":
        return "(blank)"
    choices = dict(model._meta.get_field(name).flatchoices)
    if choices and value in choices:
        return str(choices[value])
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def _label(model: type[Model], name: str) -> str:
    return LABELS.get(name) or str(model._meta.get_field(name).verbose_name).capitalize()


def _tolerance(record: Any, side: str) -> str:
    text = str(
        Tolerance(
            getattr(record, f"{side}_tolerance"), getattr(record, f"{side}_tolerance_relative")
        )
    )
    return text or "0"


def _changes(revision: Revision) -> list[Change]:
    model, compared, listed = TRACKED[revision.kind]
    record, before = revision.record, revision.previous
    if record.history_type == "-" or before is None:
        gone = record.history_type == "-"
        return [
            Change(
                _label(model, name),
                _shown(model, name, getattr(record, name)) if gone else "",
                "" if gone else _shown(model, name, getattr(record, name)),
            )
            for name in listed
        ]
    delta = record.diff_against(before, included_fields=compared, foreign_keys_are_objs=True)
    changes = [
        Change(_label(model, c.field), _shown(model, c.field, c.old), _shown(model, c.field, c.new))
        for c in sorted(delta.changes, key=lambda c: compared.index(c.field))
    ]
    if revision.kind == "indicator":
        for side, label in TOLERANCES:
            old, new = _tolerance(before, side), _tolerance(record, side)
            if old != new:
                changes.append(Change(label, old, new))
        if revision.tags != revision.previous_tags:
            changes.append(
                Change(
                    "Plan tags",
                    ", ".join(revision.previous_tags) or "(none)",
                    ", ".join(revision.tags) or "(none)",
                )
            )
    return changes


def _what(revision: Revision) -> str:
    record = revision.record
    if revision.kind == "indicator":
        return "Indicator"
    label = Month.of(record.period).label
    if revision.kind == "comment":
        return f"Commentary {label}: {record.subject}"
    return f"{revision.kind.capitalize()} {label}"


def history_entries(revisions: list[Revision]) -> list[HistoryEntry]:
    return [
        HistoryEntry(
            when=r.record.history_date,
            who=person_name(r.record.history_user),
            what=_what(r),
            action=ACTIONS.get(r.record.history_type, r.record.history_type),
            changes=_changes(r),
            reason=r.record.history_change_reason or "",
        )
        for r in revisions
    ]
