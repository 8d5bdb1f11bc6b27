"""The scorecard page's cache policy (docs/scorecard-cache.md): a page body is kept under the data
version and the query string, so any write to what it shows makes every kept body unreachable."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpRequest

from boardpack.scorecard.selectors import data_version

Body = tuple[str, str]
"""A page's title and the HTML of its body."""


def page_key(request: HttpRequest) -> str | None:
    """The data version and the query string (its parameters in any order); none while there is
    no data version (just after a flush), when nothing may be kept."""
    version = data_version()
    if version is None:
        return None
    asked = urlencode(sorted(request.GET.lists()), doseq=True)
    return f"scorecard:{version}:{hashlib.sha256(asked.encode()).hexdigest()}"


def cached_body(
    request: HttpRequest,
    build: Callable[[], tuple[Body, bool] | None],
    *,
    follows_version: bool = True,
) -> Body | None:
    """The request's body as kept, else as `build` makes it (with whether it may be kept: not
    when the filters are invalid), kept for the next reader; none when there is nothing to show.
    `follows_version=False` when the body reads data the version does not follow: built every
    time, never kept."""
    key = page_key(request) if follows_version else None
    kept: Body | None = cache.get(key) if key else None
    if kept is not None:
        return kept
    made = build()
    if made is None:
        return None
    body, keepable = made
    if key and keepable:
        cache.set(key, body)
    return body
