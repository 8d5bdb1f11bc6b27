"""Move the demo's corporate parenting plan (written for 2018 to 2020) by whole years to around
today, so that some of its actions are overdue and the rest still to come, as a live plan's are."""

from __future__ import annotations

import re
from datetime import date

from django.db import transaction

from boardpack.lib.audit import audited
from boardpack.plans.models import Action, Plan, ProgressEntry

YEAR = re.compile(r"\b(20\d\d)\b")
REASON = "demo data: the plan's dates moved to around today"


def moved(day: date | None, years: int) -> date | None:
    """The same day `years` later (29 February becomes the 28th in a common year)."""
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def years_to_today(plan: Plan, today: date) -> int:
    """Whole years that put the middle of the plan's period in today's year."""
    if plan.period_start is None or plan.period_end is None:
        return 0
    middle = plan.period_start + (plan.period_end - plan.period_start) / 2
    return today.year - middle.year


@transaction.atomic
def move_plan_to_today(plan: Plan, today: date) -> int:
    """Move the plan's period, its actions' due dates and timescales, and its progress dates,
    by the same whole years; the plan's and actions' histories record it. Returns the years."""
    years = years_to_today(plan, today)
    if not years:
        return 0
    plan.period_start, plan.period_end = (
        moved(plan.period_start, years),
        moved(plan.period_end, years),
    )
    audited(plan, None, REASON)
    plan.save()
    for action in Action.objects.filter(plan=plan):
        due = moved(action.due_date, years)
        timescale = YEAR.sub(lambda m: str(int(m[1]) + years), action.timescale_text)
        if (due, timescale) != (action.due_date, action.timescale_text):
            action.due_date, action.timescale_text = due, timescale
            audited(action, None, REASON)
            action.save()
    for entry in ProgressEntry.objects.filter(action__plan=plan, date__isnull=False):
        entry.date = moved(entry.date, years)
        entry.save(update_fields=["date"])
    return years
