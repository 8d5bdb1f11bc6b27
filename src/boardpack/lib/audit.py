"""Who made a change, through what, and why: the one place every service names them.

Every service that writes takes the user it is told made the change (`User`) and a reason, and
names them here in the history row django-simple-history writes (`audited` before a save or a
delete, `bulk_history` for the bulk helpers); `account` is the account stored against a row of
its own (a comment's event, a BRAG change, an import). The entry point says through what the
change comes: the web by default, the command line inside `command_line()`, where a change with
no account named is recorded with the name of the system user who ran the command, never as no
one; the API names the token a change comes through inside `through()`. Changes not made on
the web carry their channel in the history's reason, e.g. "import: values.csv (command line,
system user jo)" or "api (API token Power BI)". `Actor` is the whole of who and through what:
an append-only audit log would be written from here.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypedDict

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import ForeignKey, Model

User = AbstractBaseUser | AnonymousUser | None
"""Whoever a service is told makes a change: an account, an anonymous visitor or no one."""

WEB = "web"
COMMAND_LINE = "command line"
HISTORY_USER, CHANGE_REASON = "_history_user", "_change_reason"
"""The attributes django-simple-history reads when the next save or delete writes history."""
REASON_LENGTH = 100
"""The length of django-simple-history's history_change_reason column."""


@dataclass(frozen=True)
class Channel:
    """Through what a change comes (`web`, `command line`) and, at the command line, the name of
    the system user who ran the command."""

    name: str
    system_user: str = ""


ON_THE_WEB = Channel(WEB)
_channel: ContextVar[Channel] = ContextVar("boardpack_audit_channel")


@dataclass(frozen=True)
class Actor:
    """Who makes a change and through what."""

    account: AbstractBaseUser | None
    channel: Channel

    @property
    def via(self) -> str:
        """The channel in words, naming the system user when no account is named."""
        if self.account is None and self.channel.system_user:
            return f"{self.channel.name}, system user {self.channel.system_user}"
        return self.channel.name

    def history_reason(self, reason: str) -> str | None:
        """The history row's reason: the reason, then the channel unless it is the web."""
        if self.channel.name == WEB:
            return reason[:REASON_LENGTH] or None
        suffix = f" ({self.via})" if reason else self.via
        room = REASON_LENGTH - len(suffix)
        shown = reason if len(reason) <= room else reason[: max(room - 1, 0)] + "…"
        return (shown + suffix)[:REASON_LENGTH]


def account(user: User) -> AbstractBaseUser | None:
    """The account to store against a row: None for no one or an anonymous visitor."""
    return user if isinstance(user, AbstractBaseUser) and user.pk else None


def actor(user: User) -> Actor:
    """The user a service was told of, through the channel the entry point declared."""
    return Actor(account(user), _channel.get(ON_THE_WEB))


@contextmanager
def through(channel: Channel) -> Iterator[None]:
    """Changes made inside come through this channel (the API names its token here)."""
    token = _channel.set(channel)
    try:
        yield
    finally:
        _channel.reset(token)


def command_line() -> AbstractContextManager[None]:
    """Changes made inside come from the command line, run by the current system user."""
    return through(Channel(COMMAND_LINE, getpass.getuser()))


def audited(instance: Model, user: User, reason: str = "") -> None:
    """Name who made the change and why in the history row the next save or delete writes."""
    who = actor(user)
    setattr(instance, HISTORY_USER, who.account)
    text = who.history_reason(reason)
    if text is not None:
        setattr(instance, CHANGE_REASON, text)


class HistoryDefaults(TypedDict):
    default_user: AbstractBaseUser | None
    default_change_reason: str | None


def bulk_history(user: User, reason: str) -> HistoryDefaults:
    """Who and why for simple-history's bulk_create_with_history and bulk_update_with_history."""
    who = actor(user)
    return {"default_user": who.account, "default_change_reason": who.history_reason(reason)}


def apply(instance: Model, fields: Mapping[str, Any]) -> bool:
    """Set the fields that differ (a related object compared by its id); True when any did."""
    changed = False
    for name, value in fields.items():
        field = instance._meta.get_field(name)
        if isinstance(field, ForeignKey) and name == field.name:
            current, wanted = getattr(instance, field.attname), getattr(value, "pk", None)
        else:
            current, wanted = getattr(instance, name), value
        if current != wanted:
            setattr(instance, name, value)
            changed = True
    return changed
