"""The account page: who you are, and your personal access tokens for the API (docs/api.md).

Everyone signed in makes tokens for themselves (the secret is shown once, on the page that
made it), lists and revokes their own; a performance officer also sees and revokes everyone's.
Tokens are written through api.services.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from boardpack.accounts.models import Role
from boardpack.accounts.permissions import is_officer, role_of
from boardpack.api.forms import TokenForm
from boardpack.api.selectors import visible_tokens
from boardpack.api.services import MadeToken, TokenError, token_create
from boardpack.api.services import token_revoke as revoke


def _page(
    request: HttpRequest, form: TokenForm, made: MadeToken | None = None, status: int = 200
) -> HttpResponse:
    now = timezone.now()
    context: dict[str, Any] = {
        "form": form,
        "made": made,
        "role": dict(Role.choices).get(role_of(request.user) or "", ""),
        "officer": is_officer(request.user),
        "tokens": [(token, token.state(now)) for token in visible_tokens(request.user)],
    }
    return render(request, "api/account.html", context, status=status)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, TokenForm())
    form = TokenForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            made = token_create(
                user=request.user,
                name=data["name"],
                expires_days=data["expires_days"],
                read_only=data["read_only"],
                by=request.user,
            )
        except TokenError as error:
            form.add_error("name", str(error))
        else:
            return _page(request, TokenForm(), made)
    return _page(request, form, status=400)


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(visible_tokens(request.user), pk=pk)
    try:
        revoke(token=token, by=request.user)
    except TokenError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, f"{token} is revoked: it can no longer be used.")
    return redirect("my-account")
