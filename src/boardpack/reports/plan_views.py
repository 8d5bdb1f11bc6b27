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
from boardpack.reports.builders.delivery_plan import PlanReportQuery, build_delivery_plan
from boardpack.reports.builders.priority import PriorityQuery, build_priority
from boardpack.reports.forms import AppendixForm, QuarterlyForm
from boardpack.reports.plan_forms import PlanReportForm, PriorityReportForm, plan_report_forms
from boardpack.reports.views import document_response
from boardpack.scorecard.default_period import period_menu
from boardpack.scorecard.selectors import current_scheme


def _invalid(request: HttpRequest, **forms: Any) -> HttpResponse:
    context = {
        "form": QuarterlyForm(menu=period_menu()),
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
    document = build_delivery_plan(PlanReportQuery(form.cleaned_data["plan"]))
    return document_response(request, document, form.cleaned_data["format"] or "html")


@login_required
@require_GET
def priority_report(request: HttpRequest) -> HttpResponse:
    form = PriorityReportForm(request.GET, menu=period_menu())
    if not form.is_valid():
        return _invalid(request, priority_form=form)
    objective, month = form.cleaned_data["priority"], form.cleaned_data["period"]
    query = PriorityQuery(plan=objective.plan, objective=objective, month=month)
    document = build_priority(query, scheme=current_scheme())
    return document_response(request, document, form.cleaned_data["format"] or "html")
