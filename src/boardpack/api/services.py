"""Writes of personal access tokens: made (the secret returned once) and revoked."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from boardpack.accounts.permissions import is_officer
from boardpack.api.models import NAME_LENGTH, AccessToken

SECRET_PREFIX = "bpat_"
"""Every secret starts so: a reader, or a secret scanner, can tell what it is."""
SECRET_BYTES = 32
PREFIX_LENGTH = len(SECRET_PREFIX) + 8
"""The secret's first characters, which name it in lists."""
DEFAULT_DAYS = 90
MAX_DAYS = 3660


class TokenError(ValueError):
    """A token could not be made or revoked; the message says why, for a person to read."""


@dataclass(frozen=True)
class MadeToken:
    token: AccessToken
    secret: str
    """Shown once: only its digest is stored."""


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _check(user: AbstractBaseUser, name: str, expires_days: int) -> None:
    if not user.is_active:
        raise TokenError(f"{user.get_username()} cannot sign in, so cannot have a token")
    if len(name) > NAME_LENGTH:
        raise TokenError(f"A token's name has at most {NAME_LENGTH} characters")
    if not 1 <= expires_days <= MAX_DAYS:
        raise TokenError(f"A token expires after 1 to {MAX_DAYS} days")
    if AccessToken.objects.filter(user=user, name=name).exists():
        raise TokenError(f"{user.get_username()} already has a token called {name!r}")


@transaction.atomic
def token_create(
    *,
    user: AbstractBaseUser,
    name: str = "",
    expires_days: int = DEFAULT_DAYS,
    read_only: bool = False,
    by: AbstractBaseUser | None,
) -> MadeToken:
    """A new token for `user`, named `name` (by default its prefix), expiring in `expires_days`.

    The secret is `bpat_` and 32 random bytes (URL-safe base64); the database keeps its SHA-256.
    """
    secret = SECRET_PREFIX + secrets.token_urlsafe(SECRET_BYTES)
    prefix = secret[:PREFIX_LENGTH]
    name = " ".join(name.split()) or prefix
    _check(user, name, expires_days)
    now = timezone.now()
    token = AccessToken.objects.create(
        user=user,
        name=name,
        prefix=prefix,
        digest=digest_of(secret),
        read_only=read_only,
        created_at=now,
        created_by=by,
        expires_at=now + timedelta(days=expires_days),
    )
    return MadeToken(token, secret)


def may_revoke(token: AccessToken, user: AbstractBaseUser) -> bool:
    """Its own user, or a performance officer."""
    return token.user_id == user.pk or is_officer(user)  # type: ignore[attr-defined]


@transaction.atomic
def token_revoke(*, token: AccessToken, by: AbstractBaseUser | None) -> AccessToken:
    """Stop a token at once; `by` None is the command line (an administrator)."""
    token = AccessToken.objects.select_for_update().get(pk=token.pk)
    if by is not None and not may_revoke(token, by):
        raise TokenError("Only its owner or a performance officer may revoke a token")
    if token.revoked_at is not None:
        raise TokenError(f"{token} is already revoked")
    token.revoked_at, token.revoked_by = timezone.now(), by
    token.save(update_fields=["revoked_at", "revoked_by"])
    return token


def token_used(token: AccessToken) -> None:
    """Note when a token was last used, at most once a minute (no write on most requests)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
