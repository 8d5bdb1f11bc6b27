"""The plan pages: the plans, a plan with its BRAG summary and filters, and "My actions".

Every signed-in role reads plans. Changes to an action are on its page (plans.action_views);
the officers' "needs attention" list is in plans.attention_views.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from boardpack.accounts.permissions import is_officer, person_of
from boardpack.plans import selectors
from boardpack.plans.models import Plan
from boardpack.plans.plan_page import plan_page
from boardpack.plans.presenters import (
    BRAG_CHOICE_VIEWS,
    person_action_rows,
    plan_list_rows,
)
from boardpack.plans.selectors import (
    attention_horizons,
    plans_with_counts,
)


@login_required
@require_GET
def plans(request: HttpRequest) -> HttpResponse:
    rows = plan_list_rows(plans_with_counts())
    context = {"rows": rows, "summary": [r.summary for r in rows], "legend": BRAG_CHOICE_VIEWS}
    return render(request, "plans/plans.html", context)


@login_required
@require_GET
def plan(request: HttpRequest, slug: str) -> HttpResponse:
    chosen = get_object_or_404(Plan.objects.select_related("board", "parent"), slug=slug)
    context = plan_page(chosen, request.GET, officer=is_officer(request.user))
    return render(request, "plans/plan.html", context)


@login_required
@require_GET
def my_actions(request: HttpRequest) -> HttpResponse:
    """The actions the signed-in person is linked to as responsible, soonest due first."""
    person = person_of(request.user)
    if person is None:
        raise PermissionDenied
    actions = selectors.my_actions(person)
    today = timezone.localdate()
    horizons = attention_horizons(list({a.plan_id: a.plan for a in actions}.values()), today)
    rows = person_action_rows(actions, as_of=today, horizons=horizons)
    return render(request, "plans/my_actions.html", {"person": person, "rows": rows})
