"""The pages that compose several apps: the scorecard (with the benchmarks' quartile filter) and
its export, and an indicator's page (with the benchmark and calculated panels)."""

from __future__ import annotations

from functools import partial

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from boardpack.scorecard.default_period import period_menu
from boardpack.scorecard.exports import export_csv, export_xlsx
from boardpack.scorecard.indicators.selectors import readable_indicators
from boardpack.scorecard.page_cache import cached_body
from boardpack.scorecard.selectors import current_scheme
from boardpack.web.indicator import indicator_context
from boardpack.web.scorecard import asked, scorecard_body, shown_rows

EXPORTERS = {"csv": export_csv, "xlsx": export_xlsx}


@login_required
def scorecard(request: HttpRequest) -> HttpResponse:
    """The same body for every role, kept by the data version and the filters. A quartile filter
    reads the benchmarks, which the version does not follow, so it is never kept."""
    menu = period_menu()
    quartile = bool(request.GET.get("quartile"))
    build = partial(scorecard_body, request, menu)
    body = cached_body(request, build, follows_version=not quartile, default=menu.default)
    if body is None:
        return render(request, "scorecard/empty.html")
    title, table = body
    return render(request, "scorecard/scorecard.html", {"title": title, "table": table})


@login_required
def scorecard_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The current view of the scorecard (same period and filters) as CSV or XLSX."""
    if fmt not in EXPORTERS:
        raise Http404
    chosen = asked(request, period_menu().default)
    rows = shown_rows(chosen, current_scheme())
    return EXPORTERS[fmt](rows, filename=f"scorecard-{chosen.month.key}.{fmt}")


@login_required
@require_GET
def indicator(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = get_object_or_404(readable_indicators(), pk=pk)
    return render(request, "scorecard/indicator.html", indicator_context(request, chosen))
