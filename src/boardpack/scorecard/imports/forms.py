"""The imports page's form: which kind of file, and the file (CSV or XLSX, up to
BOARDPACK_UPLOAD_MAX_MB)."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.core.files.uploadedfile import UploadedFile

from boardpack.lib.importing import KINDS, too_large


@dataclass(frozen=True)
class KindChoice:
    value: str
    label: str
    required: tuple[str, ...]
    optional: tuple[str, ...]


def kind_choices() -> list[KindChoice]:
    """Each kind of file the page takes, with the columns it reads, for the radios' hints."""
    return [
        KindChoice(kind.name, kind.label, *kind.columns)
        for kind in KINDS.values()
        if kind.upload and kind.columns is not None
    ]


def _choices() -> list[tuple[str, str]]:
    return [(kind.value, kind.label) for kind in kind_choices()]


class Radios(forms.RadioSelect):
    """GOV.UK radios: the first option carries the field's id, so the error summary links to it."""

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        return id_


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        choices=_choices,
        widget=Radios,
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
