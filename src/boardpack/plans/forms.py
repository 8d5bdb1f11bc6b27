"""Forms of the plan pages: the plan's filters, a progress entry, a BRAG proposal, and a
flagged timescale resolved by hand. They check input only; the rules are in plans.services."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from boardpack.accounts.models import Person
from boardpack.core.brag import BRAG_ORDER, Brag
from boardpack.lib.forms import DateField
from boardpack.plans.models import Objective
from boardpack.plans.presenters import NO_STATUS

NO_STATUS_VALUE = "none"
"""The filter's value for actions with no BRAG status (a blank value means any status)."""
DATE_HINT = "For example, 14 5 2019"


class PlanFilters(forms.Form):
    """Which of a plan's actions its page lists. Every field is optional; invalid ones are
    ignored (a filter link that went stale shows every action rather than an error)."""

    objective = forms.TypedChoiceField(label="Objective", required=False, coerce=int)
    brag = forms.ChoiceField(label="BRAG", required=False)
    lead = forms.TypedChoiceField(label="Lead", required=False, coerce=int)
    responsible = forms.CharField(label="Responsible (words)", required=False, max_length=200)
    overdue = forms.BooleanField(label="Overdue", required=False)
    due_soon = forms.BooleanField(label="Due by the next meeting", required=False)
    flagged = forms.BooleanField(label="Flagged cells", required=False)

    def __init__(
        self, data: Any, *, objectives: list[Objective], leads: list[Person] | None = None
    ) -> None:
        super().__init__(data)
        self.objectives = {o.number: o for o in objectives}
        self.leads = {p.pk: p for p in leads or []}
        self.fields["lead"].choices = [  # type: ignore[attr-defined]
            ("", "Any lead"),
            *((p.pk, p.name) for p in self.leads.values()),
        ]
        self.fields["objective"].choices = (
            [("", "All objectives")]
            + [  # type: ignore[attr-defined]
                (o.number, f"{o.number}. {o.title[:60]}") for o in objectives
            ]
        )
        self.fields["brag"].choices = (  # type: ignore[attr-defined]
            [("", "Any status")]
            + [(s.value, s.label) for s in BRAG_ORDER]
            + [(NO_STATUS_VALUE, NO_STATUS)]
        )

    def chosen(self) -> dict[str, Any]:
        """The filters as `actions_filtered` takes them."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        brag = data.get("brag") or None
        return {
            "objective": self.objectives.get(data["objective"]) if data.get("objective") else None,
            "brag": "" if brag == NO_STATUS_VALUE else brag,
            "lead": self.leads.get(data["lead"]) if data.get("lead") else None,
            "responsible": data.get("responsible", "").strip() or None,
            "overdue": bool(data.get("overdue")),
            "due_soon": bool(data.get("due_soon")),
            "flagged": bool(data.get("flagged")),
        }

    @property
    def show_only(self) -> list[forms.BoundField]:
        return [self[name] for name in ("overdue", "due_soon", "flagged")]

    @property
    def active(self) -> bool:
        return any(value not in (None, False, "") for value in self.chosen().values())


KEEP = ""
"""The update's BRAG choice that proposes no change."""


class ProgressForm(forms.Form):
    """An update of an action in one form: a dated progress entry and, if the status should
    change, the BRAG proposed; what has happened is the proposal's one reason."""

    day = DateField(label="Date of the update", what="the date of the update", help_text=DATE_HINT)
    text = forms.CharField(
        label="What has happened",
        widget=forms.Textarea,
        max_length=5000,
        help_text=(
            "It is added to the progress log with the date, as the trackers write it; if you "
            "propose a new BRAG status, it is the reason the programme manager reads."
        ),
        error_messages={"required": "Write what has happened"},
    )
    brag = forms.ChoiceField(
        label="BRAG status",
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": "Choose a BRAG status from the list"},
    )

    def __init__(self, data: Any = None, *, today: date, current: str) -> None:
        super().__init__(data, initial={"day": today, "brag": KEEP}, prefix="progress")
        keep = f"No change: keep {Brag(current).label}" if current else "No change: keep no status"
        self.fields["brag"].choices = [  # type: ignore[attr-defined]
            (KEEP, keep),
            *((s.value, f"Propose {s.label} – {s.style.summary}") for s in BRAG_ORDER),
        ]

    @property
    def update(self) -> dict[str, Any]:
        """The valid form as plans.services.action_update takes it."""
        data = self.cleaned_data
        return {"day": data["day"], "text": data["text"], "brag": data["brag"] or None}


class BragProposalForm(forms.Form):
    brag = forms.ChoiceField(
        label="Status",
        widget=forms.RadioSelect,
        choices=[(s.value, f"{s.label} – {s.style.summary}") for s in BRAG_ORDER],
        error_messages={"required": "Choose a BRAG status"},
    )
    reason = forms.CharField(
        label="Why",
        widget=forms.Textarea,
        max_length=2000,
        help_text="The programme manager reads this before confirming the status.",
        error_messages={"required": "Say why the action has this status"},
    )

    def __init__(self, data: Any = None, *, current: str) -> None:
        super().__init__(data, initial={"brag": current or None}, prefix="brag")

    @property
    def status(self) -> Brag:
        return Brag(self.cleaned_data["brag"])


class TimescaleForm(forms.Form):
    due_date = DateField(
        label="Due date",
        what="the due date",
        required=False,
        help_text=f"Leave blank if the action has no end date. {DATE_HINT}",
    )
    ongoing = forms.BooleanField(label="The action is ongoing", required=False)
    note = forms.CharField(
        label="Note (optional)",
        widget=forms.Textarea,
        required=False,
        max_length=1000,
        help_text="How you read it, e.g. “confirmed with the lead: 30 April 2019 was meant”.",
    )
