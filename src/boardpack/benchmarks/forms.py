"""The benchmarks page's forms: linking an indicator to a published measure, and the filter of
the measures not yet linked."""

from __future__ import annotations

from django import forms

from boardpack.benchmarks.models import POLARITY_CHOICES, Measure
from boardpack.scorecard.models import Indicator

USE_PUBLISHED = "Use the published polarity (the indicator's where the measure has none)"


class LinkForm(forms.Form):
    indicator = forms.ModelChoiceField(
        queryset=Indicator.objects.filter(kind=Indicator.Kind.MEASURE),
        to_field_name="code",
        label="Indicator",
        empty_label="Choose an indicator",
    )
    measure = forms.ModelChoiceField(
        queryset=Measure.objects.all(),
        to_field_name="code",
        label="Published measure",
        empty_label="Choose a published measure",
    )
    polarity = forms.ChoiceField(
        choices=[("", USE_PUBLISHED), *POLARITY_CHOICES],
        required=False,
        label="Polarity for rank and quartile",
        help_text="Set it only where the published measure has no polarity, or where the "
        "indicator reads the other way.",
    )


class MeasureFilter(forms.Form):
    topic = forms.ChoiceField(required=False, label="Topic")
    q = forms.CharField(required=False, label="Code or name contains", max_length=100)

    def __init__(self, *args: object, topics: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["topic"].choices = [("", "All topics"), *((t, t) for t in topics)]
