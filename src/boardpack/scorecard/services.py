"""Writes to the scorecard. Every write records who, when and from what, with history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from boardpack.accounts.models import OrgUnit, Person, Role
from boardpack.accounts.selectors import saved_by
from boardpack.accounts.services import (
    directorate_get_or_create,
    person_get_or_create,
    service_get_or_create,
)
from boardpack.core.commentary import (
    EDITABLE,
    Actor,
    State,
    TransitionError,
    check_transition,
    needs_reason,
)
from boardpack.core.periods import Month
from boardpack.core.status import Polarity, Tolerance
from boardpack.core.units import Unit
from boardpack.lib.audit import User, account, apply, audited, bulk_history
from boardpack.scorecard.commentary.signals import commentary_submitted
from boardpack.scorecard.models import (
    Actual,
    Comment,
    CommentEvent,
    Delegation,
    Indicator,
    PeriodValue,
    Source,
    Tag,
    Target,
)
from boardpack.scorecard.permissions import delegable_indicators


@dataclass(frozen=True)
class IndicatorSpec:
    """Everything that defines an indicator, as a form or an import file gives it."""

    code: str
    title: str
    director: str
    service: str
    owner: str
    polarity: Polarity
    unit: Unit
    decimals: int
    frequency: str
    cumulative: bool
    worse: Tolerance
    better: Tolerance
    tags: tuple[str, ...]
    definition: str
    kind: str = Indicator.Kind.MEASURE
    due_date: date | None = None
    completed_date: date | None = None


@dataclass(frozen=True)
class ValueEntry:
    """A target and/or actual for one indicator and month; None leaves what is stored."""

    code: str
    month: Month
    actual: Decimal | None
    target: Decimal | None
    provisional: bool


@dataclass(frozen=True)
class CommentEntry:
    code: str
    month: Month
    author: str
    subject: str
    text: str


@transaction.atomic
def indicator_save(*, spec: IndicatorSpec, data_source: str, user: User, reason: str) -> str:
    """Create or update an indicator from a spec; returns created, updated or unchanged."""
    directorate = directorate_get_or_create(name=spec.director)
    service: OrgUnit | None = (
        service_get_or_create(name=spec.service, directorate=directorate) if spec.service else None
    )
    fields = {
        "title": spec.title,
        "definition": spec.definition,
        "kind": spec.kind,
        "directorate": directorate,
        "service": service,
        "owner": person_get_or_create(name=spec.owner) if spec.owner else None,
        "polarity": spec.polarity.value,
        "unit": spec.unit.value,
        "decimals": spec.decimals,
        "frequency": spec.frequency,
        "cumulative": spec.cumulative,
        "worse_tolerance": spec.worse.amount,
        "worse_tolerance_relative": spec.worse.relative,
        "better_tolerance": spec.better.amount,
        "better_tolerance_relative": spec.better.relative,
        "due_date": spec.due_date,
        "completed_date": spec.completed_date,
    }
    indicator = Indicator.objects.filter(code=spec.code).first()
    if indicator is None:
        indicator = Indicator(code=spec.code, data_source=data_source)
        outcome = "created"
    else:
        outcome = "updated"
    changed = apply(indicator, fields)
    if changed:
        audited(indicator, user, reason)
        indicator.save()
    tags = [Tag.objects.get_or_create(code=code)[0] for code in spec.tags]
    if {t.pk for t in tags} != set(indicator.tags.values_list("pk", flat=True)):
        indicator.tags.set(tags)
        changed = True
    return outcome if changed else "unchanged"


def _upsert_values(
    model: type[PeriodValue],
    wanted: dict[tuple[int, date], dict[str, Any]],
    *,
    user: User,
    source: str,
    source_ref: str,
) -> dict[str, int]:
    """Create or update many target or actual rows at once, with history."""
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    if not wanted:
        return counts
    indicator_ids = {key[0] for key in wanted}
    periods = {key[1] for key in wanted}
    existing = {
        (row.indicator_id, row.period): row  # type: ignore[attr-defined]
        for row in model.objects.filter(indicator_id__in=indicator_ids, period__in=periods)
    }
    now = timezone.now()
    stamp = {"source": source, "source_ref": source_ref, "set_by": account(user), "set_at": now}
    to_create, to_update = [], []
    for (indicator_id, period), fields in wanted.items():
        row = existing.get((indicator_id, period))
        if row is None:
            to_create.append(model(indicator_id=indicator_id, period=period, **fields, **stamp))
        elif apply(row, fields):
            apply(row, stamp)
            to_update.append(row)
        else:
            counts["unchanged"] += 1
    history = bulk_history(user, f"{source}: {source_ref}" if source_ref else source)
    if to_create:
        bulk_create_with_history(to_create, model, **history)
    if to_update:
        bulk_update_with_history(
            to_update, model, fields=[*next(iter(wanted.values())).keys(), *stamp.keys()], **history
        )
    counts["created"] = len(to_create)
    counts["updated"] = len(to_update)
    return counts


@transaction.atomic
def values_record(
    *, entries: list[ValueEntry], user: User, source: str, source_ref: str
) -> dict[str, int]:
    """Record targets and actuals; returns counts of created, updated and unchanged values."""
    ids = dict(
        Indicator.objects.filter(code__in={e.code for e in entries}).values_list("code", "pk")
    )
    actuals: dict[tuple[int, date], dict[str, Any]] = {}
    targets: dict[tuple[int, date], dict[str, Any]] = {}
    for entry in entries:
        key = (ids[entry.code], entry.month.end)
        if entry.actual is not None:
            actuals[key] = {"value": entry.actual, "provisional": entry.provisional}
        if entry.target is not None:
            targets[key] = {"value": entry.target}
    counts = _upsert_values(Actual, actuals, user=user, source=source, source_ref=source_ref)
    for outcome, number in _upsert_values(
        Target, targets, user=user, source=source, source_ref=source_ref
    ).items():
        counts[outcome] += number
    return counts


def _comment_event(
    comment: Comment,
    state: str,
    user: User,
    reason: str,
    why: str = "",
    previous_text: str = "",
) -> CommentEvent:
    """Save the comment in its new state and append the event: the one way a state changes.
    `why` is the reason its history gives; `previous_text`, a correction's text before it."""
    comment.state = state
    audited(comment, user, why)
    comment.save()
    return CommentEvent.objects.create(
        comment=comment,
        state=state,
        by=account(user),
        at=timezone.now(),
        reason=reason,
        previous_text=previous_text,
    )


