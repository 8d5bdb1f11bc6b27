"""The jobs pages: a job (its state and progress, polled by HTMX until it ends; the result to
download), "My jobs", and the buttons that start a job (a report's download, a board pack).
A person sees their own jobs; a performance officer sees everyone's; anyone else gets 404."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from boardpack.boards.models import Meeting
from boardpack.boards.pack import PACK_FORMATS
from boardpack.boards.selectors import may_read_pack
from boardpack.jobs import report_jobs
from boardpack.jobs.models import Job
from boardpack.jobs.selectors import jobs_for
from boardpack.jobs.services import start_job
from boardpack.reports.chosen import REPORTS, report_form

REPORT_PAGES = {
    "quarterly": "reports",
    "appendix": "report-appendix",
    "plan": "report-plan",
    "priority": "report-priority",
}


def _job(request: HttpRequest, pk: str) -> Job:
    return get_object_or_404(jobs_for(request.user), pk=pk)


@login_required
@require_GET
def job(request: HttpRequest, pk: str) -> HttpResponse:
    found = _job(request, pk)
    template = "jobs/job_status.html" if request.htmx else "jobs/job.html"
    return render(request, template, {"job": found})


@login_required
@require_GET
def my_jobs(request: HttpRequest) -> HttpResponse:
    jobs = jobs_for(request.user).filter(started_by_id=request.user.pk)[:100]
    return render(request, "jobs/my_jobs.html", {"jobs": jobs})


@login_required
@require_GET
def job_file(request: HttpRequest, pk: str) -> FileResponse:
    found = _job(request, pk)
    path = Path(found.result_file)
    if found.state != Job.State.DONE or not found.result_file or not path.is_file():
        raise Http404
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=found.result_name,
        content_type=found.result_type,
    )


def _download_format(report: str, data: dict[str, str]) -> str | None:
    """The format to make, when the choices are valid and ask for a download (not a preview)."""
    form = report_form(report, data)
    fmt = (form.cleaned_data["format"] or "html") if form.is_valid() else "html"
    return None if fmt == "html" else str(fmt)


@login_required
@require_POST
def start_report(request: HttpRequest, report: str) -> HttpResponse:
    """A report's download: checked as its preview is, then made by a worker; a preview or
    invalid choices go to the report's page, which shows the report or the problems."""
    if report not in REPORTS:
        raise Http404
    data = {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}
    fmt = _download_format(report, data)
    if fmt is None:
        return _go(request, f"{reverse(REPORT_PAGES[report])}?{urlencode(data)}")
    title = f"{report.capitalize()} report ({fmt.upper()})"
    started = start_job("report", title, {"report": report, "data": data}, request.user)
    return _go(request, reverse("job", kwargs={"pk": started.pk}))


@login_required
@require_POST
def start_pack(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """A meeting's board pack, for its chair and members and those who manage it (others: 403)."""
    if fmt not in PACK_FORMATS:
        raise Http404
    meeting = get_object_or_404(Meeting.objects.select_related("board"), pk=pk)
    if not may_read_pack(request.user, meeting.board):
        raise PermissionDenied
    started = report_jobs.start_pack(meeting, fmt, request.user)
    return _go(request, reverse("job", kwargs={"pk": started.pk}))


def _go(request: HttpRequest, where: str) -> HttpResponse:
    """A redirect; an HTMX request (a download button) has the browser go there instead."""
    return HttpResponseClientRedirect(where) if request.htmx else redirect(where)
