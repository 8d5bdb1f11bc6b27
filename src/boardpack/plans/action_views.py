"""One action's page, and the changes made on it: a progress entry, a BRAG proposal, a BRAG
confirmed.

Every signed-in role reads the page. Its leads (the people linked as responsible), the
programme manager of the plan's board and performance officers add progress and propose a
status; the programme manager and officers confirm one. Anyone else posting gets 403 and
nothing is written. Every change goes through plans.services, which records who, when and why.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from boardpack.plans import services
from boardpack.plans.action_presenters import (
    action_fields,
    brag_changes,
    field_history,
    progress_log,
    resolutions,
)
from boardpack.plans.forms import BragProposalForm, ProgressForm
from boardpack.plans.models import Action, Plan
from boardpack.plans.presenters import brag_view, latest_entry, urgency
from boardpack.plans.queue_views import QUEUE
from boardpack.plans.selectors import action_for_page, action_history, attention_horizon


def _action(slug: str, pk: int) -> tuple[Plan, Action]:
    plan = get_object_or_404(Plan.objects.select_related("board", "parent"), slug=slug)
    action = action_for_page(plan, pk)
    if action is None:
        raise Http404
    return plan, action


def _page(
    request: HttpRequest,
    plan: Plan,
    action: Action,
    *,
    progress_form: ProgressForm | None = None,
    brag_form: BragProposalForm | None = None,
) -> HttpResponse:
    today = timezone.localdate()
    may_update = services.may_update(action, request.user)
    changes = brag_changes(action)
    context: dict[str, Any] = {
        "plan": plan,
        "action": action,
        "brag": brag_view(action.brag),
        "urgency": urgency(action, as_of=today, horizon=attention_horizon(plan, today)),
        "fields": action_fields(action, plan),
        "flags": action.flags,
        "log": progress_log(action),
        "latest": latest_entry(action),
        "pending": [c for c in changes if not c.change.confirmed],
        "changes": changes,
        "resolutions": resolutions(action),
        "history": field_history(action_history(action)),
        "may_update": may_update,
        "may_confirm": services.may_confirm(plan, request.user),
    }
    if may_update:
        context["progress_form"] = progress_form or ProgressForm(today=today)
        context["brag_form"] = brag_form or BragProposalForm(current=action.brag)
    return render(request, "plans/action.html", context)


@login_required
@require_GET
def action(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan, found = _action(slug, pk)
    return _page(request, plan, found)


def _updatable(request: HttpRequest, slug: str, pk: int) -> tuple[Plan, Action]:
    plan, found = _action(slug, pk)
    if not services.may_update(found, request.user):
        raise PermissionDenied
    return plan, found


@login_required
@require_POST
def progress_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan, found = _updatable(request, slug, pk)
    form = ProgressForm(request.POST, today=timezone.localdate())
    if form.is_valid():
        try:
            services.progress_add(
                action=found,
                day=form.cleaned_data["day"],
                text=form.cleaned_data["text"],
                user=request.user,
            )
        except services.PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Progress added to action {found.ref or '(no ref)'}.")
            return redirect("plan-action", plan.slug, found.pk)
    return _page(request, plan, found, progress_form=form)


@login_required
@require_POST
def brag_propose(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan, found = _updatable(request, slug, pk)
    form = BragProposalForm(request.POST, current=found.brag)
    if form.is_valid():
        try:
            services.brag_propose(
                action=found,
                brag=form.status,
                reason=form.cleaned_data["reason"],
                user=request.user,
            )
        except services.PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"{form.status.label} proposed for action {found.ref or '(no ref)'}: "
                "it counts once the programme manager confirms it.",
            )
            return redirect("plan-action", plan.slug, found.pk)
    return _page(request, plan, found, brag_form=form)


@login_required
@require_POST
def brag_confirm(request: HttpRequest, slug: str, pk: int, change: int) -> HttpResponse:
    plan, found = _action(slug, pk)
    if not services.may_confirm(plan, request.user):
        raise PermissionDenied
    proposal = get_object_or_404(found.brag_changes.all(), pk=change)
    try:
        services.brag_confirm(change=proposal, user=request.user)
    except services.PlanError as error:
        messages.info(request, str(error))
    else:
        label = brag_view(proposal.brag).label
        messages.success(request, f"Action {found.ref or '(no ref)'} is now {label}.")
    if request.POST.get("next") == QUEUE:
        return redirect("brag-queue")
    return redirect("plan-action", plan.slug, found.pk)
