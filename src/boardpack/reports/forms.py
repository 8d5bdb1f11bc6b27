"""The reports page's choices."""

from __future__ import annotations

from django import forms

from boardpack.accounts.models import OrgUnit
from boardpack.core.periods import Month, parse_period
from boardpack.reports.builders.quarterly import QuarterlyQuery
from boardpack.reports.render import FORMATS
from boardpack.scorecard.models import Tag


class QuarterlyForm(forms.Form):
    period = forms.ChoiceField(label="Quarter or month")
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
        queryset=Tag.objects.all(),
        to_field_name="code",
        required=False,
        empty_label="All plans",
        label="Plan",
    )
    spc_charts = forms.BooleanField(
        required=False,
        label="With each indicator's SPC chart",
        help_text="The statistical process control chart and its points after each trend chart.",
    )
    format = forms.ChoiceField(
        choices=[(f, f.upper()) for f in FORMATS], initial="html", required=False
    )

    def __init__(self, *args: object, periods: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["period"].choices = periods

    def clean_period(self) -> Month:
        return parse_period(self.cleaned_data["period"])

    @property
    def query(self) -> QuarterlyQuery:
        """The valid form as the quarterly report's query."""
        data = self.cleaned_data
        return QuarterlyQuery(
            month=data["period"],
            director=data["director"],
            service=data["service"],
            tag=data["tag"],
            spc_charts=data["spc_charts"],
        )


class AppendixForm(forms.Form):
    year = forms.TypedChoiceField(
        coerce=int,
        empty_value=None,
        required=False,
        label="Published figures of years ending by",
    )
    format = forms.ChoiceField(
        choices=[(f, f.upper()) for f in FORMATS], initial="html", required=False
    )

    def __init__(self, *args: object, years: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["year"].choices = [("", "The latest published"), *((y, str(y)) for y in years)]
