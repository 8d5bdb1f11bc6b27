"""Who the signed-in person is for the menu, and what waits for them, in one query: whether
they lead an action, whether they manage a board's plans, and how many BRAG proposals and
submitted comments are waiting (the menu shows the counts beside the queues)."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, IntegerField, OuterRef, QuerySet, Subquery

from boardpack.accounts.models import Person
from boardpack.plans.models import Action, Plan
from boardpack.plans.selectors import waiting_proposals
from boardpack.scorecard.models import Comment, CommentState


class _Count(Subquery):
    """The number of rows a subquery finds, as a column of the outer query."""

    template = "(SELECT count(*) FROM (%(subquery)s) _counted)"
    output_field = IntegerField()


def _count(rows: QuerySet[Any]) -> _Count:
    return _Count(rows.order_by().values("pk"))


def menu_person(user: Any) -> Person | None:
    """The user's person, annotated with `leads`, `manages`, `brag_mine` (proposals on the plans
    of the boards they manage), `brag_all` and `comments_waiting`; None for no person."""
    if not user.is_authenticated:
        return None
    return (
        Person.objects.filter(user=user)
        .annotate(
            leads=Exists(Action.objects.filter(responsible_people=OuterRef("pk"))),
            manages=Exists(Plan.objects.filter(board__programme_manager=OuterRef("pk"))),
            brag_mine=_count(
                waiting_proposals().filter(action__plan__board__programme_manager=OuterRef("pk"))
            ),
            brag_all=_count(waiting_proposals()),
            comments_waiting=_count(Comment.objects.filter(state=CommentState.SUBMITTED)),
        )
        .first()
    )
