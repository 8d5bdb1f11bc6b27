"""The commentary workflow: which state a comment may move to, and who may move it."""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"


class Actor(StrEnum):
    WRITER = "writer"
    """The indicator's owner or a delegate of the owner."""
    REVIEWER = "reviewer"
    """A performance officer."""


class TransitionError(ValueError):
    """A move the workflow does not allow."""


TRANSITIONS: dict[tuple[State, State], frozenset[Actor]] = {
    (State.DRAFT, State.DRAFT): frozenset({Actor.WRITER}),
    (State.DRAFT, State.SUBMITTED): frozenset({Actor.WRITER}),
    (State.RETURNED, State.DRAFT): frozenset({Actor.WRITER}),
    (State.RETURNED, State.SUBMITTED): frozenset({Actor.WRITER}),
    (State.SUBMITTED, State.SUBMITTED): frozenset({Actor.REVIEWER}),
    (State.SUBMITTED, State.APPROVED): frozenset({Actor.REVIEWER}),
    (State.SUBMITTED, State.RETURNED): frozenset({Actor.REVIEWER}),
    (State.APPROVED, State.DRAFT): frozenset({Actor.WRITER}),
}
"""Writers draft and submit, and may reopen approved text as a new draft; reviewers approve or
return what was submitted, or correct it (a typo) and leave it submitted."""

EDITABLE = frozenset({State.DRAFT, State.RETURNED, State.APPROVED})


def check_transition(current: State, wanted: State, actors: frozenset[Actor]) -> None:
    """Raise TransitionError unless one of the actor's roles may make this move."""
    allowed = TRANSITIONS.get((current, wanted))
    if allowed is None:
        raise TransitionError(f"a {current} comment cannot become {wanted}")
    if not allowed & actors:
        who = " or ".join(sorted(allowed))
        raise TransitionError(f"only the {who} can move a {current} comment to {wanted}")


def needs_reason(wanted: State) -> bool:
    """Returning a comment must say why."""
    return wanted is State.RETURNED
