"""A report as chosen on the reports page, by name: its form from the submitted fields, and the
document a valid form asks for, as the page's previews build it. The background jobs that make
the downloads build through here, so a download is the same report as its preview."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms

from boardpack.benchmarks.selectors import linked_year_ends
from boardpack.reports.builders.appendix import AppendixQuery, build_appendix
from boardpack.reports.builders.delivery_plan import PlanReportQuery, build_delivery_plan
from boardpack.reports.builders.priority import PriorityQuery, build_priority
from boardpack.reports.builders.quarterly import build_quarterly
from boardpack.reports.document import Document
from boardpack.reports.forms import AppendixForm, QuarterlyForm
from boardpack.reports.plan_forms import PlanReportForm, PriorityReportForm
from boardpack.scorecard.forms import period_choices
from boardpack.scorecard.selectors import actual_months, current_scheme


def _priority(form: Any) -> Document:
    objective = form.cleaned_data["priority"]
    month = form.cleaned_data["period"]
    query = PriorityQuery(plan=objective.plan, objective=objective, month=month)
    return build_priority(query, scheme=current_scheme())


REPORTS: dict[str, tuple[Callable[[Any], forms.Form], Callable[[Any], Document]]] = {
    "quarterly": (
        lambda data: QuarterlyForm(data, periods=period_choices(actual_months())),
        lambda form: build_quarterly(form.query, scheme=current_scheme()),
    ),
    "appendix": (
        lambda data: AppendixForm(data, years=linked_year_ends()),
        lambda form: build_appendix(AppendixQuery(year=form.cleaned_data["year"])),
    ),
    "plan": (
        PlanReportForm,
        lambda form: build_delivery_plan(PlanReportQuery(form.cleaned_data["plan"])),
    ),
    "priority": (
        lambda data: PriorityReportForm(data, periods=period_choices(actual_months())),
        _priority,
    ),
}


def report_form(report: str, data: Any) -> forms.Form:
    return REPORTS[report][0](data)


def chosen_document(report: str, form: forms.Form) -> Document:
    """The document a valid form of this report asks for."""
    return REPORTS[report][1](form)
