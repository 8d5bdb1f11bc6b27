"""One action's page, and the changes made on it: a progress entry, a BRAG proposal, a BRAG
confirmed.

Every signed-in role reads the page. Its leads (the people linked as responsible), the
programme manager of the plan's board and performance officers add progress and propose a
status; the programme manager and officers confirm one. Anyone else posting gets 403 and
nothing is written. Every change goes through plans.services, which records who, when and why.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from boardpack.lib.form_writes import form_write
from boardpack.plans import services
from boardpack.plans.action_presenters import (
    action_context,
    proposed_message,
    ref_text,
    updated_message,
)
from boardpack.plans.forms import BragProposalForm, ProgressForm
from boardpack.plans.models import Action, BragChange, Plan
from boardpack.plans.presenters import brag_view
from boardpack.plans.queue_views import QUEUE
from boardpack.plans.selectors import action_for_page, attention_horizon


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
    context = action_context(plan, action, horizon=attention_horizon(plan, today), today=today)
    context["may_update"] = may_update = services.may_update(action, request.user)
    context["may_confirm"] = services.may_confirm(plan, request.user)
    if may_update:
        context["progress_form"] = progress_form or ProgressForm(today=today, current=action.brag)
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


def _confirmable(request: HttpRequest, slug: str, pk: int) -> tuple[Plan, Action]:
    plan, found = _action(slug, pk)
    if not services.may_confirm(plan, request.user):
        raise PermissionDenied
    return plan, found


def _action_url(plan: Plan, found: Action) -> str:
    return reverse("plan-action", args=[plan.slug, found.pk])


@login_required
@require_POST
def progress_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan, found = _updatable(request, slug, pk)
    form = ProgressForm(request.POST, today=timezone.localdate(), current=found.brag)
    return form_write(
        request,
        form,
        lambda: services.action_update(action=found, **form.update, user=request.user),
        refused=services.PlanError,
        message=lambda done: updated_message(found, done[1]),
        to=lambda _: _action_url(plan, found),
    ) or _page(request, plan, found, progress_form=form)


@login_required
@require_POST
def brag_propose(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan, found = _updatable(request, slug, pk)
    form = BragProposalForm(request.POST, current=found.brag)
    return form_write(
        request,
        form,
        lambda: services.brag_propose(action=found, **form.cleaned_data, user=request.user),
        refused=services.PlanError,
        message=lambda _: proposed_message(form.status, found),
        to=lambda _: _action_url(plan, found),
    ) or _page(request, plan, found, brag_form=form)


def _confirm(request: HttpRequest, proposal: BragChange, action: Action) -> None:
    try:
        services.brag_confirm(change=proposal, user=request.user)
    except services.PlanError as error:
        messages.info(request, str(error))
        return
    label = brag_view(proposal.brag).label
    messages.success(request, f"Action {ref_text(action)} is now {label}.")


@login_required
@require_POST
def brag_confirm(request: HttpRequest, slug: str, pk: int, change: int) -> HttpResponse:
    plan, found = _confirmable(request, slug, pk)
    proposal = get_object_or_404(found.brag_changes.all(), pk=change)
    _confirm(request, proposal, found)
    if request.POST.get("next") == QUEUE:
        return redirect("brag-queue")
    return redirect(_action_url(plan, found))
