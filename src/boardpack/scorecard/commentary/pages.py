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
    previous_approved,
    review_queue,
    status_row,
    writer_indicators,
)
from boardpack.scorecard.indicators.presenters import TrendChart, trend_chart
from boardpack.scorecard.indicators.selectors import year_grid, year_values
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


def writing_chart(indicator: Indicator, month: Month) -> TrendChart | None:
    """The indicator's trend over the month's financial year, as its page draws it, for the
    writer to look at; none for a milestone (it has no values)."""
    if indicator.kind == Indicator.Kind.MILESTONE:
        return None
    values = year_values(indicator, month.fy_start_year)
    return trend_chart(indicator, values, year_grid(indicator, values))


def starting_text(indicator: Indicator, month: Month, asked: str) -> Comment | None:
    """The previous period's approved comment the writer asked to start from (`?start=<id>`),
    if it is one."""
    _, earlier = previous_approved(indicator, month)
    return next((c for c in earlier if str(c.pk) == asked), None)


def comment_write_context(
    indicator: Indicator,
    month: Month,
    writer: Person,
    comment: Comment | None,
    start_from: Comment | None = None,
) -> dict[str, Any]:
    """The indicator's month, the writer's comment, what others wrote on it, the trend, and the
    previous period's approved commentary to start from."""
    previous, earlier = previous_approved(indicator, month)
    return {
        "page": comment_page(status_row(indicator, month), comment),
        "others": shown_comments(list(others_comments(indicator, month, writer))),
        "chart": writing_chart(indicator, month),
        "previous_title": period_title(previous),
        "earlier": shown_comments(earlier),
        "started_from": start_from,
    }
