"""ETags from the data versions, so that an unchanged read costs one query and no body.

A read's ETag hashes the data versions it depends on (the scorecard's DataVersion, and for
reads beyond the scorecard the API's ReadVersion too: both are replaced by database triggers
on every write), with what else shapes the answer: the URL with its query, the format, the
user, the day (some answers say what is overdue today) and the site's settings. A request
whose `If-None-Match` holds it gets 304 before anything is read. A version row missing (just
after a flush) gives no ETag, so nothing is answered from a stale one.

The ETag is also the key of the answer in the `api` cache: an answer is built once for a data
version, URL, format and user, and served from the cache until any of them changes (the
invalidation of docs/scorecard-cache.md, by the same triggers).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponseNotModified
from django.utils import timezone
from django.utils.http import parse_etags

from boardpack.api.listing import VARY, cached_answer, wanted_format
from boardpack.api.selectors import read_version
from boardpack.scorecard.selectors import data_version

SCHEMA_VERSION = "1"
"""Changed with the shape of any answer, so that no client keeps an old one."""


def _tag(parts: list[str]) -> str:
    return '"' + hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32] + '"'


def read_etag(request: HttpRequest, fmt: str, *, wide: bool) -> str | None:
    """The ETag of a read; `wide` for one that reads beyond the scorecard's tables."""
    versions = [data_version(), *([read_version()] if wide else [])]
    if any(v is None for v in versions):
        return None
    return _tag(
        [
            SCHEMA_VERSION,
            timezone.localdate().isoformat(),
            str(request.user.pk),
            request.get_full_path(),
            fmt,
            settings.BOARDPACK_STATUS_SCHEME,
            str(settings.BOARDPACK_AUTHORITY_NUMBER),
            *(v for v in versions if v is not None),
        ]
    )


def matches(header: str | None, etag: str) -> bool:
    """Whether an If-None-Match or If-Match header names this ETag (or is `*`)."""
    tags = parse_etags(header or "")
    return "*" in tags or etag in tags or f"W/{etag}" in tags


def conditional(*, wide: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A read answered 304 when the client holds its ETag, or from the cache when it was built
    for this ETag before; else the ETag is kept on the request for `listing` to send and to
    keep the answer under."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def answer(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            etag = read_etag(request, wanted_format(request), wide=wide)
            if etag is not None and matches(request.headers.get("If-None-Match"), etag):
                response = HttpResponseNotModified()
                response["ETag"], response["Vary"] = etag, VARY
                return response
            built = cached_answer(etag) if etag is not None else None
            if built is not None:
                return built
            request.api_etag = etag  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        return answer

    return decorate


def value_etag(*parts: object) -> str:
    """The ETag of one stored thing, from what it holds (a value: its actual and target)."""
    return _tag([SCHEMA_VERSION, *map(str, parts)])
