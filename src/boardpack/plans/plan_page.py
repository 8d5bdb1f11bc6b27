"""A plan's page: its summary, the filters as chosen, the page of actions they pick and what
needs attention by the plan's horizon, put together for the template."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict
from django.utils import timezone

from boardpack.plans.forms import PlanFilters
from boardpack.plans.models import Plan
from boardpack.plans.presenters import plan_context
from boardpack.plans.selectors import actions_page, attention_horizon, plan_leads, plan_summary


def plan_page(chosen: Plan, query: QueryDict, *, officer: bool) -> dict[str, Any]:
    summary = plan_summary(chosen)
    filters = PlanFilters(
        query or None, objectives=summary.known_objectives, leads=plan_leads(chosen)
    )
    today = timezone.localdate()
    horizon = attention_horizon(chosen, today)
    page = actions_page(
        chosen, query.get("page"), **filters.chosen(), as_of=today, horizon=horizon.date
    )
    context = plan_context(summary, filters, page, horizon=horizon, today=today)
    context["may_see_attention"] = officer
    return context
