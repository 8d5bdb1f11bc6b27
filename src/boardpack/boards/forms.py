"""Forms of the board pages: a board's settings, what it oversees, and its meetings."""

from __future__ import annotations

from typing import Any

from django import forms

from boardpack.accounts.models import OrgUnit, Person
from boardpack.boards.models import Board, Meeting, PackPart
from boardpack.boards.services import BoardSettings
from boardpack.core.cycle import Offsets
from boardpack.core.periods import Month, PeriodError, parse_period
from boardpack.lib.forms import DateField, width
from boardpack.plans.models import Plan
from boardpack.scorecard.models import Tag

DATE_HINT = "For example, 14 1 2027"
PACK_FIELDS = ("pack_first", "pack_second", "pack_third")
OFFSET_FIELDS = {
    "request_days": ("Requests go out", "request"),
    "reminder_days": ("Reminders go out", "reminder"),
    "due_days": ("Updates are due", "due"),
    "briefing_days": ("The chair is briefed", "briefing"),
}
SERVICE_FIELDS = {
    "request": "request_days",
    "reminder": "reminder_days",
    "due": "due_days",
    "briefing": "briefing_days",
    "pack_order": "pack_first",
}
"""Fields the services name differently from these forms."""


def _days(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=f"{label} (days before the meeting)",
        min_value=0,
        widget=forms.TextInput(attrs={**width(3), "inputmode": "numeric"}),
        error_messages={"required": "Enter a number of days", "invalid": "Enter whole days"},
    )


def _person(label: str) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=Person.objects.order_by("name"), required=False, label=label, empty_label="None"
    )


class ServiceErrors:
    def add_service_errors(self, problems: list[tuple[str, str]]) -> None:
        for field, message in problems:
            name = SERVICE_FIELDS.get(field, field)
            self.add_error(name if name in self.fields else None, message)  # type: ignore[attr-defined]


