"""Finding what a report is for (period, director, service, tag; plan, priority) from what a
person typed."""

from __future__ import annotations

from dataclasses import dataclass

from boardpack.accounts.models import OrgUnit
from boardpack.core.periods import PeriodError, parse_period
from boardpack.plans.models import Plan
from boardpack.plans.selectors import plan_get
from boardpack.reports.builders.delivery_plan import PlanReportQuery
from boardpack.reports.builders.priority import PriorityQuery
from boardpack.reports.builders.quarterly import QuarterlyQuery
from boardpack.scorecard.models import Tag


class ReportRequestError(ValueError):
    """A report asked for something that does not exist; the message says which."""


@dataclass(frozen=True)
class QuarterlyRequest:
    period: str
    director: str = ""
    service: str = ""
    tag: str = ""
    spc_charts: bool = False


def _unit(kind: str, name: str, label: str) -> OrgUnit | None:
    if not name:
        return None
    found = OrgUnit.objects.filter(kind=kind, name__iexact=name.strip()).first()
    if found is None:
        known = "; ".join(OrgUnit.objects.filter(kind=kind).values_list("name", flat=True))
        raise ReportRequestError(f"{label} {name!r} is not known (known: {known})")
    return found


def quarterly_query(request: QuarterlyRequest) -> QuarterlyQuery:
    try:
        month = parse_period(request.period)
    except PeriodError as error:
        raise ReportRequestError(f"period: {error}") from None
    tag = None
    if request.tag:
        tag = Tag.objects.filter(code__iexact=request.tag.strip()).first()
        if tag is None:
            raise ReportRequestError(f"plan tag {request.tag!r} is not known")
    return QuarterlyQuery(
        month=month,
        director=_unit(OrgUnit.Kind.DIRECTORATE, request.director, "director"),
        service=_unit(OrgUnit.Kind.SERVICE, request.service, "service"),
        tag=tag,
        spc_charts=request.spc_charts,
    )


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
