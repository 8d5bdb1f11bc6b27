"""Signing in and out, the session pages, and passwords: change, reset by e-mail, and the
change an officer's new password forces at the next sign-in.

Sign-in failures are counted by django-axes (its backend and middleware); the reset form is
counted the same way against the address asked for, so neither can be tried without limit.
Every page answers the same for a known and an unknown username or e-mail address.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_POST

from boardpack.accounts.forms import SignInForm
from boardpack.accounts.permissions import person_of
from boardpack.accounts.security import record
from boardpack.accounts.sessions import end_sessions, renew

logger = logging.getLogger(__name__)
REASONS = {
    "idle": "You were signed out because you had done nothing for {idle}.",
    "absolute": "You were signed out because you had been signed in for {hours} hours.",
    "ended": "Your session has ended: it timed out, or you were signed out somewhere else.",
}


class SignInView(auth_views.LoginView):
    authentication_form = SignInForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        name = getattr(settings, "BOARDPACK_OIDC_PROVIDER_NAME", "")
        return {
            **context,
            "local_passwords": settings.BOARDPACK_LOCAL_PASSWORDS,
            "sso": settings.BOARDPACK_SSO,
            "sso_text": f"Sign in with {name}",
            "sso_href": f"{reverse('sso-start')}?{urlencode({'next': context['next']})}",
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not settings.BOARDPACK_LOCAL_PASSWORDS:
            raise Http404("Local passwords are switched off")
        return super().post(request, *args, **kwargs)


class SignOutView(auth_views.LogoutView):
    """Signing out ends every session of the person (their other browsers too), unless the
    page's idle timer signs this one out (it sends no `everywhere`)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            logger.info("Signed out: user %s", request.user.pk)
            if request.POST.get("everywhere"):
                end_sessions(request.user, keep=request.session.session_key)
        return super().post(request, *args, **kwargs)


def signed_out(request: HttpRequest) -> HttpResponse:
    reason = request.GET.get("reason", "ended")
    idle = settings.SESSION_COOKIE_AGE
    text = REASONS.get(reason, REASONS["ended"]).format(
        idle=f"{idle // 60} minutes" if idle >= 120 else f"{idle} seconds",
        hours=settings.BOARDPACK_SESSION_ABSOLUTE_SECONDS // 3600,
    )
    again = f"{reverse('login')}?{urlencode({'next': request.GET.get('next', '/')})}"
    return render(request, "accounts/signed_out.html", {"reason": text, "again": again})


@login_required
@require_POST
def keep_alive(request: HttpRequest) -> HttpResponse:
    """The timeout warning's "Stay signed in": renews the session."""
    renew(request)
    return HttpResponse(status=204)


def _local_passwords_only(view: Any) -> Any:
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not settings.BOARDPACK_LOCAL_PASSWORDS:
            raise Http404("Local passwords are switched off")
        response: HttpResponse = view(request, *args, **kwargs)
        return response

    return guarded


class PasswordChangeView(auth_views.PasswordChangeView):
    """A new password, after the current one; their other sessions end. Also the page an
    officer's new password sends them to at their next sign-in."""

    form_class = PasswordChangeForm
    success_url = reverse_lazy("home")
    template_name = "accounts/password_change.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        person = person_of(self.request.user)
        forced = person is not None and person.password_change_required
        return {**super().get_context_data(**kwargs), "forced": forced}

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        end_sessions(self.request.user, keep=self.request.session.session_key)
        person = person_of(self.request.user)
        if person is not None:
            person.password_change_required = False
            record(person, by=self.request.user, reason="password changed by them")
        logger.info("Password changed by user %s", self.request.user.pk)
        messages.success(self.request, "Your password has been changed")
        return response


RESET_KEY = "password reset: {}"
"""How a reset request is counted by django-axes: as a failure against this name."""


class PasswordResetView(auth_views.PasswordResetView):
    """An e-mail with a link to a person with a login and this address; the same answer for
    an address nobody has. Ten requests for an address, or from an address, in the cool-off
    time are refused as sign-in failures are."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        credentials = {"username": RESET_KEY.format(form.cleaned_data["email"].lower())}
        if not AxesProxyHandler.is_allowed(self.request, credentials):
            return get_lockout_response(self.request, credentials=credentials)
        AxesProxyHandler.user_login_failed(
            sender=type(self), credentials=credentials, request=self.request
        )
        logger.info("Password reset asked for an address (%s)", credentials["username"])
        self.extra_email_context = {"base_url": settings.BOARDPACK_BASE_URL.rstrip("/")}
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The link's page: a new password; every session of theirs ends."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        end_sessions(form.user)
        person = person_of(form.user)
        if person is not None:
            person.password_change_required = False
            record(person, by=form.user, reason="password reset by e-mail")
        logger.info("Password reset by e-mail for user %s", form.user.pk)
        return response


password_change = _local_passwords_only(PasswordChangeView.as_view())
password_reset = _local_passwords_only(PasswordResetView.as_view())
password_reset_done = _local_passwords_only(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html")
)
password_reset_confirm = _local_passwords_only(PasswordResetConfirmView.as_view())
password_reset_complete = _local_passwords_only(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"
    )
)
