"""The uploads page: a performance officer uploads a file of any kind the import command takes
(a delivery-plan tracker, benchmarks, the scorecard's files); a job checks it and lists its
problems or what importing it would change; the officer confirms and a second job writes it.
Anyone else is refused (403)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from boardpack.accounts.permissions import officer_required
from boardpack.jobs.forms import UploadForm
from boardpack.jobs.import_jobs import keep_upload
from boardpack.jobs.import_templates import template_kinds
from boardpack.jobs.models import Job
from boardpack.jobs.services import start_job
from boardpack.lib.importing import KINDS


def _check(request: HttpRequest, form: UploadForm) -> Job:
    data = form.cleaned_data
    kind = KINDS[data["kind"]]
    path = keep_upload(uuid.uuid4().hex, data["file"].name, data["file"].chunks())
    options = dict.fromkeys(kind.options, data["name"])
    params = {"kind": kind.name, "path": str(path), "options": options, "user": request.user.pk}
    return start_job("import-check", f"Check {kind.label}: {path.name}", params, request.user)


@officer_required
@require_http_methods(["GET", "POST"])
def uploads(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return redirect("job", pk=_check(request, form).pk)
    context = {
        "form": form,
        "max_mb": settings.BOARDPACK_UPLOAD_MAX_MB,
        "templates": template_kinds(),
    }
    return render(request, "jobs/uploads.html", context)


@officer_required
@require_POST
def confirm(request: HttpRequest, pk: str) -> HttpResponse:
    """Write a checked upload: its own check job, done, confirmed once."""
    checked = get_object_or_404(Job, pk=pk, kind="import-check", started_by_id=request.user.pk)
    if checked.state != Job.State.DONE or Job.objects.filter(params__checked=str(pk)).exists():
        raise Http404
    params = {**checked.params, "checked": str(pk)}
    title = checked.title.replace("Check", "Import", 1)
    return redirect("job", pk=start_job("import-write", title, params, request.user).pk)
