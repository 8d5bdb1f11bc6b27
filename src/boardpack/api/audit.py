"""How a change made through the API is recorded: the one place that says so.

The services record who made a change (`history_user`, the token's user, as for the web) and
the API adds why: every history record written while a write endpoint runs gets the change
reason `API token NAME` (or `API, signed in` for a browser session), after any reason the
service gave. Values are written in bulk, which sends no signal: their reason is built from
the source the API passes (`api: API token NAME`, see `source_ref`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.http import HttpRequest
from simple_history.signals import pre_create_historical_record

from boardpack.api.models import AccessToken

REASON_LENGTH = 100
"""simple-history's change reason column."""
SESSION_REASON = "API, signed in"

_reason: ContextVar[str | None] = ContextVar("boardpack_api_change_reason", default=None)


def source_ref(request: HttpRequest) -> str:
    """What a change through this request is recorded as: the token by name, or the session."""
    token: AccessToken | None = getattr(request, "api_token", None)
    return f"API token {token.name}" if token is not None else SESSION_REASON


@contextmanager
def recorded_as(request: HttpRequest) -> Iterator[None]:
    """Within the block, every history record written names the request's token."""
    reset = _reason.set(source_ref(request))
    try:
        yield
    finally:
        _reason.reset(reset)


def _name_the_token(sender: Any, history_instance: Any, **kwargs: Any) -> None:
    reason = _reason.get()
    if reason is None:
        return
    given = history_instance.history_change_reason
    full = f"{reason}: {given}" if given else reason
    history_instance.history_change_reason = full[:REASON_LENGTH]


def connect() -> None:
    pre_create_historical_record.connect(_name_the_token, dispatch_uid="boardpack.api.audit")
