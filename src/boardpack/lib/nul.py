"""Requests holding a NUL character are refused (400): no database text field can store one
(PostgreSQL refuses it), so a filter or search holding one is the client's error, never a 500."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest

NUL = "\x00"
REFUSAL = "The request holds a NUL character (\\0): remove it"


def query_holds_nul(request: HttpRequest) -> bool:
    """Whether a query parameter's name or value holds a NUL character."""
    return any(NUL in key or any(NUL in v for v in values) for key, values in request.GET.lists())


def refuse_nul(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    """Middleware: a page asked for with a NUL in its query is a bad request. The API answers
    its own, as a problem (api.api); form bodies go through Django's fields, which refuse NUL."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if query_holds_nul(request) and not request.path.startswith("/api/"):
            return HttpResponseBadRequest(REFUSAL, content_type="text/plain; charset=utf-8")
        return get_response(request)

    return middleware
