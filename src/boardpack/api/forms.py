"""The form of the account page: a new personal access token."""

from __future__ import annotations

from django import forms

from boardpack.api.models import NAME_LENGTH
from boardpack.api.services import DEFAULT_DAYS, MAX_DAYS


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name (optional)",
        max_length=NAME_LENGTH,
        required=False,
        help_text="What uses it, e.g. Power BI. The history of what it changes names it.",
        widget=forms.TextInput(attrs={"class": "govuk-!-width-two-thirds", "autocomplete": "off"}),
    )
    expires_days = forms.IntegerField(
        label="Expires after (days)",
        min_value=1,
        max_value=MAX_DAYS,
        initial=DEFAULT_DAYS,
        help_text=f"From 1 to {MAX_DAYS} days.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}),
        error_messages={
            "required": "Enter how many days the token lasts",
            "invalid": "Enter a whole number of days",
            "min_value": "A token lasts at least 1 day",
            "max_value": f"A token lasts at most {MAX_DAYS} days",
        },
    )
    read_only = forms.BooleanField(
        label="Read-only",
        required=False,
        help_text="It may read but not change anything (Power BI needs no more).",
    )
