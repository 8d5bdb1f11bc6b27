"""The imports page's form: which kind of file, and the file (CSV or XLSX, up to
BOARDPACK_UPLOAD_MAX_MB)."""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile

from boardpack.lib.importing import KINDS, Kind, too_large


def _uploaded() -> list[Kind]:
    """The kinds of file the page takes: those read from one table with known columns."""
    return [kind for kind in KINDS.values() if kind.upload and kind.columns is not None]


def _choices() -> list[tuple[str, str]]:
    return [(kind.name, kind.label) for kind in _uploaded()]


def _hint(required: tuple[str, ...], optional: tuple[str, ...]) -> str:
    extra = f" Optional: {', '.join(optional)}." if optional else ""
    return f"Columns: {', '.join(required)}.{extra}"


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        choices=_choices,
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
        return {kind.name: _hint(*kind.columns) for kind in _uploaded() if kind.columns}

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if problem := too_large(upload.size):
            raise forms.ValidationError(problem)
        return upload


def failed_message(name: str, count: int) -> str:
    problems = "1 problem" if count == 1 else f"{count} problems"
    return (
        f"{name} has {problems}, listed in the table. Nothing was imported: "
        "correct the file and upload it again"
    )
