"""Reads for the commentary pages: a writer's indicators, the comments of a month, the queue.

Every function makes a fixed number of queries, however many indicators or comments it reads.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from boardpack.accounts.models import Person, Role
from boardpack.accounts.permissions import AnyUser
from boardpack.core.periods import Month
from boardpack.scorecard.models import (
    Comment,
    CommentEvent,
    CommentState,
    Delegation,
    Indicator,
)
from boardpack.scorecard.permissions import commentable_indicators
from boardpack.scorecard.selectors import StatusRow, status_rows

EVENTS = Prefetch("events", queryset=CommentEvent.objects.select_related("by__person"))


def _with_figures(indicators: QuerySet[Indicator]) -> QuerySet[Indicator]:
    return indicators.select_related("directorate", "service", "owner").order_by("code")


def writer_indicators(user: AnyUser) -> QuerySet[Indicator]:
    """The indicators the user writes commentary on: their own and those delegated to them."""
    return _with_figures(commentable_indicators(user))


def status_row(indicator: Indicator, month: Month) -> StatusRow:
    """One indicator's actual, target and status for the month."""
    return status_rows(month, indicators=_with_figures(Indicator.objects.filter(pk=indicator.pk)))[
        0
    ]


def latest_comments(indicator_ids: list[int], month: Month) -> dict[int, Comment]:
    """Each indicator's most recently written comment for the month, with its events."""
    comments = (
        Comment.objects.filter(indicator_id__in=indicator_ids, period=month.end)
        .select_related("author")
        .prefetch_related(EVENTS)
        .order_by("set_at", "pk")
    )
    return {comment.indicator_id: comment for comment in comments}  # type: ignore[attr-defined]


def writer_comment(indicator: Indicator, month: Month, author: Person) -> Comment | None:
    """The comment this person last wrote on the indicator for the month."""
    return (
        Comment.objects.filter(indicator=indicator, period=month.end, author=author)
        .select_related("author")
        .prefetch_related(EVENTS)
        .order_by("-set_at", "-pk")
        .first()
    )


def others_comments(indicator: Indicator, month: Month, author: Person) -> QuerySet[Comment]:
    """What other people wrote on the indicator for the month (an owner and their delegate)."""
    return (
        Comment.objects.filter(indicator=indicator, period=month.end)
        .exclude(author=author)
        .select_related("author")
        .order_by("set_at", "pk")
    )


def review_queue() -> QuerySet[Comment]:
    """Comments waiting for a performance officer, oldest first."""
    return (
        Comment.objects.filter(state=CommentState.SUBMITTED)
        .select_related("indicator", "indicator__owner", "author")
        .order_by("set_at", "pk")
    )


def reviewable_comments() -> QuerySet[Comment]:
    """Every comment, for a performance officer, with what the review page shows of it."""
    return Comment.objects.select_related("indicator", "author").prefetch_related(EVENTS)


def delegations_of(indicators: QuerySet[Indicator]) -> QuerySet[Delegation]:
    """The delegations of these indicators (those a user may delegate)."""
    return (
        Delegation.objects.filter(indicator__in=indicators)
        .select_related("indicator", "delegate")
        .order_by("indicator__code", "delegate__name")
    )


def delegate_people() -> QuerySet[Person]:
    """The colleagues who may be given an indicator's commentary to write."""
    return Person.objects.filter(role=Role.DELEGATE).order_by("name")
