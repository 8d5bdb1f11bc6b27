"""Needs attention: the imported cells flagged for a person, for performance officers to resolve.

Each flagged action links to its page; a flagged timescale is resolved here by hand (a due
date, "ongoing", or both), keeping the text as written and recording who read it as what.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from boardpack.accounts.permissions import officer_required
from boardpack.lib.form_writes import form_write
from boardpack.plans import services
from boardpack.plans.action_presenters import ref_text, resolved_message
from boardpack.plans.forms import TimescaleForm
from boardpack.plans.models import Action
from boardpack.plans.presenters import attention_groups, brag_view
from boardpack.plans.resolutions import timescale_flags
from boardpack.plans.selectors import needs_attention as flagged_actions


@officer_required
@require_GET
def needs_attention(request: HttpRequest) -> HttpResponse:
    groups = attention_groups(flagged_actions())
    total = sum(len(group.items) for group in groups)
    return render(request, "plans/needs_attention.html", {"groups": groups, "total": total})


def _resolve(request: HttpRequest, form: TimescaleForm, action: Action) -> HttpResponse | None:
    return form_write(
        request,
        form,
        lambda: services.timescale_resolve(action=action, **form.cleaned_data, user=request.user),
        refused=services.PlanError,
        message=lambda _: resolved_message(action),
        to=lambda _: "needs-attention",
        problem=lambda shown, error: shown.add_error("due_date", str(error)),
    )


@officer_required
@require_http_methods(["GET", "POST"])
def timescale_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(Action.objects.select_related("plan", "objective"), pk=pk)
    flags = timescale_flags(action)
    if not flags:
        messages.info(request, f"Action {ref_text(action)}'s timescale is not flagged.")
        return redirect("needs-attention")
    form = TimescaleForm(request.POST if request.method == "POST" else None)
    context = {"action": action, "flags": flags, "form": form, "brag": brag_view(action.brag)}
    return _resolve(request, form, action) or render(
        request, "plans/timescale_resolve.html", context
    )
