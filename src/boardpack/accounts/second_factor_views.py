"""The second-factor pages: what one has, setting up or changing the authenticator app (the
password again first), new recovery codes, and the code after the password at sign-in."""

from __future__ import annotations

import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from boardpack.accounts.second_factor import (
    PENDING,
    CodeForm,
    PasswordAgainForm,
    app_device,
    codes_left,
    confirm_app,
    pending_device,
    recovery_codes_anew,
    setup_page,
    start_setup,
    verified_device,
)
from boardpack.accounts.sessions import end_sessions
from boardpack.accounts.signin import second_factor_required

CODES_PAGE = "accounts/second_factor_codes.html"
VERIFY_PAGE = "accounts/second_factor_verify.html"


def _next(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or "/"
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if safe else "/"


@login_required
def second_factor(request: HttpRequest) -> HttpResponse:
    """What second factor the person has, and what they can do about it."""
    context = {
        "device": app_device(request.user),
        "codes_left": codes_left(request.user),
        "required": second_factor_required(request.user),
    }
    return render(request, "accounts/second_factor.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def second_factor_setup(request: HttpRequest) -> HttpResponse:
    """The password again, then the new authenticator app's QR code and key."""
    form = PasswordAgainForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        device = start_setup(request.user)
        request.session[PENDING] = {"id": device.pk, "at": time.time()}
        return _confirm_page(request, device, CodeForm())
    context = {"form": form, "next": _next(request), "has_device": app_device(request.user)}
    return render(request, "accounts/second_factor_setup.html", context)


def _confirm_page(request: HttpRequest, device: TOTPDevice, form: CodeForm) -> HttpResponse:
    context = {"form": form, "next": _next(request), **setup_page(device)}
    return render(request, "accounts/second_factor_confirm.html", context)


@login_required
@require_POST
def second_factor_confirm(request: HttpRequest) -> HttpResponse:
    """The app's first code: the app is in use, recovery codes are shown once and the
    person's other sessions end."""
    device = pending_device(request.session, request.user)
    if device is None:
        messages.error(request, "Setting up took too long: start again")
        return redirect("second-factor-setup")
    form = CodeForm(request.POST)
    codes = confirm_app(request.user, device, form)
    if codes is None:
        return _confirm_page(request, device, form)
    _verified_with(request, device)
    return render(request, CODES_PAGE, {"codes": codes, "next": _next(request), "new_app": True})


def _verified_with(request: HttpRequest, device: TOTPDevice) -> None:
    del request.session[PENDING]
    otp_login(request, device)
    end_sessions(request.user, keep=request.session.session_key)


@login_required
@require_http_methods(["GET", "POST"])
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes, after the password again."""
    if app_device(request.user) is None:
        return redirect("second-factor")
    form = PasswordAgainForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        context = {"codes": recovery_codes_anew(request.user), "next": "/", "new_app": False}
        return render(request, CODES_PAGE, context)
    return render(request, "accounts/recovery_codes.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def second_factor_verify(request: HttpRequest) -> HttpResponse:
    """After the password: the code from the app, or a recovery code."""
    if not user_has_device(request.user) or request.user.is_verified():  # type: ignore[union-attr]
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    device = verified_device(request.user, form) if request.method == "POST" else None
    if device is None:
        return render(request, VERIFY_PAGE, {"form": form, "next": _next(request)})
    _accepted(request, device)
    return redirect(_next(request))


def _accepted(request: HttpRequest, device: StaticDevice | TOTPDevice) -> None:
    otp_login(request, device)
    if isinstance(device, StaticDevice):
        messages.success(request, f"Recovery code used: {device.token_set.count()} left")
