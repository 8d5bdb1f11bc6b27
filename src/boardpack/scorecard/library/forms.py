"""Forms of the indicator library: an indicator's definition, and a year of its targets.

The indicator form reads through the import file's parser (indicator_specs.spec_from_fields),
so a form and a file are held to the same rules and give the same messages.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from boardpack.core.periods import Month, fy_label
from boardpack.lib.forms import DateField, width
from boardpack.lib.importing import parse_decimal
from boardpack.scorecard.indicators.specs import code_taken, fields_of, spec_from_fields
from boardpack.scorecard.library.selectors import YearValues
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.services import IndicatorSpec, ValueEntry

DATE_HINT = "Milestones only. For example, 30 4 2012."


def _text(label: str, help_text: str = "", attrs: dict[str, str] | None = None) -> forms.Field:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        strip=False,
        widget=forms.TextInput(attrs=attrs),
    )


def _choice(label: str, widget: type[forms.Widget], help_text: str = "") -> forms.Field:
    return forms.CharField(label=label, help_text=help_text, required=False, widget=widget())


def _message(label: str, reason: str) -> str:
    """'is required' → 'Code is required'; a whole sentence is kept as it is."""
    return f"{label} {reason}" if reason.startswith("is ") else reason[:1].upper() + reason[1:]


class IndicatorForm(forms.Form):
    """Every field of an indicator. On an existing indicator the code is fixed, not a field."""

    code = _text("Code", "As reports print it, for example NI 060 or 2042SC.", width(10))
    title = _text("Title")
    definition = forms.CharField(
        label="Definition", required=False, widget=forms.Textarea, help_text="Optional."
    )
    director = _choice("Director", forms.Select)
    new_director = _text("Or a new director", "Only if the director is not in the list.", width(30))
    service = _choice("Service", forms.Select, "Optional.")
    new_service = _text("Or a new service", "Only if the service is not in the list.", width(30))
    owner = _choice("Owner", forms.Select, "Add people on the People page.")
    polarity = _choice("Polarity", forms.RadioSelect)
    unit = _choice("Unit", forms.Select)
    decimals = _text(
        "Decimal places",
        "0 to 6. Leave blank for the unit's usual places (0 for numbers and days, else 2).",
        {**width(2), "inputmode": "numeric"},
    )
    frequency = _choice("Frequency", forms.Select)
    cumulative = forms.BooleanField(
        label="Values are cumulative year to date",
        required=False,
        help_text="For example, a count that adds up from April: targets 182, 365, 547, 730.",
    )
    tolerance = _text(
        "Worse tolerance",
        "How far worse than target still counts as near target: a percentage of the target "
        "such as 2%, or an amount such as 0.5. Leave blank for none.",
        width(5),
    )
    better_tolerance = _text(
        "Better tolerance",
        "How far better than target still counts as on target, written the same way.",
        width(5),
    )
    tags = _text("Plan tags", "Separate plans with semicolons, for example CBP; CYPP.", width(20))
    type = _choice("Type", forms.RadioSelect)
    due = DateField(label="Due date", what="the due date", required=False, help_text=DATE_HINT)
    completed = DateField(
        label="Completed date", what="the completed date", required=False, help_text=DATE_HINT
    )

    def __init__(
        self,
        data: Any = None,
        *,
        indicator: Indicator | None,
        directors: list[str],
        services: list[str],
        people: list[str],
    ) -> None:
        initial: dict[str, Any] = fields_of(indicator) if indicator else {}
        initial["cumulative"] = initial.get("cumulative") == "yes"
        if indicator is not None:
            initial |= {"due": indicator.due_date, "completed": indicator.completed_date}
        super().__init__(data, initial=initial)
        self.indicator = indicator
        self.spec: IndicatorSpec | None = None
        if indicator is not None:
            del self.fields["code"]
        choices = self.fields
        choices["director"].widget.choices = [("", "Choose a director"), *_same(directors)]
        choices["service"].widget.choices = [("", "No service"), *_same(services)]
        choices["owner"].widget.choices = [("", "No owner"), *_same(people)]
        choices["polarity"].widget.choices = Indicator.PolarityChoice.choices
        choices["unit"].widget.choices = Indicator.UnitChoice.choices
        choices["frequency"].widget.choices = Indicator.Frequency.choices
        choices["type"].widget.choices = Indicator.Kind.choices

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        fields = {name: value for name, value in data.items() if isinstance(value, str)}
        fields["code"] = self.indicator.code if self.indicator else data.get("code", "")
        fields["cumulative"] = "yes" if data.get("cumulative") else "no"
        for name in ("due", "completed"):
            fields[name] = f"{data[name]:%d/%m/%Y}" if data.get(name) else ""
        for name in ("director", "service"):
            typed = data.get(f"new_{name}", "").strip()
            if typed and data.get(name):
                message = f"Choose a {name} from the list or type a new one, not both"
                self.add_error(f"new_{name}", message)
            fields[name] = typed or data.get(name, "")
        self.spec, problems = spec_from_fields(fields)
        for name, reason in problems:
            self.add_error(name, _message(str(self.fields[name].label or name), reason))
        taken = code_taken(fields["code"]) if self.indicator is None and fields["code"] else None
        if taken:
            self.add_error("code", f"An indicator with the code {taken} already exists")
        return data


def _same(names: list[str]) -> list[tuple[str, str]]:
    return [(name, name) for name in names]


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


class TargetsForm(forms.Form):
    """The twelve monthly targets of one financial year; a blank month has no target."""

    def __init__(
        self,
        data: Any = None,
        *,
        indicator: Indicator,
        values: YearValues,
        year: int,
        years: list[int],
    ) -> None:
        super().__init__(data)
        self.indicator = indicator
        self.values = values
        self.year = year
        self.year_label = fy_label(year)
        self.year_options = [(y, fy_label(y)) for y in years]
        self.entries: list[ValueEntry] = []
        for month in values.months:
            stored = values.targets.get(month)
            self.fields[month.key] = forms.CharField(
                label=f"Target for {month.label}",
                required=False,
                initial=_plain(stored) if stored is not None else "",
                widget=forms.TextInput(attrs={**width(10), "inputmode": "decimal"}),
            )

    def rows(self) -> list[tuple[Month, forms.BoundField, str]]:
        """(month, its target field, its actual as text) for each month of the year."""
        return [
            (
                month,
                self[month.key],
                _plain(self.values.actuals[month]) if month in self.values.actuals else "",
            )
            for month in self.values.months
        ]

    def clean(self) -> dict[str, Any]:
        for month in self.values.months:
            text = (self.cleaned_data.get(month.key) or "").strip()
            try:
                target = parse_decimal(text)
            except ValueError as error:
                self.add_error(month.key, f"Target for {month.label}: {error}")
                continue
            if target is None and month in self.values.targets:
                self.add_error(
                    month.key,
                    f"Target for {month.label} cannot be removed here: enter a number",
                )
            elif target is not None:
                self.entries.append(
                    ValueEntry(
                        code=self.indicator.code,
                        month=month,
                        actual=None,
                        target=target,
                        provisional=False,
                    )
                )
        return self.cleaned_data
