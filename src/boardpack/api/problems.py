"""Errors as `application/problem+json` (RFC 9457): status, title, detail and field errors.

Every error the API answers goes through `problem()`: 400 (invalid input, with `errors` naming
each field), 401 (no valid token or session), 403 (not allowed), 404, 409 (a write over a
newer one, or a move the workflow does not allow), 429 (too many requests, with Retry-After).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from http import HTTPStatus
from typing import Any

from django.http import HttpRequest, HttpResponse
from pydantic import BaseModel

MEDIA_TYPE = "application/problem+json"


class FieldError(BaseModel):
    field: str
    """Where: a query parameter, a path parameter or a body field (`body.actual`)."""
    message: str


class Problem(BaseModel):
    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str
    errors: list[FieldError] = []


class ApiError(Exception):
    """Raised by an endpoint: answered as a problem with this status, detail and field errors."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        errors: Iterable[tuple[str, str]] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = list(errors)
        self.headers = dict(headers or {})


def invalid(field: str, message: str) -> ApiError:
    """A 400 naming one field."""
    return ApiError(400, f"{field}: {message}", errors=[(field, message)])


def problem(
    request: HttpRequest,
    status: int,
    detail: str,
    *,
    errors: Iterable[tuple[str, str]] = (),
    headers: Mapping[str, str] | None = None,
) -> HttpResponse:
    body: dict[str, Any] = Problem(
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=request.path,
        errors=[FieldError(field=f, message=m) for f, m in errors],
    ).model_dump()
    response = HttpResponse(json.dumps(body), status=status, content_type=MEDIA_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


ERROR_STATUSES = (400, 401, 403, 404, 409, 429)
"""The problems an operation may answer, as its OpenAPI responses list them."""
