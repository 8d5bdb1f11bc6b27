"""The indicator library: performance officers list, create and edit indicators and targets.

Everyone else is refused (403). Definitions are written through services.indicator_save and
targets through services.values_record, both with the signed-in officer as the author.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from boardpack.accounts.permissions import officer_required
from boardpack.lib.form_writes import form_write
from boardpack.scorecard.library.forms import IndicatorForm, TargetsForm
from boardpack.scorecard.library.selectors import (
    director_names,
    library_indicators,
    library_rows,
    person_names,
    service_names,
    target_years,
    year_values,
)
from boardpack.scorecard.models import Indicator, Source
from boardpack.scorecard.services import IndicatorSpec, indicator_save, values_record

REASON = "web form"


def _by_form(request: HttpRequest) -> dict[str, Any]:
    """Who wrote values from this page, and how, as services.values_record takes them."""
    return {"user": request.user, "source": Source.FORM, "source_ref": REASON}


@officer_required
def library(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()
    rows = library_rows(library_indicators(text=text))
    return render(request, "scorecard/library/list.html", {"rows": rows, "text": text})


def _indicator_form(indicator: Indicator | None, data: Any = None) -> IndicatorForm:
    return IndicatorForm(
        data,
        indicator=indicator,
        directors=director_names(),
        services=service_names(),
        people=person_names(),
    )


def _targets_form(
    indicator: Indicator, year_text: str | None, data: Any = None
) -> TargetsForm | None:
    """The targets of the asked-for financial year (404 for a year not offered); none for a
    milestone, which has no monthly values."""
    if indicator.kind == Indicator.Kind.MILESTONE:
        return None
    years, year = target_years(indicator, year_text, timezone.localdate())
    if year not in years:
        raise Http404
    return TargetsForm(
        data, indicator=indicator, values=year_values(indicator, year), year=year, years=years
    )


def _posted_targets(request: HttpRequest, indicator: Indicator) -> TargetsForm:
    targets = _targets_form(indicator, request.POST.get("year"), request.POST)
    if targets is None:
        raise Http404
    return targets


def _targets_saved(targets: TargetsForm, counts: dict[str, int]) -> str:
    changed = counts["created"] + counts["updated"]
    return f"Targets for {targets.year_label} saved: {changed} month(s) changed"


def _form_page(
    request: HttpRequest,
    indicator: Indicator | None,
    form: IndicatorForm,
    targets: TargetsForm | None = None,
) -> HttpResponse:
    context: dict[str, Any] = {"indicator": indicator, "form": form, "targets": targets}
    return render(request, "scorecard/library/form.html", context)


def _save(request: HttpRequest, spec: IndicatorSpec) -> str:
    return indicator_save(
        spec=spec, data_source=Indicator.DataSource.ENTERED, user=request.user, reason=REASON
    )


@officer_required
@require_http_methods(["GET", "POST"])
def library_new(request: HttpRequest) -> HttpResponse:
    form = _indicator_form(None, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and form.spec:
        _save(request, form.spec)
        created = Indicator.objects.get(code=form.spec.code)
        messages.success(request, f"Indicator {created.code} created")
        return redirect("library-edit", pk=created.pk)
    return _form_page(request, None, form)


@officer_required
@require_http_methods(["GET", "POST"])
def library_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(library_indicators(), pk=pk)
    form = _indicator_form(indicator, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and form.spec:
        outcome = _save(request, form.spec)
        text = "saved" if outcome == "updated" else "unchanged: nothing to save"
        messages.success(request, f"Indicator {indicator.code} {text}")
        return redirect("library-edit", pk=indicator.pk)
    targets = _targets_form(indicator, request.GET.get("year"))
    return _form_page(request, indicator, form, targets)


@officer_required
@require_POST
def library_targets(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(library_indicators(), pk=pk)
    targets = _posted_targets(request, indicator)
    url = reverse("library-edit", kwargs={"pk": indicator.pk})
    return form_write(
        request,
        targets,
        lambda: values_record(entries=targets.entries, **_by_form(request)),
        message=lambda counts: _targets_saved(targets, counts),
        to=lambda _: f"{url}?year={targets.year}#targets",
    ) or _form_page(request, indicator, _indicator_form(indicator), targets)
