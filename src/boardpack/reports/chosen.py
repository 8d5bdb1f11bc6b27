"""A report as chosen on the reports page: its form, and the document a valid form asks for.
The reports page's previews and the background jobs that make the downloads build through
here, so a download is the same report as its preview."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms

from boardpack.benchmarks.selectors import linked_year_ends
from boardpack.reports.builders.appendix import AppendixQuery, build_appendix
from boardpack.reports.builders.delivery_plan import PlanReportQuery, build_delivery_plan
from boardpack.reports.builders.priority import PriorityQuery, build_priority
from boardpack.reports.builders.quarterly import QuarterlyQuery, build_quarterly
from boardpack.reports.document import Document
from boardpack.reports.forms import AppendixForm, QuarterlyForm
from boardpack.reports.plan_forms import PlanReportForm, PriorityReportForm
from boardpack.scorecard.forms import period_choices
from boardpack.scorecard.selectors import actual_months, current_scheme


def _quarterly(data: dict[str, Any]) -> Document:
    query = QuarterlyQuery(
        month=data["period"], director=data["director"], service=data["service"], tag=data["tag"]
    )
    return build_quarterly(query, scheme=current_scheme())


def _priority(data: dict[str, Any]) -> Document:
    objective = data["priority"]
    query = PriorityQuery(plan=objective.plan, objective=objective, month=data["period"])
    return build_priority(query, scheme=current_scheme())


REPORTS: dict[str, tuple[Callable[[Any], forms.Form], Callable[[dict[str, Any]], Document]]] = {
    "quarterly": (
        lambda data: QuarterlyForm(data, periods=period_choices(actual_months())),
        _quarterly,
    ),
    "appendix": (
        lambda data: AppendixForm(data, years=linked_year_ends()),
        lambda data: build_appendix(AppendixQuery(year=data["year"])),
    ),
    "plan": (
        PlanReportForm,
        lambda data: build_delivery_plan(PlanReportQuery(data["plan"])),
    ),
    "priority": (
        lambda data: PriorityReportForm(data, periods=period_choices(actual_months())),
        _priority,
    ),
}
"""Each report by name: its form from the submitted data, and its document from the form's
cleaned data."""


def report_form(report: str, data: Any) -> forms.Form:
    return REPORTS[report][0](data)


def chosen_document(report: str, form: forms.Form) -> Document:
    """The document a valid form of this report asks for."""
    return REPORTS[report][1](form.cleaned_data)
