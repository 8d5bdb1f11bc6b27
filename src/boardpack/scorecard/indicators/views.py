"""One indicator's page. Every signed-in role may read it; edit links show only to who may edit."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from boardpack.accounts.permissions import (
    commentable_indicators,
    is_officer,
    value_editable_indicators,
)
from boardpack.benchmarks.panel import benchmark_panel
from boardpack.calculated_indicators.panel import provenance_panel
from boardpack.scorecard.indicators.presenters import indicator_page
from boardpack.scorecard.indicators.selectors import (
    Years,
    indicator_facts,
    indicator_years,
    readable_indicators,
)
from boardpack.scorecard.selectors import current_scheme


def _year(request: HttpRequest, years: Years) -> int | None:
    """The financial year asked for (?year=2012), which must hold data; else the default."""
    text = request.GET.get("year", "")
    if not text:
        return years.default
    if not text.isdigit() or int(text) not in years.years:
        raise Http404
    return int(text)


@login_required
@require_GET
def indicator(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = get_object_or_404(readable_indicators(), pk=pk)
    years = indicator_years(chosen)
    may_comment = commentable_indicators(request.user).filter(pk=pk).exists()
    officer = is_officer(request.user)
    facts = indicator_facts(
        chosen, years=years, year=_year(request, years), drafts=officer or may_comment
    )
    page = indicator_page(facts, scheme=current_scheme(), today=timezone.localdate())
    context = {
        "page": page,
        "may_enter": page.milestone is None
        and value_editable_indicators(request.user).filter(pk=pk).exists(),
        "may_comment": may_comment,
        "may_review": officer,
        "benchmark": benchmark_panel(chosen) if page.milestone is None else None,
        "calculated": provenance_panel(chosen, page.year),
    }
    return render(request, "scorecard/indicator.html", context)
