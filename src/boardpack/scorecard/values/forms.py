"""Forms and presenters of the enter-values pages: cells of actual, target and provisional."""

from __future__ import annotations

import re
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
from boardpack.scorecard.values.selectors import Cell, who_set

SIGNS = {"%": "the % sign", "£": "the £ sign", "$": "the $ sign", "€": "the € sign"}
EXAMPLE = "38.1"
_DECIMAL_COMMA = re.compile(r"[-+]?\d+,(\d{1,2}|\d{4,})")
"""A comma where a decimal point belongs (38,1): not thousands (1,234), which are read."""
_SPACED = re.compile(r"[-+]?\d{1,3}( \d{3})+(\.\d+)?")


def number_advice(text: str) -> str:
    """What to type instead of a text that is not a number, with the number it seems to mean
    as the example: '38,1%' → 'enter a number without the % sign, like 38.1'."""
    signs = [word for sign, word in SIGNS.items() if sign in text]
    cleaned = "".join(c for c in text if c not in SIGNS).strip()
    comma = bool(_DECIMAL_COMMA.fullmatch(cleaned))
    spaced = bool(_SPACED.fullmatch(cleaned))
    cleaned = cleaned.replace(",", ".") if comma else cleaned.replace(" ", "")
    try:
        meant = cleaned if parse_decimal(cleaned) is not None else EXAMPLE
    except ValueError:
        meant = EXAMPLE
    if signs:
        return f"enter a number without {' or '.join(signs)}, like {meant}"
    if comma:
        return f"enter a number with a full stop for the decimal point, like {meant}"
    if spaced:
        return f"enter a number without spaces, like {meant}"
    return f"enter a number, like {EXAMPLE}, or leave the box blank"


class NumberField(forms.CharField):
    """A number as the import files take it (lib.importing.parse_decimal); blank gives None.

    Text that is not a number says what to type instead (number_advice)."""

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value) or ""
        try:
            return parse_decimal(text)
        except ValueError as error:
            reason = str(error).removeprefix(repr(text)).strip()
            if reason.startswith("is not a"):
                raise forms.ValidationError(f"{self.label}: {number_advice(text)}") from None
            raise forms.ValidationError(f"{self.label} {reason}") from None


def _text(value: Decimal | None) -> str:
    """A stored value in full, without the trailing zeros of its column: 37.470000 → 37.47."""
    return "" if value is None else format(value.normalize(), "f")


PARTS = ("actual", "target", "provisional")


class ValuesForm(forms.Form):
    """Three inputs per cell, named after the cell's key: '<key>-actual', '-target', '-provisional'.

    Each input carries the value the page was opened with (a hidden 'initial-' input), so only
    what the person changed is written, and a change made over a colleague's newer save is
    refused with who saved it. A blank number leaves the stored value unchanged, as a blank
    cell of an import file does.
    """

    def __init__(
        self,
        data: Any = None,
        *,
        cells: list[Cell],
        name_of: Callable[[Cell], str],
        check_newer: bool = True,
    ) -> None:
        super().__init__(data)
        self.cells = cells
        self.name_of = name_of
        self.check_newer = check_newer
        """False for the status preview, which saves nothing."""
        for cell in cells:
            name = name_of(cell)
            self.fields[f"{cell.key}-actual"] = NumberField(
                required=False,
                label=f"Actual for {name}",
                initial=_text(cell.actual),
                show_hidden_initial=True,
            )
            self.fields[f"{cell.key}-target"] = NumberField(
                required=False,
                label=f"Target for {name}",
                initial=_text(cell.target),
                show_hidden_initial=True,
            )
            self.fields[f"{cell.key}-provisional"] = forms.BooleanField(
                required=False,
                label=f"Provisional for {name}",
                initial=cell.provisional,
                show_hidden_initial=True,
            )

    def _changed(self, cell: Cell) -> set[str]:
        """The parts of the cell the person changed on the page (a cleared box is no change)."""
        changed = set(self.changed_data)
        parts = {part for part in PARTS if f"{cell.key}-{part}" in changed}
        data = self.cleaned_data
        return {p for p in parts if p == "provisional" or data.get(f"{cell.key}-{p}") is not None}

    def _opened_with(self, cell: Cell, part: str, stored: Any) -> Any:
        """The value the page showed when it was opened (its hidden initial input); a client
        that sends none (a script posting the fields alone) is taken to have seen `stored`."""
        bound = self[f"{cell.key}-{part}"]
        if bound.html_initial_name not in self.data:
            return stored
        text = bound.field.hidden_widget().value_from_datadict(
            self.data, self.files, bound.html_initial_name
        )
        try:
            return bound.field.to_python(text)
        except forms.ValidationError:
            return None

    def clean(self) -> dict[str, Any]:
        """Refuse a part changed here that a colleague changed since the page was opened."""
        data = super().clean()
        for cell in self.cells if self.check_newer else ():
            stored = {"actual": cell.actual, "target": cell.target, "provisional": cell.provisional}
            for part in self._changed(cell):
                if self._opened_with(cell, part, stored[part]) != stored[part]:
                    self.add_error(f"{cell.key}-{part}", _newer(cell, part, stored[part]))
        return data

    def _typed(self, cell: Cell) -> tuple[Decimal | None, Decimal | None, bool]:
        data = self.cleaned_data
        return (
            data[f"{cell.key}-actual"],
            data[f"{cell.key}-target"],
            data[f"{cell.key}-provisional"],
        )

    def entries(self) -> list[ValueEntry]:
        """What to record, once valid: what the person changed, cell by cell (a changed
        provisional flag is recorded with the cell's actual)."""
        found = []
        for cell in self.cells:
            changed = self._changed(cell)
            actual, target, provisional = self._typed(cell)
            if "actual" not in changed and "provisional" not in changed:
                actual = None
            if actual is None and "provisional" in changed:
                actual = cell.actual
            if "target" not in changed:
                target = None
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


def _newer(cell: Cell, part: str, stored: Any) -> str:
    """Why a change was refused: what is stored now, and who saved it."""
    if part == "provisional":
        now = "marked provisional" if stored else "marked not provisional"
    else:
        now = f"changed to {_text(stored)}" if stored is not None else "removed"
    return (
        f"The {part} for {cell.month.label} was {now} by {who_set(cell, part)} after you opened "
        "this page, so your change was not saved. Check it, then save again to replace it"
    )


@dataclass(frozen=True)
class EntryRow:
    cell: Cell
    label: str
    """The cell's period or indicator as its form names it."""
    actual: forms.BoundField
    target: forms.BoundField
    provisional: forms.BoundField
    symbol: Symbol
    """The status as stored."""


def entry_rows(form: ValuesForm, scheme: Scheme) -> list[EntryRow]:
    return [
        EntryRow(
            cell=cell,
            label=form.name_of(cell),
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
