"""Forms of the commentary pages: the month, the commentary, the review and a delegation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from boardpack.accounts.models import Person
from boardpack.core.commentary import State, needs_reason
from boardpack.core.periods import Month, parse_period
from boardpack.scorecard.default_period import PeriodMenu
from boardpack.scorecard.models import Comment, Indicator
from boardpack.scorecard.services import opened_stamp

DEFAULT_SUBJECT = "Head of Service Commentary"


class PeriodChoice(forms.Form):
    """Which month a commentary page shows; the shared default period (default_period) if none
    is asked for."""

    period = forms.TypedChoiceField(
        coerce=parse_period,
        label="Period",
        error_messages={"invalid_choice": "Select a period from the list"},
    )

    def __init__(self, data: Any, *, menu: PeriodMenu) -> None:
        super().__init__(data if data and "period" in data else None)
        self.fields["period"].choices = menu.choices  # type: ignore[attr-defined]
        self.default = menu.default

    def month(self) -> Month | None:
        """The month asked for when valid, else the default."""
        if self.is_bound and self.is_valid():
            chosen: Month = self.cleaned_data["period"]
            return chosen
        return self.default


class CommentForm(forms.Form):
    """A writer's commentary. The subject is chosen once, when the comment is first written."""

    subject = forms.CharField(
        max_length=200,
        initial=DEFAULT_SUBJECT,
        label="Subject",
        error_messages={"required": "Enter a subject"},
    )
    text = forms.CharField(
        widget=forms.Textarea,
        label="Commentary",
        help_text="Explain why the indicator is off target and what is being done about it.",
        error_messages={"required": "Enter the commentary"},
    )
    opened = forms.CharField(required=False, widget=forms.HiddenInput)
    """When the commentary shown was last saved (services.opened_stamp): a later save is not
    overwritten."""

    def __init__(
        self, data: Any = None, *, comment: Comment | None, start_from: Comment | None = None
    ) -> None:
        """`start_from`: earlier text the box opens with instead of the comment's own."""
        start = start_from or comment
        initial = {"text": start.text} if start else {}
        super().__init__(data, initial={**initial, "opened": opened_stamp(comment)})
        self.comment = comment
        if comment is not None:
            del self.fields["subject"]

    @property
    def submits(self) -> bool:
        """Which button was pressed: 'Submit for approval' rather than 'Save as draft'."""
        return self.data.get("action") == "submit"

    def chosen_subject(self) -> str:
        if self.comment is not None:
            return self.comment.subject
        typed: str = self.cleaned_data["subject"]
        return typed

    @property
    def written(self) -> dict[str, Any]:
        """The valid form as scorecard.services.comment_write takes it."""
        return {
            "subject": self.chosen_subject(),
            "text": self.cleaned_data["text"],
            "submit": self.submits,
            "opened": self.cleaned_data["opened"] if "opened" in self.data else None,
        }


class ReviewForm(forms.Form):
    """A performance officer's decision: approve, or return with a reason."""

    reason = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Reason for returning",
        help_text="Needed only when you return the commentary: the writer sees it.",
    )

    @property
    def approves(self) -> bool:
        return self.data.get("decision") == "approve"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        wanted = State.APPROVED if self.approves else State.RETURNED
        if needs_reason(wanted) and not data.get("reason", "").strip():
            self.add_error("reason", "Enter the reason for returning the commentary")
        return data


class CorrectionForm(forms.Form):
    """A performance officer corrects submitted text (a typo) and says what was corrected."""

    text = forms.CharField(
        widget=forms.Textarea,
        label="Corrected commentary",
        help_text="Change only what is wrong: the writer's words stay theirs.",
        error_messages={"required": "Enter the commentary"},
    )
    note = forms.CharField(
        max_length=200,
        label="What you corrected",
        help_text="For example: a typo in the second paragraph. It is kept in the history.",
        error_messages={"required": "Say what you corrected"},
    )

    def __init__(self, data: Any = None, *, comment: Comment) -> None:
        super().__init__(data, initial={"text": comment.text}, prefix="correct")


class DelegationForm(forms.Form):
    """An owner names the colleague who writes one of their indicators' commentary."""

    indicator = forms.ModelChoiceField(
        queryset=Indicator.objects.none(),
        label="Indicator",
        empty_label="Choose an indicator",
        error_messages={
            "required": "Select an indicator",
            "invalid_choice": "Select one of your indicators",
        },
    )
    delegate = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        label="Colleague",
        empty_label="Choose a colleague",
        error_messages={
            "required": "Select a colleague",
            "invalid_choice": "Select a colleague from the list",
        },
    )

    def __init__(
        self, data: Any = None, *, indicators: QuerySet[Indicator], people: QuerySet[Person]
    ) -> None:
        super().__init__(data)
        self.indicators = indicators
        self.fields["indicator"].queryset = indicators  # type: ignore[attr-defined]
        self.fields["delegate"].queryset = people  # type: ignore[attr-defined]
