"""Sessions: each is linked to its person (django-qsessions), so their other sessions can be
ended; a session ends after the idle time (Django's own expiry, SESSION_COOKIE_AGE after the
session was last saved: a request saves it if it was not saved in the last minute) and at the
absolute limit after sign-in, whatever happens (this middleware).

A request that brings the cookie of a session that has ended is sent to the signed-out page,
which says why.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from qsessions.models import Session

logger = logging.getLogger(__name__)
SIGNED_IN_AT = "boardpack_signed_in_at"
RENEWED_AT = "boardpack_renewed_at"
RENEW_EVERY = 60
"""Seconds: a request renews the session's expiry (a write) at most once a minute."""


def end_sessions(user: AbstractBaseUser, *, keep: str | None = None) -> int:
    """End every session of this user but `keep` (a session key); the number ended."""
    sessions = Session.objects.filter(user_id=user.pk)
    if keep:
        sessions = sessions.exclude(session_key=keep)
    ended, _ = sessions.delete()
    if ended:
        logger.info("Ended %s session(s) of user %s", ended, user.pk)
    return ended


@receiver(user_logged_in)
def _remember_sign_in(request: HttpRequest, user: AbstractBaseUser, **kwargs: object) -> None:
    request.session[SIGNED_IN_AT] = request.session[RENEWED_AT] = time.time()
    logger.info("Signed in: user %s (%s)", user.pk, user.get_username())


def renew(request: HttpRequest) -> None:
    """Push the session's idle expiry back: saving the session sets it SESSION_COOKIE_AGE on."""
    request.session[RENEWED_AT] = time.time()


def signed_out_url(reason: str, next_path: str = "") -> str:
    query = {"reason": reason, **({"next": next_path} if next_path else {})}
    return f"{reverse('signed-out')}?{urlencode(query)}"


class SessionLimitsMiddleware:
    """End a session at the absolute limit; send a stale session's cookie to the signed-out
    page (its session expired after the idle time, or was ended elsewhere)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        exempt = request.path.startswith((settings.STATIC_URL or "/static/", reverse("signed-out")))
        if request.user.is_authenticated:
            now = time.time()
            if (
                now - request.session.get(SIGNED_IN_AT, 0.0)
                > settings.BOARDPACK_SESSION_ABSOLUTE_SECONDS
            ):
                logger.info("Session of user %s reached its absolute limit", request.user.pk)
                logout(request)
                return redirect(signed_out_url("absolute", request.get_full_path()))
            if now - request.session.get(RENEWED_AT, 0.0) > RENEW_EVERY:
                renew(request)
        elif (
            not exempt
            and request.method == "GET"
            and request.COOKIES.get(settings.SESSION_COOKIE_NAME)
            and request.session.session_key is None
        ):
            return redirect(signed_out_url("ended", request.get_full_path()))
        return self.get_response(request)
