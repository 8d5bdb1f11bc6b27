"""The board pages: boards, a board, its meetings, and a meeting's live cycle and board pack.

Every signed-in person reads them. Performance officers and the board's programme manager
manage a board (settings, selections, meetings, the pack: others get 403); only officers add
boards. Every change is a POST through boards.services, which records who, when and why.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from boardpack.accounts.permissions import is_officer, officer_required
from boardpack.boards import services
from boardpack.boards.board_page import board_context
from boardpack.boards.forms import BoardForm, MeetingForm, MeetingsForm, SelectionForm
from boardpack.boards.meeting_page import meeting_page, requests_message
from boardpack.boards.models import Board, Meeting
from boardpack.boards.notices import chase_said
from boardpack.boards.outbox import requests_now
from boardpack.boards.pack import PACK_FORMATS, board_pack
from boardpack.boards.selectors import (
    boards_list,
    may_manage,
    may_read_pack,
    meetings_list,
)
from boardpack.core.periods import Month, PeriodError, parse_period
from boardpack.lib.form_writes import form_write
from boardpack.reports.views import document_response
from boardpack.scorecard.models import Indicator

REASON = "web form"


def _on_fields(form: BoardForm | MeetingsForm | MeetingForm, error: services.BoardError) -> None:
    form.add_service_errors(error.problems)


_write = partial(form_write, refused=services.BoardError, problem=_on_fields)
"""form_write for a board service: the problems of a refusal go on the form's fields."""


def _by(request: HttpRequest) -> dict[str, Any]:
    """Who makes a change from these pages, and why, as every board service takes them."""
    return {"user": request.user, "reason": REASON}


def _managed(request: HttpRequest, board: Board) -> Board:
    if not may_manage(request.user, board):
        raise PermissionDenied
    return board


def _board(request: HttpRequest, pk: int, *, manage: bool = False) -> Board:
    board = get_object_or_404(boards_list(), pk=pk)
    return _managed(request, board) if manage else board


def _meeting(request: HttpRequest, pk: int, *, manage: bool = False) -> Meeting:
    meeting = get_object_or_404(meetings_list(), pk=pk)
    if manage:
        _managed(request, meeting.board)
    return meeting


@login_required
@require_GET
def boards(request: HttpRequest) -> HttpResponse:
    context = {"boards": boards_list(), "officer": is_officer(request.user)}
    return render(request, "boards/boards.html", context)


def _board_page(
    request: HttpRequest,
    board: Board,
    *,
    selection_form: SelectionForm | None = None,
    meetings_form: MeetingsForm | None = None,
) -> HttpResponse:
    manage = may_manage(request.user, board)
    context = board_context(board, manage=manage, today=timezone.localdate())
    context["selection_form"] = selection_form or SelectionForm()
    context["meetings_form"] = meetings_form or MeetingsForm()
    status = 400 if selection_form or meetings_form else 200
    return render(request, "boards/board.html", context, status=status)


@login_required
@require_GET
def board(request: HttpRequest, pk: int) -> HttpResponse:
    return _board_page(request, _board(request, pk))


def _settings_page(request: HttpRequest, board: Board | None) -> HttpResponse:
    form = BoardForm(request.POST if request.method == "POST" else None, board=board)
    return _write(
        request,
        form,
        lambda: services.board_settings_save(board=board, **_by(request), wanted=form.settings),
        message=lambda saved: f"{saved.name} saved",
        to=lambda saved: reverse("board", args=[saved.pk]),
    ) or render(request, "boards/board_form.html", {"form": form, "board": board})


