"""Who is asking: a personal access token (`Authorization: Bearer bpat_…`) or the browser's
signed-in session, and what they may write.

A token acts as its user: their role and scope as the web pages compute them on every request,
never more. An unknown, expired or revoked token, or one whose user can no longer sign in, is
refused with 401 (even with a session cookie beside it). A read-only token, or anyone with the
viewer role, gets 403 on every write. A session's writes need Django's CSRF token, as a form's do.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from boardpack.accounts.models import Role
from boardpack.accounts.permissions import role_of
from boardpack.api.models import AccessToken
from boardpack.api.problems import ApiError
from boardpack.api.selectors import token_for_secret
from boardpack.api.services import token_used

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _check_write(request: HttpRequest) -> None:
    """403 on a write for a read-only token or a viewer; the service then applies its rules."""
    if request.method in SAFE_METHODS:
        return
    token: AccessToken | None = getattr(request, "api_token", None)
    if token is not None and token.read_only:
        raise ApiError(403, "This token is read-only")
    if role_of(request.user) == Role.VIEWER:
        raise ApiError(403, "A viewer may read but not change anything")


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> AccessToken:
        found = token_for_secret(token)
        if found is None:
            raise AuthenticationError(message="The token is not known")
        state = found.state(timezone.now())
        if state != "active":
            raise AuthenticationError(message=f"The token is {state}")
        if not found.user.is_active:
            raise AuthenticationError(message="The token's user cannot sign in")
        token_used(found)
        request.user = found.user
        request.api_token = found  # type: ignore[attr-defined]
        _check_write(request)
        return found


class Session(SessionAuth):
    """Django's session, with its CSRF check on writes (SessionAuth's)."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if not request.user.is_authenticated:
            return None
        _check_write(request)
        return request.user
