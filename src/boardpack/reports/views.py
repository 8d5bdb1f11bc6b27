"""The reports page: choose a report, preview it as a web page, download it in each format."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from boardpack.reports.builders.quarterly import QuarterlyQuery, build_quarterly
from boardpack.reports.forms import QuarterlyForm
from boardpack.reports.render import FORMATS
from boardpack.scorecard.forms import period_choices
from boardpack.scorecard.selectors import actual_months, current_scheme


@login_required
def reports(request: HttpRequest) -> HttpResponse:
    """Every signed-in role may read the board pack; it prints approved commentary only."""
    form = QuarterlyForm(request.GET or None, periods=period_choices(actual_months()))
    if not request.GET or not form.is_valid():
        return render(request, "reports/web/reports.html", {"form": form})
    data = form.cleaned_data
    query = QuarterlyQuery(
        month=data["period"],
        director=data["director"],
        service=data["service"],
        tag=data["tag"],
    )
    document = build_quarterly(query, scheme=current_scheme())
    fmt = data["format"] or "html"
    render_to, content_type = FORMATS[fmt]
    response = HttpResponse(render_to(document), content_type=content_type)
    if fmt != "html":
        filename = f"{document.filename_stem}.{fmt}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