@officer_required
@require_http_methods(["GET", "POST"])
def board_new(request: HttpRequest) -> HttpResponse:
    return _settings_page(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def board_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _settings_page(request, _board(request, pk, manage=True))


@login_required
@require_POST
def selection_add(request: HttpRequest, pk: int) -> HttpResponse:
    board = _board(request, pk, manage=True)
    form = SelectionForm(request.POST)
    if not form.is_valid():
        return _board_page(request, board, selection_form=form)
    selection = services.selection_add(board=board, target=form.cleaned_data["target"])
    messages.success(request, f"{board.name} now oversees the indicators of {selection}")
    return redirect("board", pk=board.pk)


@login_required
@require_POST
def selection_remove(request: HttpRequest, pk: int, selection: int) -> HttpResponse:
    board = _board(request, pk, manage=True)
    found = get_object_or_404(board.selections.select_related("tag", "unit"), pk=selection)
    services.selection_remove(selection=found)
    messages.success(request, f"{board.name} no longer oversees the indicators of {found}")
    return redirect("board", pk=board.pk)


@login_required
@require_POST
def meetings_add(request: HttpRequest, pk: int) -> HttpResponse:
    board = _board(request, pk, manage=True)
    form = MeetingsForm(request.POST)
    return _write(
        request,
        form,
        lambda: services.meetings_add(board=board, **_by(request), **form.meetings),
        message=lambda made: f"{len(made)} meeting{'s' if len(made) > 1 else ''} added",
        to=lambda _: reverse("board", args=[board.pk]),
    ) or _board_page(request, board, meetings_form=form)


def _meeting_page(request: HttpRequest, found: Meeting, error: str = "") -> HttpResponse:
    context = {
        "page": meeting_page(found, today=timezone.localdate()),
        "manage": may_manage(request.user, found.board),
        "pack": may_read_pack(request.user, found.board),
        "error": error,
    }
    return render(request, "boards/meeting.html", context, status=400 if error else 200)


@login_required
@require_GET
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    return _meeting_page(request, _meeting(request, pk))


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = _meeting(request, pk, manage=True)
    form = MeetingForm(request.POST if request.method == "POST" else None, meeting=found)
    return _write(
        request,
        form,
        lambda: services.meeting_update(meeting=found, **_by(request), **form.change),
        message=lambda _: "Meeting saved",
        to=lambda _: reverse("meeting", args=[found.pk]),
    ) or render(request, "boards/meeting_form.html", {"form": form, "meeting": found})


@login_required
@require_POST
def meeting_delete(request: HttpRequest, pk: int) -> HttpResponse:
    found = _meeting(request, pk, manage=True)
    try:
        services.meeting_delete(meeting=found, user=request.user, reason=REASON)
    except services.BoardError as error:
        return _meeting_page(request, found, str(error))
    messages.success(request, f"The meeting on {found.date:%d/%m/%Y} was removed")
    return redirect("board", pk=found.board_id)


@login_required
@require_POST
def meeting_requests_now(request: HttpRequest, pk: int) -> HttpResponse:
    """The programme manager sends the cycle's requests now (the same e-mails, never twice)."""
    found = _meeting(request, pk, manage=True)
    if found.date < timezone.localdate():
        return _meeting_page(request, found, "The meeting has been held: no requests were sent.")
    report = requests_now(found, now=timezone.now())
    messages.success(request, requests_message(report))
    return redirect("meeting", pk=found.pk)


def _month_or_404(period: str) -> Month:
    try:
        return parse_period(period)
    except PeriodError:
        raise Http404 from None


@officer_required
@require_POST
def commentary_chase(request: HttpRequest, pk: int, period: str) -> HttpResponse:
    """A performance officer chases an exception's owner for its commentary: one e-mail now."""
    indicator = get_object_or_404(Indicator.objects.select_related("owner"), pk=pk)
    month = _month_or_404(period)
    messages.add_message(request, *chase_said(indicator, month, now=timezone.now()))
    return redirect(f"{reverse('comment-review-list')}?period={month.key}")


@login_required
@require_GET
def meeting_pack(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The board pack as one PDF or one Word document, its parts in the board's order: for those
    who manage the board, its chair and its members (others get 403)."""
    if fmt not in PACK_FORMATS:
        raise Http404
    found = _meeting(request, pk)
    if not may_read_pack(request.user, found.board):
        raise PermissionDenied
    document = board_pack(found, as_of=min(timezone.localdate(), found.date))
    return document_response(request, document, fmt)
