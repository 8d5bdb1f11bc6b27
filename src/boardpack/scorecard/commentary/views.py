"""The commentary pages: my indicators, writing commentary, delegations and the officers' review.

Owners and delegates write commentary (the others get 403), on the indicators they may comment
on (404 for the rest); owners delegate their own indicators; performance officers review. Every
change is a POST through scorecard.services, which records who, when and why.
"""

from __future__ import annotations

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
from boardpack.scorecard import services
from boardpack.scorecard.commentary.forms import (
    CommentForm,
    CorrectionForm,
    DelegationForm,
    PeriodChoice,
    ReviewForm,
)
from boardpack.scorecard.commentary.presenters import (
    awaiting_approval,
    comment_page,
    correction_message,
    error_text,
    my_indicators_page,
    queue_lines,
    review_message,
    shown_comments,
    write_message,
)
from boardpack.scorecard.commentary.selectors import (
    delegate_people,
    delegations_of,
    latest_comments,
    others_comments,
    previous_approved,
    review_queue,
    reviewable_comments,
    status_row,
    writer_comment,
    writer_indicators,
)
from boardpack.scorecard.default_period import period_menu
from boardpack.scorecard.indicators.presenters import TrendChart, trend_chart
from boardpack.scorecard.indicators.selectors import year_grid, year_values
from boardpack.scorecard.models import Comment, Indicator
from boardpack.scorecard.permissions import comment_actors, delegable_indicators
from boardpack.scorecard.presenters import period_title
from boardpack.scorecard.selectors import current_scheme, status_rows

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


def _my_indicators(request: HttpRequest, delegation_form: DelegationForm | None) -> HttpResponse:
    """The page; an owner's delegations below, with the delegation form as posted if given."""
    writer = _writer(request)
    choice, month = _period(request)
    scheme = current_scheme()
    rows = status_rows(month, indicators=writer_indicators(request.user), scheme=scheme)
    comments = latest_comments([row.indicator.pk for row in rows], month)
    page = my_indicators_page(rows, comments, month=month, writer=writer, scheme=scheme)
    context: dict[str, Any] = {"page": page, "choice": choice}
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
    if form.is_valid():
        indicator, delegate = form.cleaned_data["indicator"], form.cleaned_data["delegate"]
        try:
            services.delegation_create(indicator=indicator, delegate=delegate, user=request.user)
        except services.DelegationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, f"{delegate} now writes the commentary of {indicator.code}.")
            return redirect("my-indicators")
    return _my_indicators(request, form)


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


def writing_chart(indicator: Indicator, month: Month) -> TrendChart | None:
    """The indicator's trend over the month's financial year, as its page draws it, for the
    writer to look at; none for a milestone (it has no values)."""
    if indicator.kind == Indicator.Kind.MILESTONE:
        return None
    values = year_values(indicator, month.fy_start_year)
    return trend_chart(indicator, values, year_grid(indicator, values))


@writer_required
@require_http_methods(["GET", "POST"])
def comment_write(request: HttpRequest, pk: int, period: str) -> HttpResponse:
    month = _month(period)
    indicator = get_object_or_404(writer_indicators(request.user), pk=pk)
    writer = _writer(request)
    comment = writer_comment(indicator, month, writer)
    previous, earlier = previous_approved(indicator, month)
    start_from = next((c for c in earlier if str(c.pk) == request.GET.get("start")), None)
    form = CommentForm(
        request.POST if request.method == "POST" else None, comment=comment, start_from=start_from
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.comment_write(
                indicator=indicator,
                month=month,
                author=writer,
                subject=form.chosen_subject(),
                text=form.cleaned_data["text"],
                submit=form.submits,
                user=request.user,
                actors=comment_actors(request.user, indicator),
            )
        except TransitionError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, write_message(saved))
            return redirect(f"{reverse('my-indicators')}?period={month.key}")
    context = {
        "page": comment_page(status_row(indicator, month), comment),
        "form": form,
        "others": shown_comments(list(others_comments(indicator, month, writer))),
        "chart": writing_chart(indicator, month),
        "previous_title": period_title(previous),
        "earlier": shown_comments(earlier),
        "started_from": start_from,
    }
    return render(request, "scorecard/comment_write.html", context)


@officer_required
@require_GET
def comment_review_list(request: HttpRequest) -> HttpResponse:
    choice, month = _period(request)
    scheme = current_scheme()
    rows = status_rows(month, scheme=scheme)
    comments = latest_comments([row.indicator.pk for row in rows], month)
    context = {
        "choice": choice,
        "month": month,
        "title": period_title(month),
        "queue": queue_lines(list(review_queue())),
        "missing": awaiting_approval(rows, comments, scheme),
    }
    return render(request, "scorecard/review_list.html", context)


@officer_required
@require_http_methods(["GET", "POST"])
def comment_review(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(reviewable_comments(), pk=pk)
    month = Month.of(comment.period)
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            reviewed = services.comment_review(
                comment=comment,
                approve=form.approves,
                reason=form.cleaned_data["reason"],
                user=request.user,
                actors=comment_actors(request.user, comment.indicator),
            )
        except TransitionError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, review_message(reviewed))
            return redirect(f"{reverse('comment-review-list')}?period={month.key}")
    return _review_page(request, comment, form=form)


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
@require_POST
def comment_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """A performance officer corrects a typo in submitted commentary (kept in its history)."""
    comment = get_object_or_404(reviewable_comments(), pk=pk)
    form = CorrectionForm(request.POST, comment=comment)
    if form.is_valid():
        try:
            corrected = services.comment_correct(
                comment=comment,
                text=form.cleaned_data["text"],
                note=form.cleaned_data["note"],
                user=request.user,
                actors=comment_actors(request.user, comment.indicator),
            )
        except TransitionError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, correction_message(corrected))
            return redirect("comment-review", pk=comment.pk)
    return _review_page(request, comment, correction=form)