class BoardForm(ServiceErrors, forms.Form):
    name = forms.CharField(max_length=200, error_messages={"required": "Enter the board's name"})
    parent = forms.ModelChoiceField(
        queryset=Board.objects.none(),
        required=False,
        label="Reports to",
        empty_label="No board (it reports to no board)",
    )
    chair = _person("Chair")
    programme_manager = _person("Programme manager")
    members = forms.ModelMultipleChoiceField(
        queryset=Person.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    plans = forms.ModelMultipleChoiceField(
        queryset=Plan.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Plans it oversees",
        help_text="A plan is overseen by one board: choosing it here moves it to this board.",
    )
    request_days = _days(OFFSET_FIELDS["request_days"][0])
    reminder_days = _days(OFFSET_FIELDS["reminder_days"][0])
    due_days = _days(OFFSET_FIELDS["due_days"][0])
    briefing_days = _days(OFFSET_FIELDS["briefing_days"][0])
    pack_first = forms.ChoiceField(choices=PackPart.choices, label="First part of the pack")
    pack_second = forms.ChoiceField(choices=PackPart.choices, label="Second part")
    pack_third = forms.ChoiceField(choices=PackPart.choices, label="Third part")

    def __init__(self, data: Any = None, *, board: Board | None) -> None:
        initial: dict[str, Any] = {
            **{name: getattr(Offsets, key) for name, (_, key) in OFFSET_FIELDS.items()},
            **dict(zip(PACK_FIELDS, [p.value for p in PackPart], strict=True)),
        }
        if board is not None:
            initial = {
                "name": board.name,
                "parent": board.parent_id,
                "chair": board.chair_id,
                "programme_manager": board.programme_manager_id,
                "members": list(board.members.values_list("pk", flat=True)),
                "plans": list(board.plans.values_list("pk", flat=True)),
                **{name: getattr(board, name) for name in OFFSET_FIELDS},
                **dict(zip(PACK_FIELDS, board.pack_order, strict=False)),
            }
        super().__init__(data, initial=initial)
        others = Board.objects.order_by("name")
        self.fields["parent"].queryset = others.exclude(pk=board.pk) if board else others

    @property
    def offsets(self) -> Offsets:
        data = self.cleaned_data
        return Offsets(**{key: data[name] for name, (_, key) in OFFSET_FIELDS.items()})

    @property
    def pack_order(self) -> list[str]:
        return [self.cleaned_data[name] for name in PACK_FIELDS]

    @property
    def settings(self) -> BoardSettings:
        """The valid form as what boards.services.board_settings_save wants."""
        data = self.cleaned_data
        return BoardSettings(
            name=data["name"],
            parent=data["parent"],
            chair=data["chair"],
            programme_manager=data["programme_manager"],
            members=list(data["members"]),
            plans=list(data["plans"]),
            offsets=self.offsets,
            pack_order=self.pack_order,
        )


class SelectionForm(forms.Form):
    """One field: a plan tag, a director or a service, as `tag:ID` or `unit:ID`."""

    target = forms.ChoiceField(
        label="Add indicators by plan, director or service",
        error_messages={"required": "Choose a plan, director or service"},
    )

    def __init__(self, data: Any = None) -> None:
        super().__init__(data)
        units = OrgUnit.objects.order_by("kind", "name")
        self.fields["target"].choices = [
            ("", "Choose…"),
            ("Plans", [(f"tag:{t.pk}", t.code) for t in Tag.objects.order_by("code")]),
            (
                "Directors",
                [(f"unit:{u.pk}", u.name) for u in units if u.kind == OrgUnit.Kind.DIRECTORATE],
            ),
            (
                "Services",
                [(f"unit:{u.pk}", u.name) for u in units if u.kind == OrgUnit.Kind.SERVICE],
            ),
        ]

    def clean_target(self) -> Tag | OrgUnit:
        kind, _, pk = self.cleaned_data["target"].partition(":")
        model = Tag if kind == "tag" else OrgUnit
        found = model.objects.filter(pk=pk).first() if pk.isdigit() else None
        if found is None:
            raise forms.ValidationError("Choose a plan, director or service")
        return found


class MeetingsForm(ServiceErrors, forms.Form):
    first = DateField(
        label="Date of the meeting (the first, if it repeats)",
        what="the date of the meeting",
        help_text=DATE_HINT,
    )
    every_weeks = forms.IntegerField(
        label="Repeats every (weeks)",
        required=False,
        min_value=1,
        max_value=52,
        help_text="Leave blank for a single meeting. The seed's boards meet every 6 weeks.",
        widget=forms.TextInput(attrs={**width(2), "inputmode": "numeric"}),
    )
    count = forms.IntegerField(
        label="How many meetings",
        required=False,
        min_value=1,
        max_value=52,
        help_text="With a repeat: how many dates to make, the first included.",
        widget=forms.TextInput(attrs={**width(2), "inputmode": "numeric"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("every_weeks") and not data.get("count"):
            self.add_error("count", "Say how many meetings to make")
        return data

    @property
    def meetings(self) -> dict[str, Any]:
        """The valid form as boards.services.meetings_add takes it (one meeting by default)."""
        data = self.cleaned_data
        return {
            "first": data["first"],
            "every_weeks": data["every_weeks"],
            "count": data["count"] or 1,
        }


class MeetingForm(ServiceErrors, forms.Form):
    date = DateField(
        label="Date of the meeting",
        what="the date of the meeting",
        help_text=DATE_HINT,
    )
    period = forms.CharField(
        label="Scorecard period it reviews",
        help_text="A month, e.g. 2012-06 (June 2012, the end of Quarter 1 2012/13).",
        widget=forms.TextInput(attrs=width(10)),
    )

    def __init__(self, data: Any = None, *, meeting: Meeting) -> None:
        super().__init__(data, initial={"date": meeting.date, "period": meeting.month.key})

    def clean_period(self) -> Month:
        try:
            return parse_period(self.cleaned_data["period"])
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from None

    @property
    def change(self) -> dict[str, Any]:
        """The valid form as boards.services.meeting_update takes it."""
        return {"day": self.cleaned_data["date"], "month": self.cleaned_data["period"]}
