"""The scorecard page and its export. Every signed-in role may read the scorecard."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from boardpack.core.periods import Month
from boardpack.scorecard.exports import export_csv, export_xlsx
from boardpack.scorecard.forms import ScorecardFilter, period_choices
from boardpack.scorecard.presenters import scorecard_page, status_choices
from boardpack.scorecard.selectors import (
    ScorecardQuery,
    actual_months,
    current_scheme,
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
    request: HttpRequest, months: list[Month]
) -> tuple[ScorecardFilter, ScorecardQuery | None]:
    scheme = current_scheme()
    form = ScorecardFilter(request.GET or None, statuses=status_choices(scheme))
    if not months:
        return form, None
    if request.GET and not form.is_valid():
        return form, ScorecardQuery(month=months[-1])
    data: dict[str, Any] = form.cleaned_data if request.GET else {}
    return form, ScorecardQuery(
        month=data.get("period") or months[-1],
        director=data.get("director"),
        service=data.get("service"),
        tag=data.get("tag"),
        owner=data.get("owner"),
        status=data.get("status") or "",
        sort=data.get("sort") or "",
        quartile=data.get("quartile") or "",
    )


@login_required
def scorecard(request: HttpRequest) -> HttpResponse:
    months = actual_months()
    form, query = _query(request, months)
    if query is None:
        return render(request, "scorecard/empty.html")
    scheme = current_scheme()
    page = scorecard_page(scorecard_rows(query, scheme=scheme), query, scheme)
    choices = period_choices(months)
    return render(
        request,
        "scorecard/scorecard.html",
        {
            "page": page,
            "form": form,
            "periods": choices,
            "query_string": request.GET.urlencode(),
            "sort_columns": SORT_COLUMNS,
        },
    )


@login_required
def scorecard_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The current view of the scorecard (same period and filters) as CSV or XLSX."""
    exporters = {"csv": export_csv, "xlsx": export_xlsx}
    if fmt not in exporters:
        raise Http404
    _, query = _query(request, actual_months())
    month = query.month if query else Month(2000, 1)
    rows = scorecard_rows(query, scheme=current_scheme()) if query else []
    return exporters[fmt](rows, filename=f"scorecard-{month.key}.{fmt}")
