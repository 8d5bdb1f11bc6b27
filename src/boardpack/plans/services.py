"""Writes to plans: progress, BRAG proposals and confirmations, closing duplicates, saving plans.

Every write names who and why, runs in one transaction and leaves history (django-simple-history
on plans, objectives and actions; BRAG changes and progress entries are rows of their own).
`plan_import` (in `plans.import_writes`, re-exported here) writes a tracker read by the importer.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from boardpack.accounts.models import Person
from boardpack.accounts.permissions import is_officer, person_of
from boardpack.core.brag import Brag
from boardpack.core.progress import format_progress_entry
from boardpack.lib.audit import User, account, apply, audited
from boardpack.plans.import_writes import ImportOutcome, plan_import, unique_slug
from boardpack.plans.models import (
    BRAG_CHOICES,
    Action,
    BragChange,
    Plan,
    ProgressEntry,
    TimescaleResolution,
)
from boardpack.plans.resolutions import is_timescale_flag

__all__ = [
    "ImportOutcome",
    "PlanError",
    "action_close_as_duplicate",
    "action_update",
    "brag_confirm",
    "brag_propose",
    "plan_import",
    "plan_save",
    "progress_add",
    "timescale_resolve",
]


class PlanError(ValueError):
    """A write was refused; the message says why, for a person to read. Nothing was written."""


@transaction.atomic
def plan_save(
    *,
    name: str,
    parent: Plan | None = None,
    owner: Person | None = None,
    user: User,
    reason: str,
) -> Plan:
    """Create the plan called `name`, or set its parent plan and owner (the board overseeing
    it is the boards' to set: boards.services.plan_board_set)."""
    name = name.strip()
    if not name:
        raise PlanError("A plan needs a name")
    plan = Plan.objects.select_for_update().filter(name=name).first()
    if plan is None:
        plan = Plan(name=name, slug=unique_slug(name))
    if parent is not None and (parent.pk == plan.pk or _is_below(parent, plan)):
        raise PlanError(f"{parent.name} cannot be the parent of {name}: it sits below it")
    if apply(plan, {"parent": parent, "owner": owner}) or plan.pk is None:
        audited(plan, user, reason)
        plan.save()
    return plan


def _is_below(candidate: Plan, plan: Plan) -> bool:
    seen = set()
    while candidate is not None and candidate.pk not in seen:
        if plan.pk is not None and candidate.parent_id == plan.pk:
            return True
        seen.add(candidate.pk)
        candidate = candidate.parent  # type: ignore[assignment]
    return False


def _person(user: User) -> Person | None:
    return person_of(user) if user is not None else None


def may_confirm(plan: Plan, user: User) -> bool:
    """A performance officer, or the programme manager of the board overseeing the plan."""
    if user is None or not user.is_authenticated:
        return False
    if is_officer(user):
        return True
    person = _person(user)
    board = plan.board
    return person is not None and board is not None and board.programme_manager_id == person.pk


def may_update(action: Action, user: User) -> bool:
    """Those who may confirm, and the action's leads (the people responsible for it)."""
    if may_confirm(action.plan, user):
        return True
    person = _person(user)
    return person is not None and action.responsible_people.filter(pk=person.pk).exists()


def _brag_value(brag: str | Brag | None) -> str:
    if brag is None or brag == "":
        return ""
    try:
        return Brag(str(brag).casefold()).value
    except ValueError:
        raise PlanError(f"{brag!r} is not a BRAG status: use Blue, Red, Amber or Green") from None


def _next_order(action: Action) -> int:
    highest = action.progress_entries.aggregate(highest=Max("order"))["highest"]
    return 0 if highest is None else highest + 1


@transaction.atomic
def progress_add(*, action: Action, day: date, text: str, user: User) -> ProgressEntry:
    """Add a dated entry to the action's progress log, written as the trackers write them."""
    if not may_update(action, user):
        raise PlanError(
            "Only the action's leads, its programme manager or an officer may update it"
        )
    text = text.strip()
    if not text:
        raise PlanError("Write what has happened")
    person = _person(user)
    raw = format_progress_entry(day, text)
    return ProgressEntry.objects.create(
        action=action,
        date=day,
        author=person.name if person else "",
        text=text,
        raw=raw,
        marker=raw.partition(" - ")[0],
        order=_next_order(action),
        source=ProgressEntry.Source.FORM,
        created_by=account(user),
    )


@transaction.atomic
def action_update(
    *, action: Action, day: date, text: str, brag: str | Brag | None, user: User
) -> tuple[ProgressEntry, BragChange | None]:
    """A lead's update in one: a progress entry and, when `brag` is a new status, its proposal,
    whose reason is the entry's text. Both or neither are written."""
    entry = progress_add(action=action, day=day, text=text, user=user)
    if brag is None or _brag_value(brag) == action.brag:
        return entry, None
    return entry, brag_propose(action=action, brag=brag, reason=entry.text, user=user)


@transaction.atomic
def brag_propose(*, action: Action, brag: str | Brag | None, reason: str, user: User) -> BragChange:
    """A lead proposes a status with a reason; it counts once a programme manager confirms it."""
    if not may_update(action, user):
        raise PlanError("Only the action's leads, its programme manager or an officer may propose")
    if not reason.strip():
        raise PlanError("Give a reason for the BRAG status")
    return BragChange.objects.create(
        action=action,
        brag=_brag_value(brag),
        previous=Action.objects.values_list("brag", flat=True).get(pk=action.pk),
        by=account(user),
        reason=reason.strip(),
    )


def _confirm(change: BragChange, user: User, reason: str) -> None:
    action = Action.objects.select_for_update().get(pk=change.action_id)
    change.previous = action.brag
    change.confirmed = True
    change.confirmed_by = account(user)
    change.confirmed_at = timezone.now()
    change.save()
    if action.brag != change.brag:
        action.brag = change.brag
        audited(action, user, reason)
        action.save(update_fields=["brag"])


@transaction.atomic
def brag_confirm(*, change: BragChange, user: User) -> BragChange:
    """A programme manager or officer confirms a proposal: it becomes the action's BRAG."""
    change = BragChange.objects.select_for_update().select_related("action__plan").get(pk=change.pk)
    if not may_confirm(change.action.plan, user):
        raise PlanError("Only the plan's programme manager or an officer may confirm a BRAG")
    if change.confirmed:
        raise PlanError("This BRAG status is already confirmed")
    now = Action.objects.select_for_update().values_list("brag", flat=True).get(pk=change.action_id)
    if now != change.previous:
        raise PlanError(
            f"The action's BRAG was changed from {_brag_label(change.previous)} to "
            f"{_brag_label(now)} after this proposal was made, so it is not confirmed over the "
            "newer status: the lead can propose again"
        )
    _confirm(change, user, f"BRAG confirmed: {change.reason}")
    return change


def _brag_label(value: str) -> str:
    return dict(BRAG_CHOICES).get(value) or "none"


@transaction.atomic
def action_close_as_duplicate(
    *, action: Action, duplicate_of: Action, reason: str, user: User
) -> Action:
    """Close an action as a duplicate of another in its objective: Blue, with the link kept.

    The progress log says so in words an import reads back (`Closed as a duplicate of 12b`), so
    an exported tracker keeps the link.
    """
    if not may_confirm(action.plan, user):
        raise PlanError("Only the plan's programme manager or an officer may close an action")
    if duplicate_of.pk == action.pk:
        raise PlanError("An action cannot duplicate itself")
    if duplicate_of.plan_id != action.plan_id or duplicate_of.objective_id != action.objective_id:
        raise PlanError("A duplicate must be in the same objective (refs are per objective)")
    if duplicate_of.duplicate_of_id == action.pk:
        raise PlanError(f"{duplicate_of.ref} is already closed as a duplicate of {action.ref}")
    if not duplicate_of.ref:
        raise PlanError("The action it duplicates needs a ref")
    why = f"Closed as a duplicate of {duplicate_of.ref}" + (f": {reason.strip()}" if reason else "")
    action.duplicate_of = duplicate_of
    audited(action, user, why)
    action.save(update_fields=["duplicate_of"])
    progress_add(action=action, day=timezone.localdate(), text=why, user=user)
    change = BragChange.objects.create(
        action=action, brag=Brag.BLUE.value, previous=action.brag, by=account(user), reason=why
    )
    _confirm(change, user, why)
    action.refresh_from_db()
    return action


@transaction.atomic
def timescale_resolve(
    *, action: Action, due_date: date | None, ongoing: bool, note: str, user: User
) -> TimescaleResolution:
    """A performance officer reads a flagged timescale: sets its due date and "ongoing" by hand.

    The text as written is kept; the resolution is a row saying who read it as what, when and
    why, and the timescale's flags are cleared. Re-importing the same text keeps the reading.
    """
    if user is None or not is_officer(user):
        raise PlanError("Only a performance officer may resolve a flagged timescale")
    if due_date is None and not ongoing:
        raise PlanError("Give a due date, say the action is ongoing, or both")
    action = Action.objects.select_for_update().get(pk=action.pk)
    resolved = [flag for flag in action.flags if is_timescale_flag(flag)]
    if not resolved:
        raise PlanError("This action's timescale is not flagged: there is nothing to resolve")
    resolution = TimescaleResolution.objects.create(
        action=action,
        timescale_text=action.timescale_text,
        due_date=due_date,
        ongoing=ongoing,
        flags=resolved,
        note=note.strip(),
        by=account(user),
    )
    reading = f"due {due_date:%d/%m/%Y}" if due_date else "no due date"
    why = f"Timescale {action.timescale_text!r} resolved by hand: {reading}"
    why += ", ongoing" if ongoing else ""
    action.due_date, action.ongoing = due_date, ongoing
    action.flags = [flag for flag in action.flags if flag not in resolved]
    audited(action, user, why + (f" ({resolution.note})" if resolution.note else ""))
    action.save(update_fields=["due_date", "ongoing", "flags"])
    return resolution
