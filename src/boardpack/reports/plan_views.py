"""The plan reports on the reports page: a delivery plan's report and a priority report.

Every signed-in role may read them, as they read the plans. Invalid choices show the reports
page again with the problem (400).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from boardpack.benchmarks.selectors import linked_year_ends
from boardpack.reports.chosen import chosen_document
from boardpack.reports.forms import AppendixForm, QuarterlyForm
from boardpack.reports.plan_forms import PlanReportForm, PriorityReportForm, plan_report_forms
from boardpack.reports.views import document_response
from boardpack.scorecard.forms import period_choices
from boardpack.scorecard.selectors import actual_months


def _invalid(request: HttpRequest, **forms: Any) -> HttpResponse:
    context = {
        "form": QuarterlyForm(periods=period_choices(actual_months())),
        "appendix_form": AppendixForm(years=linked_year_ends()),
        **plan_report_forms(**forms),
    }
    return render(request, "reports/web/reports.html", context, status=400)


@login_required
@require_GET
def plan_report(request: HttpRequest) -> HttpResponse:
    form = PlanReportForm(request.GET)
    if not form.is_valid():
        return _invalid(request, plan_form=form)
    return document_response(chosen_document("plan", form), form.cleaned_data["format"] or "html")


@login_required
@require_GET
def priority_report(request: HttpRequest) -> HttpResponse:
    form = PriorityReportForm(request.GET, periods=period_choices(actual_months()))
    if not form.is_valid():
        return _invalid(request, priority_form=form)
    return document_response(
        chosen_document("priority", form), form.cleaned_data["format"] or "html"
    )
