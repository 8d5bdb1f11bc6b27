"""The benchmarks page: what is loaded, which indicators are linked to which published measure,
and the published measures not yet linked. Everyone signed in reads it; performance officers
link and unlink (anyone else gets 403)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from boardpack.accounts.permissions import is_officer, officer_required
from boardpack.benchmarks.forms import LinkForm, MeasureFilter
from boardpack.benchmarks.page import link_rows
from boardpack.benchmarks.selectors import overview, this_authority, topics, unlinked_measures
from boardpack.benchmarks.services import link_remove, link_save
from boardpack.scorecard.models import Indicator

REASON = "benchmarks page"


def _page(request: HttpRequest, form: LinkForm | None, status: int = 200) -> HttpResponse:
    officer = is_officer(request.user)
    chooser = MeasureFilter(request.GET or None, topics=topics())
    wanted: dict[str, Any] = chooser.cleaned_data if chooser.is_valid() else {}
    if officer and form is None:
        form = LinkForm(
            initial={k: request.GET[k] for k in ("indicator", "measure") if k in request.GET}
        )
    measures = unlinked_measures(topic=wanted.get("topic", ""), text=wanted.get("q", ""))
    context = {
        "overview": overview(),
        "authority": this_authority(),
        "links": link_rows(),
        "form": form if officer else None,
        "chooser": chooser,
        "measures": measures,
        "may_edit": officer,
    }
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
    indicator, measure = form.cleaned_data["indicator"], form.cleaned_data["measure"]
    outcome = link_save(
        indicator=indicator,
        measure=measure,
        polarity=form.cleaned_data["polarity"],
        user=request.user,
        reason=REASON,
    )
    messages.success(request, f"{indicator.code} is compared with {measure.code} ({outcome}).")
    return redirect("benchmarks")


@officer_required
@require_POST
def link_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator, pk=pk)
    if link_remove(indicator=indicator, user=request.user, reason=REASON):
        messages.success(request, f"{indicator.code} is no longer compared with a measure.")
    return redirect("benchmarks")
