"""The reports page's choices for the plan reports: a delivery plan, and a priority."""

from __future__ import annotations

from typing import Any

from django import forms

from boardpack.core.periods import Month, parse_period
from boardpack.plans.models import Objective, Plan
from boardpack.reports.builders.priority import priority_title
from boardpack.reports.render import FORMATS
from boardpack.scorecard.default_period import PeriodMenu, period_menu

FORMAT_CHOICES = [(f, f.upper()) for f in FORMATS]


class PlanReportForm(forms.Form):
    plan = forms.ModelChoiceField(
        queryset=Plan.objects.all(),
        to_field_name="slug",
        empty_label=None,
        label="Plan",
        error_messages={"invalid_choice": "Choose a plan from the list"},
    )
    format = forms.ChoiceField(choices=FORMAT_CHOICES, initial="html", required=False)

    def __init__(self, data: Any = None) -> None:
        super().__init__(data, auto_id="plan-report-%s")


class PriorityChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Objective) -> str:  # type: ignore[override]
        title = priority_title(obj)
        return f"{obj.plan.name}: {title[:70]}{'…' if len(title) > 70 else ''}"


class PriorityReportForm(forms.Form):
    priority = PriorityChoice(
        queryset=Objective.objects.select_related("plan").order_by("plan__name", "order"),
        empty_label=None,
        label="Priority (an objective of a plan)",
        error_messages={"invalid_choice": "Choose a priority from the list"},
    )
    period = forms.ChoiceField(label="Quarter or month of the success measures")
    format = forms.ChoiceField(choices=FORMAT_CHOICES, initial="html", required=False)

    def __init__(self, data: Any = None, *, menu: PeriodMenu) -> None:
        super().__init__(data, auto_id="priority-%s")
        self.fields["period"].choices = menu.choices  # type: ignore[attr-defined]
        if data is None:
            self.initial["priority"] = measured_priority()
            self.initial["period"] = menu.default.key if menu.default else None

    def clean_period(self) -> Month:
        return parse_period(self.cleaned_data["period"])


def measured_priority() -> Objective | None:
    """The first objective with an action linked to an indicator: a priority with measures."""
    return (
        Objective.objects.filter(actions__metric_indicator__isnull=False)
        .order_by("plan__name", "order")
        .first()
    )


def plan_report_forms(
    plan_form: PlanReportForm | None = None, priority_form: PriorityReportForm | None = None
) -> dict[str, Any]:
    """The plan reports' forms for the reports page: as submitted, or blank."""
    return {
        "plan_form": plan_form or PlanReportForm(),
        "priority_form": priority_form or PriorityReportForm(menu=period_menu()),
    }
