"""A second factor for local passwords (django-otp): an authenticator app (TOTP) and ten
one-time recovery codes (django-otp's static device).

Setting one up, changing it and making new recovery codes ask for the password again. After a
password, a person with a second factor enters a code before any other page (signin.py). The
pages are in second_factor_views.py.
"""

from __future__ import annotations

import logging
import time
from base64 import b32encode
from typing import Any

import segno
from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from boardpack.accounts.permissions import person_of
from boardpack.accounts.security import record

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


def codes_left(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def start_setup(user: AbstractBaseUser) -> TOTPDevice:
    """A new authenticator app, not yet confirmed: the one in use keeps working until it is."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=APP, confirmed=False)


def pending_device(session: Any, user: AbstractBaseUser) -> TOTPDevice | None:
    """The app being set up in this session, if it was started in the last ten minutes."""
    pending = session.get(PENDING) or {}
    if time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    return TOTPDevice.objects.filter(pk=pending.get("id"), user=user, confirmed=False).first()


def setup_page(device: TOTPDevice) -> dict[str, str]:
    """The QR code (SVG, no inline style) and the key of the app being set up."""
    qr = segno.make(device.config_url, error="m")
    return {
        "qr": qr.svg_inline(scale=5, title="QR code for your authenticator app"),
        "secret": b32encode(device.bin_key).decode(),
    }


def confirm_app(user: AbstractBaseUser, device: TOTPDevice, form: CodeForm) -> list[str] | None:
    """The first code from the app confirms it: it replaces any earlier one and ten recovery
    codes are made (returned, to be shown once). None, with the form's error, if the code is
    not right."""
    if not form.is_valid():
        return None
    if not device.verify_token(form.cleaned_data["code"]):
        form.add_error("code", "The code is not right: enter the 6 digits the app shows now")
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save()
        codes = new_recovery_codes(user)
        _record(user, "second factor set up")
    logger.info("Second factor set up by user %s", user.pk)
    return codes


def verified_device(user: AbstractBaseUser, form: CodeForm) -> StaticDevice | TOTPDevice | None:
    """The device that accepts the form's code: the app for six digits, else a recovery code.
    Each device throttles wrong codes (django-otp: the wait doubles each time)."""
    if not form.is_valid():
        return None
    code = form.cleaned_data["code"].strip().replace(" ", "").lower()
    candidates = (
        TOTPDevice.objects.filter(user=user, confirmed=True)
        if code.isdigit() and len(code) == 6
        else StaticDevice.objects.filter(user=user, confirmed=True)
    )
    with transaction.atomic():
        found = next((d for d in candidates.select_for_update() if d.verify_token(code)), None)
    if found is None:
        logger.warning("Second factor: wrong code from user %s", user.pk)
        form.add_error("code", "The code is not right, or too many were tried: wait and try again")
    else:
        logger.info("Second factor accepted for user %s (%s)", user.pk, found.name)
    return found


def recovery_codes_anew(user: AbstractBaseUser) -> list[str]:
    codes = new_recovery_codes(user)
    _record(user, "new recovery codes made")
    return codes


def _record(user: AbstractBaseUser, reason: str) -> None:
    person = person_of(user)
    if person is not None:
        record(person, by=user, reason=reason)
