"""Helpers of the commentary tests: logins for other owners, the pages' addresses, the events."""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from boardpack.accounts.models import Person, Role
from boardpack.scorecard.models import Actual, Comment, Indicator, Target

QUARTER_1 = "2012-06"


def owner_of(code: str):
    """A login for the person who owns the indicator, with the owner role."""
    person = Indicator.objects.get(code=code).owner
    user = get_user_model().objects.create_user(username=f"owner-of-{code.lower()}")
    person.user, person.role = user, Role.INDICATOR_OWNER
    person.save()
    return user


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
    june = date(2012, 6, 30)
    for i in range(number):
        indicator = Indicator.objects.create(
            code=f"EXTRA{i}",
            title=f"Extra indicator {i}",
            directorate=like.directorate,
            service=like.service,
            owner=owner,
            polarity=like.polarity,
            unit=like.unit,
        )
        stamp = {"indicator": indicator, "period": june, "source": "form", "set_at": now}
        Actual.objects.create(value=Decimal(50), **stamp)
        Target.objects.create(value=Decimal(36), **stamp)
        Comment.objects.create(
            author=owner,
            subject="Head of Service Commentary",
            text="Why",
            state="submitted",
            **{**stamp, "set_at": now + timedelta(seconds=i)},
        )
