"""Finding the plan, priority and period a plan report is for, from what a person typed."""

from __future__ import annotations

from boardpack.core.periods import PeriodError, parse_period
from boardpack.plans.models import Plan
from boardpack.plans.selectors import plan_get
from boardpack.reports.builders.delivery_plan import PlanReportQuery
from boardpack.reports.builders.priority import PriorityQuery
from boardpack.reports.services import ReportRequestError


def _plan(name_or_slug: str) -> Plan:
    plan = plan_get(name_or_slug.strip())
    if plan is None:
        known = "; ".join(Plan.objects.values_list("name", flat=True)) or "none imported"
        raise ReportRequestError(f"plan {name_or_slug!r} is not known (known: {known})")
    return plan


def plan_report_query(plan: str) -> PlanReportQuery:
    return PlanReportQuery(_plan(plan))


def priority_query(*, plan: str, objective: str, period: str) -> PriorityQuery:
    chosen = _plan(plan)
    found = chosen.objectives.filter(number=int(objective)) if objective.isdigit() else None
    if not found:
        numbers = ", ".join(str(n) for n in chosen.objectives.values_list("number", flat=True))
        raise ReportRequestError(
            f"{chosen.name} has no objective {objective!r} (its objectives: {numbers or 'none'})"
        )
    try:
        month = parse_period(period)
    except PeriodError as error:
        raise ReportRequestError(f"period: {error}") from None
    return PriorityQuery(plan=chosen, objective=found[0], month=month)
