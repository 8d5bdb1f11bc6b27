"""Answers: a page of a list (`limit`, `cursor`) as JSON or CSV, or one thing as JSON.

Every list is paged the same way: items in the order of a key, `limit` of them (1 to 1,000,
100 by default), and `next_cursor` (with `next`, the whole URL, also sent as a `Link` header)
for the page after the last item; absent on the last page. A cursor names the last item's
key, so a page does not shift when earlier rows are added or removed.

CSV (`?format=csv`, or `Accept: text/csv`) has one column per field of the JSON items, lists
joined by "; ". A cell of text a person typed (a field marked UserText, fields.py) that begins
with = + - @, a tab or a carriage return is prefixed with a single quote (lib.spreadsheets), so
that a spreadsheet shows it as text instead of running it as a formula.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any, Literal, TypeVar

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from ninja import Field, Schema
from pydantic import BaseModel, create_model

from boardpack.api.fields import USER_TEXT
from boardpack.api.problems import invalid
from boardpack.lib.spreadsheets import csv_cell

VARY = "Accept, Authorization, Cookie"
CSV_TYPE = "text/csv"
JSON_TYPE = "application/json"
DEFAULT_LIMIT, MAX_LIMIT = 100, 1000

T = TypeVar("T")
Key = tuple[Any, ...]


class ListParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items a page, 1 to 1,000.")
    cursor: str | None = Field(None, description="`next_cursor` of the page before.")
    format: Literal["json", "csv"] | None = Field(
        None, description="csv for CSV; else as the Accept header asks (JSON by default)."
    )


def wanted_format(request: HttpRequest) -> str:
    """csv or json: `?format=` first, then the Accept header's preference."""
    asked = request.GET.get("format")
    if asked in ("json", "csv"):
        return asked
    return "csv" if request.get_preferred_type([JSON_TYPE, CSV_TYPE]) == CSV_TYPE else "json"


@cache
def page_schema(item: type[BaseModel]) -> type[BaseModel]:
    """The JSON answer of a list of `item`: `{items, next_cursor, next}`."""
    model: type[BaseModel] = create_model(  # type: ignore[call-overload]
        f"{item.__name__}Page",
        __base__=BaseModel,
        items=(list[item], ...),  # type: ignore[valid-type]
        next_cursor=(str | None, None),
        next=(str | None, None),
    )
    return model


def _encode(key: Key) -> str:
    return (
        base64.urlsafe_b64encode(json.dumps(list(key), separators=(",", ":")).encode())
        .decode()
        .rstrip("=")
    )


def _decode(cursor: str) -> Key:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        found = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error):
        raise invalid("query.cursor", "is not a cursor this API gave") from None
    if not isinstance(found, list) or not all(isinstance(v, str | int) for v in found):
        raise invalid("query.cursor", "is not a cursor this API gave")
    return tuple(found)


def _page(
    objects: Sequence[T], key: Callable[[T], Key], params: ListParams
) -> tuple[list[T], Key | None]:
    """The page's objects, in key order, and the key to continue after (None: the last page)."""
    keyed = sorted(((key(o), o) for o in objects), key=lambda pair: pair[0])
    if params.cursor:
        after = _decode(params.cursor)
        try:
            keyed = [(k, o) for k, o in keyed if k > after]
        except TypeError:
            raise invalid("query.cursor", "belongs to another list") from None
    chosen = keyed[: params.limit]
    more = len(keyed) > params.limit
    return [o for _, o in chosen], (chosen[-1][0] if more and chosen else None)


def _cell(value: Any, user_text: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "; ".join(_cell(v, False) for v in value)
    elif isinstance(value, date | datetime):
        value = value.isoformat()
    elif isinstance(value, Decimal):
        value = format(value.normalize(), "f")
    text = str(value)
    return str(csv_cell(text)) if user_text else text


def csv_text(item: type[BaseModel], rows: list[BaseModel]) -> str:
    fields = item.model_fields
    marked = {name for name, info in fields.items() if USER_TEXT in info.metadata}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(fields)
    for row in rows:
        data = row.model_dump()
        writer.writerow([_cell(data[name], name in marked) for name in fields])
    return out.getvalue()


ANSWERS = "api"
"""The cache of built answers (settings.CACHES), keyed by their ETag."""
KEPT_HEADERS = ("Content-Type", "ETag", "Vary", "Link")


def cached_answer(etag: str) -> HttpResponse | None:
    """The answer built before for this ETag, if the cache still holds it."""
    found = caches[ANSWERS].get(etag)
    if found is None:
        return None
    content, headers = found
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    return response


def _headers(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """The ETag and Vary headers; a read's answer is kept under its ETag."""
    etag = getattr(request, "api_etag", None)
    if etag is not None:
        response["ETag"] = etag
    response["Vary"] = VARY
    if etag is not None and request.method == "GET" and response.status_code == 200:
        kept = {name: response[name] for name in KEPT_HEADERS if name in response}
        caches[ANSWERS].set(etag, (response.content, kept))
    return response


def respond(request: HttpRequest, body: BaseModel, status: int = 200) -> HttpResponse:
    """One thing as JSON, with the ETag the `conditional` decorator found."""
    response = HttpResponse(body.model_dump_json(), status=status, content_type=JSON_TYPE)
    return _headers(request, response)


def listing(
    request: HttpRequest,
    objects: Sequence[T],
    *,
    key: Callable[[T], Key],
    item: type[BaseModel],
    make: Callable[[T], BaseModel],
    params: ListParams,
) -> HttpResponse:
    """A page of `objects` (sorted by `key`), each made into an `item`, as JSON or CSV."""
    chosen, last = _page(objects, key, params)
    rows = [make(o) for o in chosen]
    cursor = _encode(last) if last is not None else None
    following = None
    if cursor is not None:
        query = request.GET.copy()
        query["cursor"] = cursor
        following = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    if wanted_format(request) == "csv":
        text = "\ufeff" + csv_text(item, rows)  # the byte order mark: Excel then reads UTF-8
        response = HttpResponse(text, content_type=f"{CSV_TYPE}; charset=utf-8")
    else:
        body = page_schema(item)(items=rows, next_cursor=cursor, next=following)
        response = HttpResponse(body.model_dump_json(), content_type=JSON_TYPE)
    if following is not None:
        response["Link"] = f'<{following}>; rel="next"'
    return _headers(request, response)