@transaction.atomic
def comment_record(*, entry: CommentEntry, user: User, source: str, source_ref: str) -> str:
    """Record published commentary from a file: it arrives approved, with the file as reason."""
    indicator = Indicator.objects.get(code=entry.code)
    author = person_get_or_create(name=entry.author)
    comment = Comment.objects.filter(
        indicator=indicator, period=entry.month.end, author=author, subject=entry.subject
    ).first()
    if comment is not None and comment.text == entry.text and comment.state == State.APPROVED:
        return "unchanged"
    outcome = "created" if comment is None else "updated"
    if comment is None:
        comment = Comment(
            indicator=indicator, period=entry.month.end, author=author, subject=entry.subject
        )
    comment.text = entry.text
    apply(comment, {"source": source, "source_ref": source_ref, "set_by": account(user)})
    comment.set_at = timezone.now()
    why = f"{source}: {source_ref}" if source_ref else source
    _comment_event(comment, State.APPROVED, user, f"imported from {source_ref}", why)
    return outcome


class NewerSaveError(TransitionError):
    """The commentary was saved again after the page that would overwrite it was opened."""

    def __init__(self, message: str, *, stamp: str) -> None:
        super().__init__(message)
        self.stamp = stamp
        """The newer save's opened_stamp: a page that shows the refusal carries it."""


def opened_stamp(comment: Comment | None) -> str:
    """What a writing page remembers of the commentary it opened: when it was last saved."""
    return comment.set_at.isoformat() if comment is not None else ""


def _check_not_newer(comment: Comment | None, opened: str | None) -> None:
    if opened is None or opened_stamp(comment) == opened or comment is None:
        return
    who = saved_by(comment.set_by, comment.set_at, nobody="an import")
    raise NewerSaveError(
        f"this commentary was saved by {who} after you opened this page, so your text was not "
        "saved. It is still in the box and theirs is on the indicator page: save again to "
        "replace theirs",
        stamp=opened_stamp(comment),
    )


