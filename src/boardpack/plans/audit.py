"""Small helpers every plan write uses: who made a change and why, and what changed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

User = AbstractBaseUser | AnonymousUser | None


def saved_user(user: User) -> AbstractBaseUser | None:
    """The user to store against a row: None for no one or an anonymous visitor."""
    return user if isinstance(user, AbstractBaseUser) and user.pk else None


def audited(instance: Any, user: User, reason: str) -> None:
    """Name who made the change and why in the history row the next save writes."""
    instance._history_user = saved_user(user)
    instance._change_reason = reason


def apply(instance: Any, fields: dict[str, Any]) -> bool:
    """Set the fields that differ; True when any did."""
    changed = False
    for name, value in fields.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed
