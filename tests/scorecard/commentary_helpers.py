"""Helpers of the commentary tests: logins for other owners, the pages' addresses, the events."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from boardpack.accounts.models import Person, Role
from boardpack.scorecard.models import Comment, Indicator
from tests.factories import (
    ActualFactory,
    CommentFactory,
    IndicatorFactory,
    PersonFactory,
    TargetFactory,
)

QUARTER_1 = "2012-06"


def owner_of(code: str):
    """A login for the person who owns the indicator, with the owner role."""
    name = Indicator.objects.get(code=code).owner.name
    return PersonFactory(
        name=name,
        role=Role.INDICATOR_OWNER,
        signs_in=True,
        user__username=f"owner-of-{code.lower()}",
        user__with_password=False,
    ).user


def write_url(code: str, period: str = QUARTER_1) -> str:
    return f"/indicators/{Indicator.objects.get(code=code).pk}/commentary/{period}/"


def review_url(comment: Comment) -> str:
    return f"/commentary/{comment.pk}/review/"


def comment_of(code: str, author: str, period: str = QUARTER_1) -> Comment:
    return Comment.objects.get(indicator__code=code, period__startswith=period, author__name=author)


def events(comment: Comment) -> list[tuple[str, str | None, str]]:
    """(state, username, reason) of each workflow step, oldest first."""
    return list(comment.events.values_list("state", "by__username", "reason"))


def add_red_indicators(owner: Person, number: int) -> None:
    """More of the owner's indicators, worse than target in Quarter 1, each with submitted
    commentary: to show a page's queries do not grow with its rows."""
    like = Indicator.objects.get(code="2042SC")
    now = timezone.now()
    for i in range(number):
        indicator = IndicatorFactory(
            code=f"EXTRA{i}",
            title=f"Extra indicator {i}",
            directorate=like.directorate,
            service=like.service,
            owner=owner,
            polarity=like.polarity,
            unit=like.unit,
        )
        ActualFactory(indicator=indicator, value=Decimal(50), set_at=now)
        TargetFactory(indicator=indicator, value=Decimal(36), set_at=now)
        CommentFactory(indicator=indicator, state="submitted", set_at=now + timedelta(seconds=i))
