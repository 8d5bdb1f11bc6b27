"""Forms and presenters of the enter-values pages: cells of actual, target and provisional."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet

from boardpack.accounts.models import OrgUnit
from boardpack.core.periods import Month, parse_period
from boardpack.core.status import Status
from boardpack.core.symbols import Scheme, Symbol
from boardpack.lib.importing import parse_decimal
from boardpack.scorecard.services import ValueEntry
from boardpack.scorecard.values.selectors import Cell


class NumberField(forms.CharField):
    """A number as the import files take it (lib.importing.parse_decimal); blank gives None."""

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value) or ""
        try:
            return parse_decimal(text)
        except ValueError as error:
            reason = str(error).removeprefix(repr(text)).strip()
            if reason.startswith("is not a"):
                reason = "must be a number"
            raise forms.ValidationError(f"{self.label} {reason}") from None


def _text(value: Decimal | None) -> str:
    """A stored value in full, without the trailing zeros of its column: 37.470000 → 37.47."""
    return "" if value is None else format(value.normalize(), "f")


class ValuesForm(forms.Form):
    """Three inputs per cell, named after the cell's key: '<key>-actual', '-target', '-provisional'.

    A blank number leaves the stored value unchanged, as a blank cell of an import file does.
    """

    def __init__(
        self, data: Any = None, *, cells: list[Cell], name_of: Callable[[Cell], str]
    ) -> None:
        super().__init__(data)
        self.cells = cells
        for cell in cells:
            name = name_of(cell)
            self.fields[f"{cell.key}-actual"] = NumberField(
                required=False, label=f"Actual for {name}", initial=_text(cell.actual)
            )
            self.fields[f"{cell.key}-target"] = NumberField(
                required=False, label=f"Target for {name}", initial=_text(cell.target)
            )
            self.fields[f"{cell.key}-provisional"] = forms.BooleanField(
                required=False, label=f"Provisional for {name}", initial=cell.provisional
            )

    def _typed(self, cell: Cell) -> tuple[Decimal | None, Decimal | None, bool]:
        data = self.cleaned_data
        return (
            data[f"{cell.key}-actual"],
            data[f"{cell.key}-target"],
            data[f"{cell.key}-provisional"],
        )

    def entries(self) -> list[ValueEntry]:
        """What to record, once valid: every cell with a number typed in."""
        found = []
        for cell in self.cells:
            actual, target, provisional = self._typed(cell)
            if actual is not None or target is not None:
                found.append(
                    ValueEntry(
                        code=cell.indicator.code,
                        month=cell.month,
                        actual=actual,
                        target=target,
                        provisional=provisional,
                    )
                )
        return found

    def preview(self) -> Status | None:
        """The status the first cell would have once saved; None while a number is not valid."""
        if not self.is_valid():
            return None
        actual, target, _ = self._typed(self.cells[0])
        return self.cells[0].status(actual=actual, target=target)


@dataclass(frozen=True)
class EntryRow:
    cell: Cell
    actual: forms.BoundField
    target: forms.BoundField
    provisional: forms.BoundField
    symbol: Symbol
    """The status as stored."""


def entry_rows(form: ValuesForm, scheme: Scheme) -> list[EntryRow]:
    return [
        EntryRow(
            cell=cell,
            actual=form[f"{cell.key}-actual"],
            target=form[f"{cell.key}-target"],
            provisional=form[f"{cell.key}-provisional"],
            symbol=scheme.symbol(cell.status()),
        )
        for cell in form.cells
    ]


def saved_message(counts: dict[str, int]) -> str:
    if not counts["created"] and not counts["updated"]:
        return "No values changed."
    return f"Values saved: {counts['created']} added, {counts['updated']} changed."


class GridChoice(forms.Form):
    """Which service and month the grid shows, from the services the user may enter values for."""

    service = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(),
        empty_label=None,
        label="Service",
        error_messages={"invalid_choice": "Select one of your services"},
    )
    period = forms.TypedChoiceField(
        coerce=parse_period, label="Month", error_messages={"invalid_choice": "Select a month"}
    )

    def __init__(self, data: Any, *, services: QuerySet[OrgUnit], months: list[Month]) -> None:
        super().__init__(data)
        self.fields["service"].queryset = services  # type: ignore[attr-defined]
        self.fields["period"].choices = [(m.key, m.label) for m in months]  # type: ignore[attr-defined]
