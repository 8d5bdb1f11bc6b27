"""The commentary pages: my indicators, writing commentary, delegations and the officers' review.

Owners and delegates write commentary (the others get 403), on the indicators they may comment
on (404 for the rest); owners delegate their own indicators; performance officers review. Every
change is a POST through scorecard.services, which records who, when and why.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from boardpack.accounts.models import Person, Role
from boardpack.accounts.permissions import officer_required, person_of, role_required
from boardpack.core.commentary import TransitionError
from boardpack.core.periods import Month, PeriodError, parse_period
from boardpack.lib.form_writes import form_write
from boardpack.scorecard import services
from boardpack.scorecard.commentary.forms import (
    CommentForm,
    CorrectionForm,
    DelegationForm,
    PeriodChoice,
    ReviewForm,
)
from boardpack.scorecard.commentary.pages import (
    comment_write_context,
    my_indicators_context,
    review_list_context,
    starting_text,
)
from boardpack.scorecard.commentary.presenters import (
    comment_page,
    correction_message,
    error_text,
    review_message,
    write_message,
)
from boardpack.scorecard.commentary.selectors import (
    delegate_people,
    delegations_of,
    reviewable_comments,
    status_row,
    writer_comment,
    writer_indicators,
)
from boardpack.scorecard.default_period import period_menu
from boardpack.scorecard.models import Comment, Indicator
from boardpack.scorecard.permissions import comment_actors, delegable_indicators

writer_required = role_required({Role.INDICATOR_OWNER, Role.DELEGATE})
owner_required = role_required({Role.INDICATOR_OWNER})


def _period(request: HttpRequest) -> tuple[PeriodChoice, Month]:
    choice = PeriodChoice(request.GET, menu=period_menu())
    return choice, choice.month() or Month.of(timezone.localdate())


def _month(period: str) -> Month:
    try:
        return parse_period(period)
    except PeriodError:
        raise Http404 from None


def _writer(request: HttpRequest) -> Person:
    person = person_of(request.user)
    if person is None:
        raise PermissionDenied
    return person


def _delegation_form(request: HttpRequest, data: Any = None) -> DelegationForm:
    return DelegationForm(
        data, indicators=delegable_indicators(request.user), people=delegate_people()
    )


def _in_words(
    form: CommentForm | ReviewForm | CorrectionForm | DelegationForm, error: Exception
) -> None:
    if isinstance(error, services.NewerSaveError):
        form.data = {**form.data.dict(), "opened": error.stamp}
    form.add_error(None, error_text(error))


_write = partial(form_write, problem=_in_words)
"""form_write for a commentary service: a refusal is worded by error_text."""


def _my_indicators(request: HttpRequest, delegation_form: DelegationForm | None) -> HttpResponse:
    """The page; an owner's delegations below, with the delegation form as posted if given."""
    writer = _writer(request)
    choice, month = _period(request)
    context = my_indicators_context(request.user, writer, month, choice)
    if writer.role == Role.INDICATOR_OWNER:
        form = delegation_form or _delegation_form(request)
        context.update(delegation_form=form, delegations=delegations_of(form.indicators))
    return render(request, "scorecard/my_indicators.html", context)


@writer_required
@require_GET
def my_indicators(request: HttpRequest) -> HttpResponse:
    return _my_indicators(request, None)


@owner_required
@require_POST
def delegation_create(request: HttpRequest) -> HttpResponse:
    form = _delegation_form(request, request.POST)
    return _write(
        request,
        form,
        lambda: services.delegation_create(**form.cleaned_data, user=request.user),
        refused=services.DelegationError,
        message=lambda made: f"{made.delegate} now writes the commentary of {made.indicator.code}.",
        to=lambda _: "my-indicators",
    ) or _my_indicators(request, form)


@owner_required
@require_POST
def delegation_remove(request: HttpRequest, pk: int) -> HttpResponse:
    delegation = get_object_or_404(delegations_of(delegable_indicators(request.user)), pk=pk)
    services.delegation_remove(delegation=delegation, user=request.user)
    messages.success(
        request,
        f"{delegation.delegate} no longer writes the commentary of {delegation.indicator.code}.",
    )
    return redirect("my-indicators")


