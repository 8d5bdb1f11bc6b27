"""Turn comments, their events and status rows into what the commentary pages show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.utils.text import capfirst

from boardpack.accounts.models import Person
from boardpack.accounts.selectors import login_name
from boardpack.core.commentary import EDITABLE, TRANSITIONS, State
from boardpack.core.periods import Month
from boardpack.core.status import EXCEPTIONS
from boardpack.core.symbols import Scheme
from boardpack.lib.govuk import Tag
from boardpack.scorecard.models import Comment
from boardpack.scorecard.presenters import figures, no_comment_text, period_title
from boardpack.scorecard.selectors import StatusRow

NOT_STARTED = Tag("Not started", "govuk-tag--grey")
STATE_TAGS = {
    State.DRAFT: Tag("Draft", "govuk-tag--yellow"),
    State.SUBMITTED: Tag("Submitted"),
    State.RETURNED: Tag("Returned", "govuk-tag--orange"),
    State.APPROVED: Tag("Approved", "govuk-tag--green"),
}
"""The one tag of each commentary state, on every page (Submitted is the plain blue tag)."""
CORRECTED = Tag("Corrected", "govuk-tag--purple")
"""A correction of submitted commentary, in its history (the comment stays submitted)."""
WRITE = "Write commentary"
EDIT = "Edit commentary"
VIEW = "View commentary"


def state_tag(comment: Comment | None) -> Tag:
    return STATE_TAGS[State(comment.state)] if comment else NOT_STARTED


def returned_reason(comment: Comment | None) -> str:
    """Why the comment was sent back, while it stays returned (events must be prefetched)."""
    if comment is None or comment.state != State.RETURNED:
        return ""
    events = list(comment.events.all())  # type: ignore[attr-defined]
    return events[-1].reason if events else ""


def user_name(user: AbstractBaseUser | None) -> str:
    """The person behind a login, else the login; an import has no user."""
    return login_name(user) or "Import"


def error_text(error: Exception) -> str:
    """A rule's message as a sentence for an error summary."""
    return capfirst(str(error))


@dataclass(frozen=True)
class EventLine:
    state: Tag
    by: str
    at: datetime
    reason: str
    previous_text: str = ""
    """A correction's text before it."""


def event_lines(comment: Comment) -> list[EventLine]:
    return [
        EventLine(
            CORRECTED if e.previous_text else STATE_TAGS[State(e.state)],
            user_name(e.by),
            e.at,
            e.reason,
            e.previous_text,
        )
        for e in comment.events.all()  # type: ignore[attr-defined]
    ]


@dataclass(frozen=True)
class CommentaryLine:
    row: StatusRow
    actual: str
    target: str
    comment: Comment | None
    state: Tag
    reason: str
    action: str
    """The link to the write page: write, or edit (view while submitted) one's own."""
    submitted: bool
    """Waiting for a performance officer's review."""
    not_required: str
    """Why no commentary is needed, for a row that is not an exception; else empty."""


def commentary_line(
    row: StatusRow, comment: Comment | None, writer: Person | None = None
) -> CommentaryLine:
    actual, target = figures(row)
    own = comment is not None and writer is not None and comment.author_id == writer.pk  # type: ignore[attr-defined]
    submitted = comment is not None and comment.state == State.SUBMITTED
    return CommentaryLine(
        row=row,
        actual=actual,
        target=target,
        comment=comment,
        state=state_tag(comment),
        reason=returned_reason(comment),
        action=(VIEW if submitted else EDIT) if own else WRITE,
        submitted=submitted,
        not_required="" if row.commentary_due else no_comment_text(row),
    )


def _by_section(lines: list[CommentaryLine], scheme: Scheme) -> list[CommentaryLine]:
    order = {key: i for i, key in enumerate(scheme.section_order)}
    return sorted(
        lines, key=lambda li: (order.get(li.row.symbol.key, len(order)), li.row.indicator.code)
    )


@dataclass(frozen=True)
class MyIndicatorsPage:
    month: Month
    title: str
    exceptions: list[CommentaryLine]
    """Worse or better than target: commentary needed; worst first."""
    others: list[CommentaryLine]


def my_indicators_page(
    rows: list[StatusRow],
    comments: dict[int, Comment],
    *,
    month: Month,
    writer: Person | None,
    scheme: Scheme,
) -> MyIndicatorsPage:
    lines = [commentary_line(r, comments.get(r.indicator.pk), writer) for r in rows]
    return MyIndicatorsPage(
        month=month,
        title=period_title(month),
        exceptions=_by_section([li for li in lines if li.row.status in EXCEPTIONS], scheme),
        others=[li for li in lines if li.row.status not in EXCEPTIONS],
    )


def awaiting_approval(
    rows: list[StatusRow], comments: dict[int, Comment], scheme: Scheme
) -> list[CommentaryLine]:
    """Exceptions whose latest commentary for the month is missing or not approved."""
    lines = [
        commentary_line(r, comments.get(r.indicator.pk)) for r in rows if r.status in EXCEPTIONS
    ]
    return _by_section([li for li in lines if li.state != STATE_TAGS[State.APPROVED]], scheme)


@dataclass(frozen=True)
class QueueLine:
    comment: Comment
    period: str


def queue_lines(comments: list[Comment]) -> list[QueueLine]:
    return [QueueLine(c, period_title(Month.of(c.period))) for c in comments]


def paragraphs(text: str) -> list[str]:
    """A comment's text as paragraphs: blank lines separate them."""
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


@dataclass(frozen=True)
class ShownComment:
    comment: Comment
    state: Tag
    paragraphs: list[str]


def shown_comments(comments: list[Comment]) -> list[ShownComment]:
    return [ShownComment(c, state_tag(c), paragraphs(c.text)) for c in comments]


@dataclass(frozen=True)
class CommentPage:
    """The write and review pages: the indicator's month and one comment's state and story."""

    line: CommentaryLine
    title: str
    events: list[EventLine]
    editable: bool
    """A writer may change it (draft, returned or approved)."""
    reviewable: bool
    """A reviewer may approve or return it (submitted)."""
    approved: bool
    paragraphs: list[str]


def comment_page(row: StatusRow, comment: Comment | None) -> CommentPage:
    current = State(comment.state) if comment else State.DRAFT
    return CommentPage(
        line=commentary_line(row, comment),
        title=period_title(row.month),
        events=event_lines(comment) if comment else [],
        editable=current in EDITABLE,
        reviewable=(current, State.APPROVED) in TRANSITIONS,
        approved=current is State.APPROVED,
        paragraphs=paragraphs(comment.text) if comment else [],
    )


def _about(comment: Comment) -> str:
    """The indicator and its period as the page headings name it (period_title)."""
    return f"{comment.indicator.code} for {period_title(Month.of(comment.period))}"


def write_message(comment: Comment) -> str:
    if comment.state == State.SUBMITTED:
        return f"Commentary on {_about(comment)} submitted for approval."
    return f"Commentary on {_about(comment)} saved as a draft."


def correction_message(comment: Comment) -> str:
    return f"Commentary on {_about(comment)} corrected; it is still waiting for review."


def review_message(comment: Comment) -> str:
    if comment.state == State.APPROVED:
        return f"Commentary on {_about(comment)} approved."
    return f"Commentary on {_about(comment)} returned to {comment.author}."
