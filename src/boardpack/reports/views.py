"""The reports page: choose a report, preview it as a web page, download it in each format."""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from boardpack.benchmarks.selectors import linked_year_ends
from boardpack.lib.csp import allow_own_styles
from boardpack.reports.builders.appendix import AppendixQuery, build_appendix
from boardpack.reports.builders.quarterly import build_quarterly
from boardpack.reports.document import Document
from boardpack.reports.forms import AppendixForm, QuarterlyForm
from boardpack.reports.plan_forms import plan_report_forms
from boardpack.reports.records import report_made
from boardpack.reports.render import FORMATS
from boardpack.reports.render.html import render_html
from boardpack.scorecard.default_period import period_menu
from boardpack.scorecard.selectors import current_scheme

logger = logging.getLogger(__name__)
NOT_SET_UP = (
    "This server cannot make {fmt} files: it is not set up to print them. Please tell the "
    "administrator; the other formats still work."
)
TEXT = "text/plain; charset=utf-8"


def _page(
    request: HttpRequest,
    form: QuarterlyForm | None = None,
    appendix_form: AppendixForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The reports page with each report's choices, as given or afresh."""
    context = {
        "form": form or QuarterlyForm(menu=period_menu()),
        "appendix_form": appendix_form or AppendixForm(years=linked_year_ends()),
        **plan_report_forms(),
    }
    return render(request, "reports/web/reports.html", context, status=status)


@login_required
def reports(request: HttpRequest) -> HttpResponse:
    """Every signed-in role may read the board pack; it prints approved commentary only."""
    form = QuarterlyForm(request.GET or None, menu=period_menu())
    if not request.GET or not form.is_valid():
        return _page(request, form)
    document = build_quarterly(form.query, scheme=current_scheme())
    return document_response(request, document, form.cleaned_data["format"] or "html")


@login_required
def appendix(request: HttpRequest) -> HttpResponse:
    """The committee appendix, for every signed-in role: published figures only."""
    form = AppendixForm(request.GET, years=linked_year_ends())
    if not form.is_valid():
        return _page(request, appendix_form=form, status=400)
    document = build_appendix(AppendixQuery(year=form.cleaned_data["year"]))
    return document_response(request, document, form.cleaned_data["format"] or "html")


def _body(document: Document, fmt: str, back_to: str) -> bytes:
    """The document rendered; ImproperlyConfigured where this server cannot make the format."""
    if fmt == "html":
        return render_html(document, back_to or reverse("reports")).encode()
    return FORMATS[fmt][0](document)


def document_response(
    request: HttpRequest, document: Document, fmt: str, back_to: str = ""
) -> HttpResponse:
    """The document in a format: HTML inline, with a link back to `back_to` (else the reports
    page), the others as a download, recorded as made by the request's user (the audit log). A
    server that cannot print (Chromium missing for PDF) answers 503 with what to tell the
    administrator; the server's log has the detail."""
    try:
        body = _body(document, fmt, back_to)
    except ImproperlyConfigured:
        logger.exception("%s of %s could not be rendered", fmt.upper(), document.title)
        return HttpResponse(NOT_SET_UP.format(fmt=fmt.upper()), status=503, content_type=TEXT)
    report_made(document, fmt, request.user)
    response = HttpResponse(body, content_type=FORMATS[fmt][1])
    if fmt != "html":
        response["Content-Disposition"] = f'attachment; filename="{document.filename_stem}.{fmt}"'
    return allow_own_styles(response)