def _save_comment(
    request: HttpRequest, form: CommentForm, indicator: Indicator, month: Month, writer: Person
) -> Comment:
    return services.comment_write(
        indicator=indicator,
        month=month,
        author=writer,
        **form.written,
        user=request.user,
        actors=comment_actors(request.user, indicator),
    )


def _writing(
    request: HttpRequest, pk: int, period: str
) -> tuple[Indicator, Month, Person, Comment | None]:
    """The indicator and month the writer writes on, the writer, and their comment if any."""
    month = _month(period)
    indicator = get_object_or_404(writer_indicators(request.user), pk=pk)
    writer = _writer(request)
    return indicator, month, writer, writer_comment(indicator, month, writer)


def _comment_page(
    request: HttpRequest,
    form: CommentForm,
    indicator: Indicator,
    month: Month,
    writer: Person,
    comment: Comment | None,
    start_from: Comment | None = None,
) -> HttpResponse:
    context = comment_write_context(indicator, month, writer, comment, start_from)
    return render(request, "scorecard/comment_write.html", {"form": form, **context})


def _comment_form(
    request: HttpRequest, indicator: Indicator, month: Month, comment: Comment | None
) -> tuple[CommentForm, str]:
    start_from = starting_text(indicator, month, request.GET.get("start", ""))
    data = request.POST if request.method == "POST" else None
    return CommentForm(data, comment=comment, start_from=start_from), start_from


@writer_required
@require_http_methods(["GET", "POST"])
def comment_write(request: HttpRequest, pk: int, period: str) -> HttpResponse:
    indicator, month, writer, comment = _writing(request, pk, period)
    form, start_from = _comment_form(request, indicator, month, comment)
    return _write(
        request,
        form,
        lambda: _save_comment(request, form, indicator, month, writer),
        refused=TransitionError,
        message=write_message,
        to=lambda _: f"{reverse('my-indicators')}?period={month.key}",
    ) or _comment_page(request, form, indicator, month, writer, comment, start_from)


@officer_required
@require_GET
def comment_review_list(request: HttpRequest) -> HttpResponse:
    choice, month = _period(request)
    return render(request, "scorecard/review_list.html", review_list_context(month, choice))


def _save_review(request: HttpRequest, form: ReviewForm, comment: Comment) -> Comment:
    return services.comment_review(
        comment=comment,
        approve=form.approves,
        reason=form.cleaned_data["reason"],
        user=request.user,
        actors=comment_actors(request.user, comment.indicator),
    )


def _review_page(
    request: HttpRequest,
    comment: Comment,
    *,
    form: ReviewForm | None = None,
    correction: CorrectionForm | None = None,
) -> HttpResponse:
    page = comment_page(status_row(comment.indicator, Month.of(comment.period)), comment)
    context = {
        "page": page,
        "form": form or ReviewForm(),
        "correction": correction or CorrectionForm(comment=comment),
    }
    return render(request, "scorecard/review.html", context, status=400 if correction else 200)


@officer_required
@require_http_methods(["GET", "POST"])
def comment_review(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(reviewable_comments(), pk=pk)
    form = ReviewForm(request.POST if request.method == "POST" else None)
    return _write(
        request,
        form,
        lambda: _save_review(request, form, comment),
        refused=TransitionError,
        message=review_message,
        to=lambda saved: f"{reverse('comment-review-list')}?period={Month.of(saved.period).key}",
    ) or _review_page(request, comment, form=form)


def _save_correction(request: HttpRequest, form: CorrectionForm, comment: Comment) -> Comment:
    return services.comment_correct(
        comment=comment,
        text=form.cleaned_data["text"],
        note=form.cleaned_data["note"],
        user=request.user,
        actors=comment_actors(request.user, comment.indicator),
    )


@officer_required
@require_POST
def comment_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """A performance officer corrects a typo in submitted commentary (kept in its history)."""
    comment = get_object_or_404(reviewable_comments(), pk=pk)
    form = CorrectionForm(request.POST, comment=comment)
    return _write(
        request,
        form,
        lambda: _save_correction(request, form, comment),
        refused=TransitionError,
        message=correction_message,
        to=lambda saved: reverse("comment-review", kwargs={"pk": saved.pk}),
    ) or _review_page(request, comment, correction=form)
