"""The SPC baseline of an indicator: performance officers set or clear it (others get 403)."""

from __future__ import annotations

from functools import partial

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from boardpack.accounts.permissions import officer_required
from boardpack.lib.form_writes import form_write
from boardpack.scorecard.indicators.selectors import readable_indicators
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.spc.forms import BaselineForm
from boardpack.scorecard.spc.services import baseline_reason, indicator_set_spc_baseline

PAGE = "scorecard/spc_baseline.html"


def _write(request: HttpRequest, indicator: Indicator, form: BaselineForm) -> bool:
    baseline = form.cleaned_data["baseline"]
    return indicator_set_spc_baseline(indicator=indicator, baseline=baseline, user=request.user)


def _message(form: BaselineForm, changed: bool) -> str:
    return baseline_reason(form.cleaned_data["baseline"]) if changed else "SPC baseline unchanged"


@officer_required
@require_http_methods(["GET", "POST"])
def spc_baseline(request: HttpRequest, pk: int) -> HttpResponse:
    """The form (also on the indicator page): a number sets the baseline, "clear" clears it;
    the form allows only a baseline the service accepts (12 points or more)."""
    indicator = get_object_or_404(readable_indicators(), pk=pk)
    form = BaselineForm(request.POST or None, initial={"baseline": indicator.spc_baseline})
    done = form_write(
        request,
        form,
        partial(_write, request, indicator, form),
        message=partial(_message, form),
        to=lambda _: reverse("indicator", args=[indicator.pk]) + "#spc",
    )
    return done or render(request, PAGE, {"indicator": indicator, "form": form})
