"""Officers' pages about sign-in: reset a person's second factor, end their sessions, and the
sign-in lockouts (who and which addresses are locked out, and unlocking them)."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from boardpack.accounts import security
from boardpack.accounts.models import Person
from boardpack.accounts.permissions import officer_required
from boardpack.accounts.selectors import people_with_logins

REASON_MAX = 75
"""Room in the history's reason (100 characters) for the action's own words."""


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Why",
        max_length=REASON_MAX,
        help_text="Recorded in their history with your name.",
        error_messages={"required": "Say why"},
    )


RESET, END = "reset", "end"
"""The prefixes of the two reason forms on the person page."""


class UnlockForm(forms.Form):
    kind = forms.ChoiceField(choices=[("username", "username"), ("address", "address")])
    value = forms.CharField(max_length=255)


def _with_reason(
    request: HttpRequest, pk: int, prefix: str, act: Callable[[Person, str], str]
) -> HttpResponse:
    """Do `act` to the person with the reason given (its message shown), or ask for one."""
    person = get_object_or_404(people_with_logins().filter(user__isnull=False), pk=pk)
    form = ReasonForm(request.POST, prefix=prefix)
    if form.is_valid():
        messages.success(request, act(person, form.cleaned_data["reason"]))
    else:
        messages.error(request, "Nothing was done: say why")
    return redirect("person-edit", pk=pk)


@officer_required
@require_POST
def second_factor_reset(request: HttpRequest, pk: int) -> HttpResponse:
    def reset(person: Person, reason: str) -> str:
        security.second_factor_reset(person, by=request.user, reason=reason)
        return f"{person}'s second factor reset: their sessions have ended"

    return _with_reason(request, pk, RESET, reset)


@officer_required
@require_POST
def sessions_end(request: HttpRequest, pk: int) -> HttpResponse:
    def end(person: Person, reason: str) -> str:
        ended = security.sessions_end(person, by=request.user, reason=reason)
        return f"{ended} session(s) of {person} ended"

    return _with_reason(request, pk, END, end)


@officer_required
@require_GET
def lockouts(request: HttpRequest) -> HttpResponse:
    context = {
        "lockouts": security.lockouts(),
        "limit": settings.AXES_FAILURE_LIMIT,
        "cool_off_seconds": settings.AXES_COOLOFF_TIME.total_seconds(),
    }
    return render(request, "accounts/lockouts.html", context)


@officer_required
@require_POST
def lockout_unlock(request: HttpRequest) -> HttpResponse:
    form = UnlockForm(request.POST)
    if form.is_valid():
        kind, value = form.cleaned_data["kind"], form.cleaned_data["value"]
        security.unlock(kind=kind, value=value, by=request.user)
        messages.success(request, f"Sign-in unlocked for the {kind} {value}")
    return redirect("lockouts")