@transaction.atomic
def comment_write(
    *,
    indicator: Indicator,
    month: Month,
    author: Person,
    subject: str,
    text: str,
    submit: bool,
    user: User,
    actors: frozenset[Actor],
    opened: str | None = None,
) -> Comment:
    """Save a writer's commentary as a draft, or submit it for approval. `opened`: the
    opened_stamp of the comment when the writing page was opened (None: not checked); a
    comment saved since is not overwritten (NewerSaveError)."""
    comment = (
        Comment.objects.select_for_update()
        .filter(indicator=indicator, period=month.end, author=author, subject=subject)
        .first()
    )
    _check_not_newer(comment, opened)
    current = State(comment.state) if comment else State.DRAFT
    wanted = State.SUBMITTED if submit else State.DRAFT
    if current not in EDITABLE:
        raise TransitionError(f"a {current} comment cannot be edited until it is returned")
    if current is State.APPROVED:
        check_transition(current, State.DRAFT, actors)
        current = State.DRAFT
    check_transition(current, wanted, actors)
    if comment is None:
        comment = Comment(indicator=indicator, period=month.end, author=author, subject=subject)
    comment.text = text
    comment.source, comment.source_ref, comment.set_by = Source.FORM, "", account(user)
    comment.set_at = timezone.now()
    event = _comment_event(comment, wanted, user, "")
    if wanted is State.SUBMITTED:
        transaction.on_commit(
            lambda: commentary_submitted.send(sender=Comment, comment=comment, event=event)
        )
    return comment


@transaction.atomic
def comment_review(
    *, comment: Comment, approve: bool, reason: str, user: User, actors: frozenset[Actor]
) -> Comment:
    """A performance officer approves submitted commentary or returns it with a reason."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    wanted = State.APPROVED if approve else State.RETURNED
    check_transition(State(comment.state), wanted, actors)
    if needs_reason(wanted) and not reason.strip():
        raise TransitionError("say why the comment is returned")
    _comment_event(comment, wanted, user, reason.strip())
    return comment


@transaction.atomic
def comment_correct(
    *, comment: Comment, text: str, note: str, user: User, actors: frozenset[Actor]
) -> Comment:
    """A performance officer corrects submitted text (a typo) instead of returning it: it stays
    submitted and its history gains an event with who, when, why and the text before."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    check_transition(State(comment.state), State.SUBMITTED, actors)
    if not note.strip():
        raise TransitionError("say what was corrected")
    if text.strip() == comment.text.strip():
        raise TransitionError("the text is unchanged: there is nothing to correct")
    before = comment.text
    comment.text = text
    why = f"Corrected: {note.strip()}"
    _comment_event(comment, State.SUBMITTED, user, why, why=why, previous_text=before)
    return comment


class DelegationError(ValueError):
    """A delegation the rules do not allow."""


def _check_may_delegate(indicator: Indicator, user: User) -> None:
    if user is None or not delegable_indicators(user).filter(pk=indicator.pk).exists():
        raise DelegationError(
            f"only the owner of {indicator.code} or a performance officer can delegate its "
            "commentary"
        )


@transaction.atomic
def delegation_create(*, indicator: Indicator, delegate: Person, user: User) -> Delegation:
    """The indicator's owner (or an officer) lets a named delegate write its commentary."""
    _check_may_delegate(indicator, user)
    if delegate.role != Role.DELEGATE:
        raise DelegationError(f"{delegate} does not have the delegate role")
    if Delegation.objects.filter(indicator=indicator, delegate=delegate).exists():
        raise DelegationError(f"{delegate} already writes the commentary of {indicator.code}")
    delegation = Delegation(indicator=indicator, delegate=delegate, created_by=account(user))
    audited(delegation, user)
    delegation.save()
    return delegation


@transaction.atomic
def delegation_remove(*, delegation: Delegation, user: User) -> None:
    """The indicator's owner (or an officer) takes the writing back from a delegate."""
    _check_may_delegate(delegation.indicator, user)
    audited(delegation, user)
    delegation.delete()
