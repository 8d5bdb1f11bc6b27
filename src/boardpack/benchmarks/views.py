"""The benchmarks page: what is loaded, which indicators are linked to which published measure,
and the published measures not yet linked. Everyone signed in reads it; performance officers
link and unlink (anyone else gets 403)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from boardpack.accounts.permissions import is_officer, officer_required
from boardpack.benchmarks.forms import LinkForm, MeasureFilter
from boardpack.benchmarks.page import page_context
from boardpack.benchmarks.selectors import topics
from boardpack.benchmarks.services import link_remove, link_save
from boardpack.scorecard.models import Indicator

REASON = "benchmarks page"


def _page(request: HttpRequest, form: LinkForm | None, status: int = 200) -> HttpResponse:
    officer = is_officer(request.user)
    chooser = MeasureFilter(request.GET or None, topics=topics())
    if officer and form is None:
        asked = {k: request.GET[k] for k in ("indicator", "measure") if k in request.GET}
        form = LinkForm(initial=asked)
    context = page_context(chooser, form if officer else None, may_edit=officer)
    return render(request, "benchmarks/benchmarks.html", context, status=status)


@login_required
@require_GET
def benchmarks(request: HttpRequest) -> HttpResponse:
    return _page(request, None)


@officer_required
@require_POST
def link_save_view(request: HttpRequest) -> HttpResponse:
    form = LinkForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    outcome = link_save(**form.cleaned_data, user=request.user, reason=REASON)
    indicator, measure = form.cleaned_data["indicator"], form.cleaned_data["measure"]
    messages.success(request, f"{indicator.code} is compared with {measure.code} ({outcome}).")
    return redirect("benchmarks")


@officer_required
@require_POST
def link_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator, pk=pk)
    if link_remove(indicator=indicator, user=request.user, reason=REASON):
        messages.success(request, f"{indicator.code} is no longer compared with a measure.")
    return redirect("benchmarks")
