from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from boardpack.core.periods import Month, PeriodError, parse_period
from boardpack.scorecard.presenters import scorecard_page
from boardpack.scorecard.selectors import current_scheme, latest_actual_month, status_rows


@login_required
def scorecard(request: HttpRequest) -> HttpResponse:
    """Every signed-in role may read the scorecard."""
    error = ""
    month: Month | None = latest_actual_month()
    if "period" in request.GET:
        try:
            month = parse_period(request.GET["period"])
        except PeriodError as problem:
            error = str(problem)
    if month is None:
        return render(request, "scorecard/empty.html", {"error": error})
    scheme = current_scheme()
    page = scorecard_page(status_rows(month, scheme=scheme), month, scheme)
    return render(request, "scorecard/scorecard.html", {"page": page, "error": error})
