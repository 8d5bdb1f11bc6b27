"""The import templates' downloads (jobs.import_templates), for the uploads page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from boardpack.accounts.permissions import officer_required
from boardpack.jobs.import_templates import template_file


@officer_required
@require_GET
def import_template(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    content, content_type = template_file(kind, fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{kind}-template.{fmt}"'
    return response
