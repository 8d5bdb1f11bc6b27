"""The imports page's form: which kind of file, and the file (CSV or XLSX, up to 20 MB)."""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile

from boardpack.scorecard.importers import IMPORTERS

MAX_UPLOAD_MB = 20
KIND_LABELS = {
    "indicators": "Indicators (the indicator library)",
    "values": "Values (actuals and targets)",
    "comments": "Commentary (published comments)",
}


def kind_hint(kind: str) -> str:
    """The columns the importer of `kind` reads: the hint under its radio."""
    importer = IMPORTERS[kind]
    optional = f" Optional: {', '.join(importer.optional)}." if importer.optional else ""
    return f"Columns: {', '.join(importer.required)}.{optional}"


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        choices=list(KIND_LABELS.items()),
        widget=forms.RadioSelect,
        label="What does the file hold?",
        error_messages={"required": "Select what the file holds"},
    )
    file = forms.FileField(
        label="Upload a file",
        error_messages={
            "required": "Select a CSV or XLSX file",
            "empty": "The selected file is empty",
        },
    )

    @property
    def kind_hints(self) -> dict[str, str]:
        """Each kind's columns: the hint under its radio."""
        return {kind: kind_hint(kind) for kind in KIND_LABELS}

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if (upload.size or 0) > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                f"The selected file must be smaller than {MAX_UPLOAD_MB} MB"
            )
        return upload


def failed_message(name: str, count: int) -> str:
    problems = "1 problem" if count == 1 else f"{count} problems"
    return (
        f"{name} has {problems}, listed in the table. Nothing was imported: "
        "correct the file and upload it again"
    )
