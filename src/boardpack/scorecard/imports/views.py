"""The imports page: a performance officer uploads the CSV/XLSX files the CLI imports.

The upload goes through the one import function `boardpack import` calls (lib.importing.run_import):
every row is checked first; one error and nothing is written.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from boardpack.accounts.permissions import officer_required
from boardpack.core.problems import ImportFailed, Problem
from boardpack.lib.importing import Report, run_import
from boardpack.lib.sources import Source
from boardpack.scorecard.imports.forms import (
    ImportForm,
    failed_message,
)


def _upload(request: HttpRequest, form: ImportForm) -> tuple[Report | None, list[Problem]]:
    """The posted file imported: its report, or the problems that stopped it (named on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None, []
    upload = form.cleaned_data["file"]
    try:
        source = Source.file(upload.name, upload.read())
        return run_import(form.cleaned_data["kind"], source, user=request.user), []
    except ImportFailed as failed:
        form.add_error("file", failed_message(upload.name, len(failed.errors)))
        return None, failed.errors


@officer_required
@require_http_methods(["GET", "POST"])
def imports(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = ImportForm(request.POST if posted else None, request.FILES if posted else None)
    report, problems = _upload(request, form)
    shown = {"report": report, "problems": problems, "max_mb": settings.BOARDPACK_UPLOAD_MAX_MB}
    return render(request, "scorecard/imports.html", {"form": form, **shown})
