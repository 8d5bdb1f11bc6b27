"""The imports page: a performance officer uploads the CSV/XLSX files the CLI imports.

The upload goes through the one import function `boardpack import` calls (lib.importing.run_import):
every row is checked first; one error and nothing is written.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from boardpack.accounts.permissions import officer_required
from boardpack.core.problems import ImportFailed, Problem
from boardpack.lib.importing import Report, run_import
from boardpack.lib.sources import Source
from boardpack.scorecard.imports.forms import (
    MAX_UPLOAD_MB,
    ImportForm,
    failed_message,
)


@officer_required
@require_http_methods(["GET", "POST"])
def imports(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = ImportForm(request.POST if posted else None, request.FILES if posted else None)
    report: Report | None = None
    problems: list[Problem] = []
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            source = Source.file(upload.name, upload.read())
            report = run_import(form.cleaned_data["kind"], source, user=request.user)
        except ImportFailed as failed:
            problems = failed.errors
            form.add_error("file", failed_message(upload.name, len(problems)))
    return render(
        request,
        "scorecard/imports.html",
        {
            "form": form,
            "report": report,
            "problems": problems,
            "max_mb": MAX_UPLOAD_MB,
        },
    )
