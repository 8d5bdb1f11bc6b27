"""Entering values: one indicator's financial year, a service's month, and the live status.

Performance officers enter values for every indicator, owners for their own; delegates and
viewers are refused (403). Values are written through scorecard.services.values_record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from boardpack.accounts.models import Role
from boardpack.accounts.permissions import role_required
from boardpack.core.periods import Month, fy_months, parse_period
from boardpack.scorecard.models import Indicator, Source
from boardpack.scorecard.permissions import value_editable_indicators
from boardpack.scorecard.selectors import current_scheme, reports_in
from boardpack.scorecard.services import values_record
from boardpack.scorecard.values.forms import GridChoice, ValuesForm, entry_rows, saved_message
from boardpack.scorecard.values.presenters import period_name, year_context
from boardpack.scorecard.values.selectors import (
    Cell,
    entry_months,
    latest_actual_month,
    latest_year,
    service_cells,
    value_cells,
    value_indicators,
    value_services,
)

SOURCE_REF = "web form"
values_editor_required = role_required({Role.PERFORMANCE_OFFICER, Role.INDICATOR_OWNER})
"""Officers and owners enter values; delegates and viewers may not (403)."""


def _editable(request: HttpRequest) -> QuerySet[Indicator]:
    return value_indicators(value_editable_indicators(request.user))


def _save_or_render(
    request: HttpRequest, form: ValuesForm, template: str, context: dict[str, Any]
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        counts = values_record(
            entries=form.entries(), user=request.user, source=Source.FORM, source_ref=SOURCE_REF
        )
        messages.success(request, saved_message(counts))
        return redirect(request.get_full_path())
    rows = entry_rows(form, current_scheme())
    return render(request, template, {**context, "form": form, "rows": rows})


def _year(request: HttpRequest, indicator: Indicator) -> int:
    text = request.GET.get("year", "")
    if text.isdigit() and 1900 <= int(text) <= 2998:
        return int(text)
    return latest_year(indicator)


def _by_code(cell: Cell) -> str:
    return cell.indicator.code


def _values_form(
    request: HttpRequest, cells: list[Cell], name_of: Callable[[Cell], str]
) -> ValuesForm:
    data = request.POST if request.method == "POST" else None
    return ValuesForm(data, cells=cells, name_of=name_of)


@values_editor_required
@require_http_methods(["GET", "POST"])
def indicator_values(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(value_editable_indicators(request.user), pk=pk)
    if indicator.kind == Indicator.Kind.MILESTONE:
        return render(request, "scorecard/values_milestone.html", {"indicator": indicator})
    year = _year(request, indicator)
    months = [m for m in fy_months(year) if reports_in(indicator.frequency, m)]
    form = _values_form(request, value_cells([indicator], months), period_name(indicator))
    context = year_context(indicator, year)
    return _save_or_render(request, form, "scorecard/values_indicator.html", context)


def _grid_choice(request: HttpRequest, services: QuerySet[Any]) -> GridChoice:
    """The service and month asked for; the first service and the latest month by default."""
    data: Any = request.GET
    if "service" not in data and "period" not in data:
        first = services.first()
        data = {"service": first.pk if first else "", "period": latest_actual_month().key}
    return GridChoice(data, services=services, months=entry_months())


@values_editor_required
@require_http_methods(["GET", "POST"])
def values_grid(request: HttpRequest) -> HttpResponse:
    editable = _editable(request)
    services = value_services(editable)
    choice = _grid_choice(request, services)
    context: dict[str, Any] = {"choice": choice, "has_services": services.exists()}
    if not choice.is_valid():
        return render(request, "scorecard/values_grid.html", context)
    service, month = choice.cleaned_data["service"], choice.cleaned_data["period"]
    form = _values_form(request, service_cells(editable, service, month), _by_code)
    context.update(service=service, month=month)
    return _save_or_render(request, form, "scorecard/values_grid.html", context)


def _preview_target(request: HttpRequest) -> tuple[int, Month]:
    try:
        return int(request.GET.get("indicator", "")), parse_period(request.GET.get("period", ""))
    except ValueError:
        raise Http404 from None


@values_editor_required
@require_GET
def status_preview(request: HttpRequest) -> HttpResponse:
    """The status tag a cell would show with the typed actual and target (an HTMX fragment)."""
    pk, month = _preview_target(request)
    indicator = get_object_or_404(_editable(request), pk=pk)
    cells = value_cells([indicator], [month])
    form = ValuesForm(
        request.GET, cells=cells, name_of=lambda cell: cell.month.label, check_newer=False
    )
    status = form.preview()
    symbol = current_scheme().symbol(status) if status is not None else None
    return render(request, "scorecard/status_fragment.html", {"symbol": symbol})
