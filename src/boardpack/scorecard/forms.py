"""Forms of the scorecard pages."""

from __future__ import annotations

from django import forms

from boardpack.accounts.models import OrgUnit, Person
from boardpack.core.periods import Month, PeriodError, fy_months, parse_period
from boardpack.scorecard.models import Tag

SORTS = ("code", "title", "owner", "actual", "target", "status")
SPECIAL_CAUSE = "special-cause"
"""The variation filter's value for "Special cause only"."""


def period_choices(months: list[Month]) -> list[tuple[str, str]]:
    """Quarters (newest first), then the other months; a quarter is shown as its last month."""
    years = sorted({m.fy_start_year for m in months}, reverse=True)
    quarters = [
        (m.key, m.quarter_label)
        for year in years
        for m in reversed(fy_months(year))
        if m.is_quarter_end
    ]
    singles = [
        (m.key, f"{m.label} (month)")
        for year in years
        for m in reversed(fy_months(year))
        if not m.is_quarter_end
    ]
    return quarters + singles


class ScorecardFilter(forms.Form):
    period = forms.CharField(required=False, label="Period", widget=forms.Select)
    """Its options are the months with values (the view's `periods`)."""
    director = forms.ModelChoiceField(
        queryset=OrgUnit.objects.filter(kind=OrgUnit.Kind.DIRECTORATE),
        required=False,
        empty_label="All directors",
    )
    service = forms.ModelChoiceField(
        queryset=OrgUnit.objects.filter(kind=OrgUnit.Kind.SERVICE),
        required=False,
        empty_label="All services",
    )
    tag = forms.ModelChoiceField(
        queryset=Tag.objects.all(), to_field_name="code", required=False, empty_label="All plans"
    )
    status = forms.ChoiceField(required=False)
    owner = forms.ModelChoiceField(
        queryset=Person.objects.filter(indicators__isnull=False).distinct(),
        required=False,
        empty_label="All owners",
    )
    variation = forms.ChoiceField(
        required=False,
        label="Variation (SPC)",
        choices=[("", "All variation"), (SPECIAL_CAUSE, "Special cause only")],
    )
    sort = forms.ChoiceField(
        required=False, choices=[("", "")] + [(s, s) for s in SORTS] + [(f"-{s}", s) for s in SORTS]
    )

    def __init__(self, *args: object, statuses: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["status"].choices = [("", "All statuses"), *statuses]

    def clean_period(self) -> Month | None:
        text = self.cleaned_data["period"]
        if not text:
            return None
        try:
            return parse_period(text)
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from None
