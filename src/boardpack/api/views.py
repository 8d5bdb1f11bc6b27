"""The account page: who you are, and your personal access tokens for the API (docs/api.md).

Everyone signed in makes tokens for themselves (the secret is shown once, on the page that
made it), lists and revokes their own; a performance officer also sees and revokes everyone's.
Tokens are written through api.services.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from boardpack.api.forms import TokenForm
from boardpack.api.pages import account_context, token_made
from boardpack.api.selectors import visible_tokens
from boardpack.api.services import TokenError
from boardpack.api.services import token_revoke as revoke


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST if request.method == "POST" else None)
    made = token_made(request, form)
    context = account_context(request, form, made)
    return render(request, "api/account.html", context, status=400 if form.errors else 200)


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
