"""A second factor for local passwords (django-otp): an authenticator app (TOTP) and ten
one-time recovery codes (django-otp's static device).

Setting one up, changing it and making new recovery codes ask for the password again. After a
password, a person with a second factor enters a code before any other page (signin.py).
"""

from __future__ import annotations

import logging
import time
from base64 import b32encode
from typing import Any

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from boardpack.accounts.permissions import person_of
from boardpack.accounts.security import record
from boardpack.accounts.sessions import end_sessions
from boardpack.accounts.signin import second_factor_required

logger = logging.getLogger(__name__)
APP = "Authenticator app"
CODES = "Recovery codes"
RECOVERY_CODES = 10
PENDING = "boardpack_second_factor_pending"
PENDING_SECONDS = 10 * 60


class PasswordAgainForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        help_text="To be sure it is you.",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, data: Any = None, *, user: AbstractBaseUser) -> None:
        super().__init__(data)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            logger.warning("Second factor: wrong password again from user %s", self.user.pk)
            raise forms.ValidationError("Your password is not right")
        return password


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "class": "govuk-input--width-10"}
        ),
        error_messages={"required": "Enter the code"},
    )


def app_device(user: AbstractBaseUser) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def new_recovery_codes(user: AbstractBaseUser) -> list[str]:
    """Ten new one-time codes; any earlier ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(user=user, defaults={"name": CODES})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _next(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or "/"
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if safe else "/"


def _record(request: HttpRequest, reason: str) -> None:
    person = person_of(request.user)
    if person is not None:
        record(person, by=request.user, reason=reason)


@login_required
def second_factor(request: HttpRequest) -> HttpResponse:
    """What second factor the person has, and what they can do about it."""
    codes = StaticToken.objects.filter(device__user=request.user).count()
    context = {
        "device": app_device(request.user),
        "codes_left": codes,
        "required": second_factor_required(request.user),
    }
    return render(request, "accounts/second_factor.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def second_factor_setup(request: HttpRequest) -> HttpResponse:
    """The password again, then the new authenticator app's QR code and secret."""
    form = PasswordAgainForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=request.user, name=APP, confirmed=False)
        request.session[PENDING] = {"id": device.pk, "at": time.time()}
        return _confirm_page(request, device, CodeForm())
    context = {"form": form, "next": _next(request), "has_device": app_device(request.user)}
    return render(request, "accounts/second_factor_setup.html", context)


def _confirm_page(request: HttpRequest, device: TOTPDevice, form: CodeForm) -> HttpResponse:
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "qr": qr.svg_inline(scale=5, title="QR code for your authenticator app"),
        "secret": b32encode(device.bin_key).decode(),
        "next": _next(request),
    }
    return render(request, "accounts/second_factor_confirm.html", context)


@login_required
@require_POST
def second_factor_confirm(request: HttpRequest) -> HttpResponse:
    """The first code from the app confirms it: it replaces any earlier one, and recovery
    codes are made (shown once). The person's other sessions end."""
    pending = request.session.get(PENDING) or {}
    device = TOTPDevice.objects.filter(
        pk=pending.get("id"), user=request.user, confirmed=False
    ).first()
    if device is None or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        messages.error(request, "Setting up took too long: start again")
        return redirect("second-factor-setup")
    form = CodeForm(request.POST)
    if not form.is_valid() or not device.verify_token(form.cleaned_data["code"]):
        if form.is_valid():
            form.add_error("code", "The code is not right: enter the 6 digits the app shows now")
        return _confirm_page(request, device, form)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save()
        codes = new_recovery_codes(request.user)
        _record(request, "second factor set up")
    del request.session[PENDING]
    otp_login(request, device)
    end_sessions(request.user, keep=request.session.session_key)
    logger.info("Second factor set up by user %s", request.user.pk)
    context = {"codes": codes, "next": _next(request), "new_app": True}
    return render(request, "accounts/second_factor_codes.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes, after the password again."""
    if app_device(request.user) is None:
        return redirect("second-factor")
    form = PasswordAgainForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        codes = new_recovery_codes(request.user)
        _record(request, "new recovery codes made")
        context = {"codes": codes, "next": "/", "new_app": False}
        return render(request, "accounts/second_factor_codes.html", context)
    return render(request, "accounts/recovery_codes.html", {"form": form})


def _verified_device(user: AbstractBaseUser, code: str) -> StaticDevice | TOTPDevice | None:
    """The device that accepts this code: the app for six digits, else a recovery code.
    Each device throttles wrong codes (django-otp: the wait doubles each time)."""
    code = code.strip().replace(" ", "")
    candidates = (
        TOTPDevice.objects.filter(user=user, confirmed=True)
        if code.isdigit() and len(code) == 6
        else StaticDevice.objects.filter(user=user, confirmed=True)
    )
    with transaction.atomic():
        for device in candidates.select_for_update():
            if device.verify_token(code.lower()):
                return device
    return None


@login_required
@require_http_methods(["GET", "POST"])
def second_factor_verify(request: HttpRequest) -> HttpResponse:
    """After the password: the code from the app, or a recovery code."""
    if not user_has_device(request.user) or request.user.is_verified():  # type: ignore[union-attr]
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = _verified_device(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            logger.info("Second factor accepted for user %s (%s)", request.user.pk, device.name)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.success(request, f"Recovery code used: {left} left")
            return redirect(_next(request))
        logger.warning("Second factor: wrong code from user %s", request.user.pk)
        form.add_error("code", "The code is not right, or too many were tried: wait and try again")
    return render(
        request, "accounts/second_factor_verify.html", {"form": form, "next": _next(request)}
    )
