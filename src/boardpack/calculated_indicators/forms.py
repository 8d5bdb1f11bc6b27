"""The form of the links page: which measure an indicator is calculated from, or none."""

from __future__ import annotations

from django import forms

from boardpack.calc.engine import MEASURES

NOT_CALCULATED = "Not calculated (values are entered or imported)"


class LinkForm(forms.Form):
    measure = forms.ChoiceField(
        required=False,
        label="Calculated from the measure",
        help_text="Each calculation written (boardpack calc run --write) records the measure's "
        "value as this indicator's actual for the period's last month. The measure's unit must "
        "be the indicator's.",
        choices=[
            ("", NOT_CALCULATED),
            *((m.id, f"{m.id}: {m.title} ({m.unit})") for m in MEASURES.values()),
        ],
    )

    @property
    def chosen(self) -> str:
        """The valid form's measure id; blank for none."""
        measure: str = self.cleaned_data["measure"]
        return measure
