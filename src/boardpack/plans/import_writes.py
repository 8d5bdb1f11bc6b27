"""Writing a tracker read by the importer into a plan, in one transaction.

Importing into an existing plan (the same `--name`) makes the plan's content the file's: each
action is matched by its sheet, objective, ref and (for a ref used twice) its place; matched
actions are updated only where a cell changed, new ones created, those no longer in the file
removed (their history stays); an action that only moved (a row added above it) has its place
updated without a history row. A BRAG that differs from the action's is a new confirmed BRAG
change by the importing user. Progress entries added in Boardpack are kept, and so is a
timescale resolved by hand while its text is unchanged. The same file imported twice changes
nothing: no rows, no history.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from boardpack.accounts.models import OrgUnit, Person
from boardpack.lib.audit import User, account, apply, audited
from boardpack.plans.models import Action, BragChange, Objective, Plan, ProgressEntry
from boardpack.plans.resolutions import keep_resolution, latest_resolution
from boardpack.plans.tracker_data import ActionRow, Tracker
from boardpack.scorecard.models import Indicator

ActionKey = tuple[str, int, str, int]


@dataclass
class ImportOutcome:
    plan: Plan
    counts: Counter[str] = field(default_factory=Counter)
    """created, updated, unchanged and removed actions."""
    linked_people: int = 0
    linked_units: int = 0
    linked_indicators: int = 0


def unique_slug(name: str, plan: Plan | None = None) -> str:
    """The name as a slug (`corporate-parenting-strategy-delivery-plan`), numbered if taken."""
    base = slugify(name)[:280] or "plan"
    taken = set(
        Plan.objects.filter(slug__startswith=base)
        .exclude(pk=getattr(plan, "pk", None))
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Names:
    """People, services and indicators a cell may name exactly (case and spaces aside)."""

    def __init__(self) -> None:
        self.people = {_key(name): pk for pk, name in Person.objects.values_list("pk", "name")}
        self.units = {_key(name): pk for pk, name in OrgUnit.objects.values_list("pk", "name")}
        self.indicators: dict[str, int] = {}
        for pk, code, title in Indicator.objects.values_list("pk", "code", "title"):
            self.indicators.setdefault(_key(title), pk)
            self.indicators[_key(code)] = pk

    def responsible(self, text: str) -> tuple[set[int], set[int]]:
        """The people and services named by the whole cell or by one of its lines."""
        parts = {_key(part) for part in [text, *text.replace(";", "\n").splitlines()]}
        return (
            {self.people[p] for p in parts if p in self.people},
            {self.units[p] for p in parts if p in self.units},
        )


def _fields(row: ActionRow, objective: Objective, names: _Names) -> dict[str, Any]:
    """What the row says; where it sits (its order and row number) is set apart."""
    return {
        "objective": objective,
        "sheet": row.sheet,
        "ref": row.ref,
        "parent_refs": row.text("parent_refs"),
        "activity": row.text("activity"),
        "evidence": row.text("evidence"),
        "metric": row.text("metric"),
        "metric_indicator_id": names.indicators.get(_key(row.text("metric"))),
        "current_text": row.text("current"),
        "target_text": row.text("target"),
        "responsible": row.text("responsible"),
        "timescale_text": row.text("timescale"),
        "due_date": row.timescale.due,
        "ongoing": row.timescale.ongoing,
        "flags": [f"{flag.column}: {flag.reason}" for flag in row.flags],
        "source_cells": row.source_cells,
        "brag": row.brag.status.value if row.brag.status else "",
    }


def _objectives(plan: Plan, tracker: Tracker, user: User, reason: str) -> dict[int, Objective]:
    existing = {o.number: o for o in plan.objectives.all()}
    kept = {}
    for order, read in enumerate(tracker.objectives.values()):
        objective = existing.pop(read.number, None) or Objective(plan=plan, number=read.number)
        fields = {
            "title": read.title,
            "aim": "\n".join(read.aim),
            "how_achieve": "\n".join(read.how),
            "order": order,
            "source_cells": read.cells,
        }
        if apply(objective, fields) or objective.pk is None:
            audited(objective, user, reason)
            objective.save()
        kept[read.number] = objective
    for gone in existing.values():
        audited(gone, user, reason)
        gone.delete()
    return kept


def _entries(action: Action, row: ActionRow, user: User) -> bool:
    """Make the action's imported entries the cell's; entries added in Boardpack stay."""
    current = list(action.progress_entries.all())
    added_here = {e.raw for e in current if e.source == ProgressEntry.Source.FORM}
    wanted = [entry for entry in row.entries if entry.raw not in added_here]
    imported = [e for e in current if e.source == ProgressEntry.Source.IMPORT]
    if [e.raw for e in imported] == [e.raw for e in wanted]:
        return False
    ProgressEntry.objects.filter(pk__in=[e.pk for e in imported]).delete()
    ProgressEntry.objects.bulk_create(
        ProgressEntry(
            action=action,
            date=entry.date,
            author=entry.author or "",
            text=entry.text,
            raw=entry.raw,
            marker=entry.marker or "",
            month_only=entry.month_only,
            flags=list(entry.flags),
            order=order,
            source=ProgressEntry.Source.IMPORT,
            created_by=account(user),
        )
        for order, entry in enumerate(wanted)
    )
    return True


def _record_brag(action: Action, row: ActionRow, previous: str, user: User, reason: str) -> None:
    """A BRAG read that differs from the action's is a confirmed change by the importer."""
    now = timezone.now()
    BragChange.objects.create(
        action=action,
        brag=action.brag,
        previous=previous,
        by=account(user),
        at=now,
        reason=f"{reason} (BRAG written {row.brag.text!r})",
        confirmed=True,
        confirmed_by=account(user),
        confirmed_at=now,
    )


