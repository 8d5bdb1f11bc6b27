"""Report jobs: a report of the reports page, or a meeting's board pack, in any format, made
by the same builders and renderers as the command line and the previews (same data, same
bytes)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from boardpack.boards.models import Meeting
from boardpack.boards.pack import PACK_FORMATS, board_pack
from boardpack.jobs.kinds import JobFailure, Outcome, Progress, register
from boardpack.jobs.models import Job
from boardpack.jobs.services import start_job
from boardpack.reports.chosen import chosen_document, report_form
from boardpack.reports.document import Document
from boardpack.reports.render import FORMATS

NOT_SET_UP = (
    "This server cannot make {fmt} files: it is not set up to print them ({reason}). Please "
    "tell the IT team; the other formats still work."
)


def _rendered(document: Document, fmt: str, progress: Progress) -> Outcome:
    progress(1, 3)
    render, content_type = FORMATS[fmt]
    try:
        content = render(document)
    except ImproperlyConfigured as error:
        raise JobFailure(NOT_SET_UP.format(fmt=fmt.upper(), reason=error)) from None
    progress(2, 3)
    return Outcome(
        summary=f"{document.title}: {fmt.upper()} made",
        content=content,
        filename=f"{document.filename_stem}.{fmt}",
        content_type=content_type,
    )


@register("report")
def report_job(params: dict[str, Any], progress: Progress) -> Outcome:
    """params: {"report": quarterly|appendix|plan|priority, "data": the form's fields}."""
    form = report_form(params["report"], params["data"])
    if not form.is_valid():
        problems = "; ".join(
            f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()
        )
        raise JobFailure(f"The report's choices are no longer valid ({problems}).")
    fmt = form.cleaned_data["format"] or "html"
    return _rendered(chosen_document(params["report"], form), fmt, progress)


@register("pack")
def pack_job(params: dict[str, Any], progress: Progress) -> Outcome:
    """params: {"meeting": its id, "format": pdf|docx}."""
    meeting = Meeting.objects.select_related("board").filter(pk=params["meeting"]).first()
    if meeting is None:
        raise JobFailure("The meeting was removed before its board pack was made.")
    if params["format"] not in PACK_FORMATS:
        raise JobFailure(f"A board pack is made as {' or '.join(PACK_FORMATS)} only.")
    document = board_pack(meeting, as_of=min(timezone.localdate(), meeting.date))
    return _rendered(document, params["format"], progress)


def start_pack(meeting: Meeting, fmt: str, user: AbstractBaseUser | None) -> Job:
    """Queue the making of a meeting's board pack in a format of PACK_FORMATS."""
    title = f"Board pack: {meeting.board.name}, {meeting.date:%d %B %Y} ({fmt.upper()})"
    return start_job("pack", title, {"meeting": meeting.pk, "format": fmt}, user)
