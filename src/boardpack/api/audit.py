"""How a change made through the API is recorded: its channel for lib/audit, the one helper
every service names who and why with.

The services record who made a change (`history_user`: the token's user, as for the web) and
lib/audit adds through what to the history's reason: `API token NAME` (a value's reason reads
`api (API token NAME)`), or `API, signed in` for a browser's session.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from django.http import HttpRequest

from boardpack.api.models import AccessToken
from boardpack.lib.audit import Channel, through

SESSION = "API, signed in"


def recorded_as(request: HttpRequest) -> AbstractContextManager[None]:
    """Within the block, the changes come through the request's token, or its session."""
    token: AccessToken | None = getattr(request, "api_token", None)
    return through(Channel(f"API token {token.name}" if token is not None else SESSION))
