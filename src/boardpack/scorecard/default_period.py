"""The period the scorecard, the commentary pages and the reports open on: one rule for all.

1. The period the next board meeting's pack reviews, where a meeting is set (today or later,
   the soonest of any board): what everyone is working towards, even before its figures are in.
2. Otherwise the latest month in which most of the indicators due that month have an actual,
   so that one early figure typed in for a later month does not move everyone's default to a
   period with almost every row empty. An indicator is due in the months it reports in: every
   month when monthly, the quarter ends when quarterly, March (the year end) when annual.
3. Otherwise (no month qualifies) the latest month with any actual; none without actuals.

Meetings belong to the boards app, which sits above scorecard (core → accounts → scorecard →
benchmarks, calculated, plans → reports → boards → entry points), so scorecard never reads
them: the boards app hands its reader of rule 1 to `PACK_PERIOD_READERS` when it starts
(`boards.apps.BoardsConfig.ready`). Without one, rules 2 and 3 apply.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.utils import timezone

from boardpack.core.periods import Month
from boardpack.scorecard.forms import period_choices
from boardpack.scorecard.models import Actual, Indicator
from boardpack.scorecard.selectors import reports_in

PackPeriod = Callable[[date], Month | None]
"""Given today, the period the next meeting's pack reviews, or None when no meeting is set."""

PACK_PERIOD_READERS: list[PackPeriod] = []
"""Rule 1's readers, registered by the apps that know about meetings; the first answer wins."""


def _actual_counts() -> dict[Month, Counter[str]]:
    """Every month with an actual, and how many of its actuals each frequency has (one query)."""
    found: dict[Month, Counter[str]] = {}
    counts = (
        Actual.objects.values_list("period", "indicator__frequency")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for period, frequency, n in counts:
        found.setdefault(Month.of(period), Counter())[frequency] += n
    return found


def _reported(found: dict[Month, Counter[str]]) -> Month | None:
    if not found:
        return None
    measures = Indicator.objects.filter(kind=Indicator.Kind.MEASURE)
    due = Counter(measures.values_list("frequency", flat=True))
    for month in sorted(found, reverse=True):
        expected = sum(n for frequency, n in due.items() if reports_in(frequency, month))
        have = sum(n for frequency, n in found[month].items() if reports_in(frequency, month))
        if expected and have * 2 > expected:
            return month
    return max(found)


def reported_month() -> Month | None:
    """Rules 2 and 3: the latest month in which most indicators due have an actual, else the
    latest with any. Two queries, however many indicators and months (milestones have no
    actuals, so only measures are due)."""
    return _reported(_actual_counts())


def _pack_month(today: date | None) -> Month | None:
    today = today or timezone.localdate()
    return next((m for reader in PACK_PERIOD_READERS if (m := reader(today)) is not None), None)


def default_month(today: date | None = None) -> Month | None:
    """The period a page opens on when none is asked for (the module says the rule)."""
    return _pack_month(today) or reported_month()


@dataclass(frozen=True)
class PeriodMenu:
    """The periods a page offers and the one it opens on."""

    choices: list[tuple[str, str]]
    default: Month | None


def period_menu(today: date | None = None) -> PeriodMenu:
    """Every month of each financial year with actuals and of the default's year, and the
    default. Two or three queries: the next meeting, the actuals, what is due."""
    found = _actual_counts()
    default = _pack_month(today) or _reported(found)
    months = [*found, default] if default else list(found)
    return PeriodMenu(period_choices(months), default)
