"""Reads of personal access tokens, and the data versions the API's ETags come from."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from boardpack.accounts.permissions import is_officer
from boardpack.api.models import AccessToken, ReadVersion
from boardpack.api.services import PREFIX_LENGTH, SECRET_PREFIX, digest_of


def token_for_secret(secret: str) -> AccessToken | None:
    """The token whose secret this is, with its user and their person (one query)."""
    if not secret.startswith(SECRET_PREFIX):
        return None
    return (
        AccessToken.objects.select_related("user", "user__person")
        .filter(digest=digest_of(secret))
        .first()
    )


def visible_tokens(user: AbstractBaseUser) -> QuerySet[AccessToken]:
    """A performance officer sees everyone's tokens; anyone else their own."""
    tokens = AccessToken.objects.select_related("user", "created_by", "revoked_by")
    if is_officer(user):
        return tokens.order_by("user__username", "-created_at", "-pk")
    return tokens.filter(user=user).order_by("-created_at", "-pk")


def read_version() -> str | None:
    """The token the database replaces on every write to what the API reads beyond the
    scorecard; none while the table is empty (just after a flush)."""
    return ReadVersion.objects.filter(pk=1).values_list("token", flat=True).first()


def tokens_of(user: AbstractBaseUser | None) -> QuerySet[AccessToken]:
    """One user's tokens, or everyone's for None (the command line), by user then newest."""
    tokens = AccessToken.objects.select_related("user").order_by("user__username", "-pk")
    return tokens if user is None else tokens.filter(user=user)


def token_named(prefix: str) -> AccessToken | None:
    """The token with this prefix (as lists show it), or whose secret starts with it."""
    return AccessToken.objects.filter(prefix=prefix.rstrip("…")[:PREFIX_LENGTH]).first()
