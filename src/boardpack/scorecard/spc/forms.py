"""The SPC baseline form of the indicator page."""

from __future__ import annotations

from django import forms

from boardpack.core.spc import MIN_POINTS


class BaselineForm(forms.Form):
    baseline = forms.IntegerField(
        label="The first N points",
        help_text=f"At least {MIN_POINTS}. The limits are then worked out from these points "
        "only and do not move as points are added. Leave blank to use every point.",
        required=False,
        min_value=MIN_POINTS,
        max_value=32767,
        error_messages={
            "min_value": f"A baseline needs at least {MIN_POINTS} points",
            "max_value": "Enter a baseline of at most 32,767 points",
            "invalid": "Enter the baseline as a whole number of points, for example 24",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
    )
