"""The account page's read and its token write (views.py stays thin).

A new token's secret is shown on the answer to the POST that made it and nowhere else: it is
never kept in the session or a message for a redirect, so this write does not go through
lib.form_writes (which redirects).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from boardpack.accounts.models import Role
from boardpack.accounts.permissions import is_officer, role_of
from boardpack.api.forms import TokenForm
from boardpack.api.selectors import visible_tokens
from boardpack.api.services import MadeToken, TokenError, token_create


def token_made(request: HttpRequest, form: TokenForm) -> MadeToken | None:
    """The token a valid posted form makes for the signed-in user; None otherwise, with the
    refusal on the form's name."""
    if request.method != "POST" or not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        return token_create(
            user=request.user,
            name=data["name"],
            expires_days=data["expires_days"],
            read_only=data["read_only"],
            by=request.user,
        )
    except TokenError as error:
        form.add_error("name", str(error))
        return None


def account_context(
    request: HttpRequest, form: TokenForm, made: MadeToken | None
) -> dict[str, Any]:
    now = timezone.now()
    return {
        "form": TokenForm() if made else form,
        "made": made,
        "role": dict(Role.choices).get(role_of(request.user) or "", ""),
        "officer": is_officer(request.user),
        "tokens": [(token, token.state(now)) for token in visible_tokens(request.user)],
    }
