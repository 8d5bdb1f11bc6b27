"""The steps after a password is accepted, before any other page: the second factor (when the
person has one), a new password (when an officer set theirs) and setting up a second factor
(when their role requires one, BOARDPACK_REQUIRE_2FA). Single sign-on skips them: the identity
provider authenticates (and applies its own second factor)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from boardpack.accounts.permissions import AnyUser, is_officer, person_of

SSO_BACKEND = "boardpack.accounts.sso.SingleSignOnBackend"
DONE = "boardpack_sign_in_done"
"""In the session once every step is taken: the steps are not looked up again. (A role
change ends the person's sessions, so a new role's steps apply at once.)"""
STEP_PAGES = frozenset(
    {
        "login",
        "logout",
        "signed-out",
        "session-keep-alive",
        "second-factor-verify",
        "second-factor-setup",
        "second-factor-confirm",
        "password-change",
    }
)
"""Pages open during the steps."""


def signed_in_by_sso(request: HttpRequest) -> bool:
    return request.session.get(BACKEND_SESSION_KEY) == SSO_BACKEND


def second_factor_required(user: AnyUser) -> bool:
    """Everyone's when BOARDPACK_REQUIRE_2FA=all; officers' and administrators' by default."""
    if settings.BOARDPACK_REQUIRE_2FA == "all":
        return True
    if settings.BOARDPACK_REQUIRE_2FA == "none":
        return False
    return is_officer(user) or bool(getattr(user, "is_staff", False))


def next_step(request: HttpRequest, user: AnyUser, *, verified: bool) -> str | None:
    """The URL name of the step this signed-in person must take next, if any."""
    if signed_in_by_sso(request):
        return None
    if not verified and user_has_device(user):
        return "second-factor-verify"
    person = person_of(user)
    if person is not None and person.password_change_required:
        return "password-change"
    if not verified and second_factor_required(user):
        return "second-factor-setup"
    return None


@receiver(user_logged_in)
def _steps_at_sign_in(request: HttpRequest, user: AnyUser, **kwargs: object) -> None:
    """Someone with no step to take is done at once (no look-up on their first page)."""
    if next_step(request, user, verified=False) is None:
        request.session[DONE] = True


class SignInStepsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if not request.user.is_authenticated or request.session.get(DONE):
            return None
        if match and match.url_name in STEP_PAGES:
            return None
        step = next_step(request, request.user, verified=request.user.is_verified())  # type: ignore[union-attr]
        if step is None:
            request.session[DONE] = True
            return None
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
