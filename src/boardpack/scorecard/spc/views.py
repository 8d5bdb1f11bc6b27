"""The SPC baseline of an indicator: performance officers set or clear it (others get 403)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from boardpack.accounts.permissions import officer_required
from boardpack.scorecard.indicators.selectors import readable_indicators
from boardpack.scorecard.spc.forms import BaselineForm
from boardpack.scorecard.spc.services import baseline_reason, indicator_set_spc_baseline


@officer_required
@require_http_methods(["GET", "POST"])
def spc_baseline(request: HttpRequest, pk: int) -> HttpResponse:
    """The form (also on the indicator page); "clear" clears, a valid number sets."""
    indicator = get_object_or_404(readable_indicators(), pk=pk)
    posted = request.method == "POST"
    form = BaselineForm(
        request.POST if posted else None, initial={"baseline": indicator.spc_baseline}
    )
    if posted and ("clear" in request.POST or form.is_valid()):
        baseline = None if "clear" in request.POST else form.cleaned_data["baseline"]
        changed = indicator_set_spc_baseline(
            indicator=indicator, baseline=baseline, user=request.user
        )
        messages.success(
            request, baseline_reason(baseline) if changed else "SPC baseline unchanged"
        )
        return redirect(reverse("indicator", args=[indicator.pk]) + "#spc")
    return render(request, "scorecard/spc_baseline.html", {"indicator": indicator, "form": form})
