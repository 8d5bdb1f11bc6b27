"""The uploads page's form: the kind of file, the file, and a plan's name for a tracker."""

from __future__ import annotations

from django import forms

from boardpack.lib.importing import KINDS, too_large


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label="What does the file hold?", widget=forms.RadioSelect)
    file = forms.FileField(label="Upload a file (CSV, XLSX, or a zip of several)")
    name = forms.CharField(
        label="The plan's name (a delivery-plan tracker only)", required=False, max_length=200
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["kind"].choices = [(k.name, k.label) for k in KINDS.values()]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        kind = KINDS.get(str(data.get("kind")))
        if kind is not None and kind.options and not data.get("name"):
            self.add_error("name", "Enter the plan's name")
        upload = data.get("file")
        if upload is not None and (problem := too_large(upload.size)):  # type: ignore[attr-defined]
            self.add_error("file", problem)
        return data
