"""The scorecard page and its export. Every signed-in role may read the scorecard."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from boardpack.core.periods import Month
from boardpack.scorecard.default_period import PeriodMenu, period_menu
from boardpack.scorecard.exports import export_csv, export_xlsx
from boardpack.scorecard.forms import ScorecardFilter
from boardpack.scorecard.presenters import scorecard_page, status_choices
from boardpack.scorecard.selectors import (
    ScorecardQuery,
    current_scheme,
    data_version,
    scorecard_rows,
)

SORT_COLUMNS = (
    ("code", "Code", False),
    ("title", "Indicator", False),
    ("owner", "Owner", False),
    ("actual", "Actual", True),
    ("target", "Target", True),
    ("status", "Status", False),
)


def _query(
    request: HttpRequest, default: Month | None
) -> tuple[ScorecardFilter, ScorecardQuery | None]:
    """The filters asked for; the period by default is the shared rule's (default_period)."""
    scheme = current_scheme()
    form = ScorecardFilter(request.GET or None, statuses=status_choices(scheme))
    if default is None:
        return form, None
    if request.GET and not form.is_valid():
        return form, ScorecardQuery(month=default)
    data: dict[str, Any] = form.cleaned_data if request.GET else {}
    return form, ScorecardQuery(
        month=data.get("period") or default,
        director=data.get("director"),
        service=data.get("service"),
        tag=data.get("tag"),
        owner=data.get("owner"),
        status=data.get("status") or "",
        sort=data.get("sort") or "",
        quartile=data.get("quartile") or "",
    )


def _table(request: HttpRequest, menu: PeriodMenu) -> tuple[str, str, bool] | None:
    """The page's title and body for the request's filters, and whether they may be cached
    (not when the filters are invalid); none when there are no values yet."""
    form, query = _query(request, menu.default)
    if query is None:
        return None
    scheme = current_scheme()
    page = scorecard_page(scorecard_rows(query, scheme=scheme), query, scheme)
    table = render_to_string(
        "scorecard/scorecard_table.html",
        {
            "page": page,
            "form": form,
            "periods": menu.choices,
            "query_string": request.GET.urlencode(),
            "sort_columns": SORT_COLUMNS,
        },
        request=request,
    )
    return page.title, table, not form.errors


def _cache_key(version: str, request: HttpRequest, default: Month | None) -> str:
    """By data version, filters and default period (which follows the meetings too)."""
    asked = urlencode(sorted(request.GET.lists()), doseq=True)
    digest = hashlib.sha256(asked.encode()).hexdigest()
    return f"scorecard:{version}:{default}:{digest}"


@login_required
def scorecard(request: HttpRequest) -> HttpResponse:
    """The same body for every role, so it is cached by the data version and the filters:
    the version changes whenever the data the body shows change (DataVersion). A quartile
    filter reads the benchmarks, which the version does not follow, so it is never cached."""
    version = None if request.GET.get("quartile") else data_version()
    menu = period_menu()
    key = _cache_key(version, request, menu.default) if version else None
    cached = cache.get(key) if key else None
    if cached is None:
        made = _table(request, menu)
        if made is None:
            return render(request, "scorecard/empty.html")
        title, table, cacheable = made
        cached = (title, table)
        if key and cacheable:
            cache.set(key, cached)
    title, table = cached
    return render(request, "scorecard/scorecard.html", {"title": title, "table": table})


@login_required
def scorecard_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The current view of the scorecard (same period and filters) as CSV or XLSX."""
    exporters = {"csv": export_csv, "xlsx": export_xlsx}
    if fmt not in exporters:
        raise Http404
    _, query = _query(request, period_menu().default)
    month = query.month if query else Month(2000, 1)
    rows = scorecard_rows(query, scheme=current_scheme()) if query else []
    return exporters[fmt](rows, filename=f"scorecard-{month.key}.{fmt}")