def _responsible(action: Action, row: ActionRow, names: _Names, outcome: ImportOutcome) -> bool:
    people, units = names.responsible(row.text("responsible"))
    outcome.linked_people += len(people)
    outcome.linked_units += len(units)
    changed = False
    if {p.pk for p in action.responsible_people.all()} != people:
        action.responsible_people.set(people)
        changed = True
    if {u.pk for u in action.responsible_units.all()} != units:
        action.responsible_units.set(units)
        changed = True
    return changed


def _existing_actions(plan: Plan) -> dict[ActionKey, Action]:
    found: dict[ActionKey, Action] = {}
    seen: Counter[tuple[str, int, str]] = Counter()
    actions = (
        plan.actions.select_related("objective")
        .prefetch_related(
            "progress_entries", "responsible_people", "responsible_units", "timescale_resolutions"
        )
        .order_by("order", "pk")
    )
    for action in actions:
        number = action.objective.number if action.objective else -1
        base = (action.sheet, number, action.ref)
        found[(*base, seen[base])] = action
        seen[base] += 1
    return found


def _actions(
    plan: Plan, objectives: dict[int, Objective], tracker: Tracker, user: User, reason: str
) -> ImportOutcome:
    outcome = ImportOutcome(plan)
    names = _Names()
    existing = _existing_actions(plan)
    saved: list[Action] = []
    outcomes: list[str] = []
    for order, row in enumerate(tracker.actions):
        action = existing.pop(row.key, None) or Action(plan=plan)
        is_new, previous = action.pk is None, action.brag
        place = {"order": order, "source_row": row.row}
        moved = apply(action, place)
        fields = _fields(row, objectives[row.objective], names)
        if not is_new:
            keep_resolution(fields, latest_resolution(action))
        changed = apply(action, fields)
        if changed or is_new:
            audited(action, user, reason)
            action.save()
        elif moved:  # a row added or removed above it: no change to record in its history
            Action.objects.filter(pk=action.pk).update(**place)
        if action.brag != previous:
            _record_brag(action, row, previous, user, reason)
        if names.indicators.get(_key(row.text("metric"))):
            outcome.linked_indicators += 1
        changed |= _responsible(action, row, names, outcome)
        changed |= _entries(action, row, user)
        saved.append(action)
        outcomes.append("created" if is_new else "updated" if changed else "unchanged")
    for index, (action, row) in enumerate(zip(saved, tracker.actions, strict=True)):
        target = saved[row.duplicate_of] if row.duplicate_of is not None else None
        if action.duplicate_of_id != getattr(target, "pk", None):
            action.duplicate_of = target
            audited(action, user, reason)
            action.save(update_fields=["duplicate_of"])
            outcomes[index] = "created" if outcomes[index] == "created" else "updated"
    outcome.counts.update(outcomes)
    for gone in existing.values():
        audited(gone, user, reason)
        gone.delete()
        outcome.counts["removed"] += 1
    return outcome


@transaction.atomic
def plan_import(*, name: str, tracker: Tracker, source_file: str, user: User) -> ImportOutcome:
    """Make the plan called `name` hold the tracker read from `source_file` (see above)."""
    reason = f"import: {source_file}"
    plan = Plan.objects.select_for_update().filter(name=name).first()
    if plan is None:
        plan = Plan(name=name, slug=unique_slug(name))
    fields: dict[str, Any] = {
        "source_file": source_file,
        "layout": {"sheets": [sheet.as_json() for sheet in tracker.sheets]},
    }
    if tracker.period is not None:
        fields.update(zip(("period", "period_start", "period_end"), tracker.period, strict=True))
    if apply(plan, fields) or plan.pk is None:
        audited(plan, user, reason)
        plan.save()
    objectives = _objectives(plan, tracker, user, reason)
    return _actions(plan, objectives, tracker, user, reason)
