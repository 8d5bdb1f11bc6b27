"""What each commentary page shows: the reads put together for its template."""

from __future__ import annotations

from typing import Any

from boardpack.accounts.models import Person
from boardpack.accounts.permissions import AnyUser
from boardpack.core.periods import Month
from boardpack.scorecard.commentary.forms import PeriodChoice
from boardpack.scorecard.commentary.presenters import (
    awaiting_approval,
    comment_page,
    my_indicators_page,
    queue_lines,
    shown_comments,
)
from boardpack.scorecard.commentary.selectors import (
    latest_comments,
    others_comments,
    review_queue,
    status_row,
    writer_indicators,
)
from boardpack.scorecard.models import Comment, Indicator
from boardpack.scorecard.presenters import period_title
from boardpack.scorecard.selectors import current_scheme, status_rows


def my_indicators_context(
    user: AnyUser, writer: Person, month: Month, choice: PeriodChoice
) -> dict[str, Any]:
    """The writer's indicators for the month with their commentary."""
    scheme = current_scheme()
    rows = status_rows(month, indicators=writer_indicators(user), scheme=scheme)
    comments = latest_comments([row.indicator.pk for row in rows], month)
    page = my_indicators_page(rows, comments, month=month, writer=writer, scheme=scheme)
    return {"page": page, "choice": choice}


def review_list_context(month: Month, choice: PeriodChoice) -> dict[str, Any]:
    """The commentary waiting for review, and the month's exceptions still without approval."""
    scheme = current_scheme()
    rows = status_rows(month, scheme=scheme)
    comments = latest_comments([row.indicator.pk for row in rows], month)
    return {
        "choice": choice,
        "month": month,
        "title": period_title(month),
        "queue": queue_lines(list(review_queue())),
        "missing": awaiting_approval(rows, comments, scheme),
    }


def comment_write_context(
    indicator: Indicator, month: Month, writer: Person, comment: Comment | None
) -> dict[str, Any]:
    """The indicator's month, the writer's comment, and what others wrote on it."""
    return {
        "page": comment_page(status_row(indicator, month), comment),
        "others": shown_comments(list(others_comments(indicator, month, writer))),
    }
