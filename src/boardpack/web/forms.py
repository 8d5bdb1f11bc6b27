"""Form widgets shared by the pages: GOV.UK markup is rendered by web/field.html."""

from __future__ import annotations

from django import forms


class Radios(forms.RadioSelect):
    """Radios whose field id is the first radio's, so an error summary link lands on it."""

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        return super().id_for_label(id_, "0" if index is None else index)


def width(characters: int) -> dict[str, str]:
    """Widget attributes giving a text input the GOV.UK fixed width nearest above `characters`."""
    size = next((n for n in (2, 3, 4, 5, 10, 20, 30) if n >= characters), None)
    return {"class": f"govuk-input--width-{size}" if size else ""}
