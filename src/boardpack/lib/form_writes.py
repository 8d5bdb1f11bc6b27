"""A form page's write, the same way on every page: a valid posted form runs the write (a
service call); a refused write puts the service's reason on the form, which the page shows
again; a done write flashes what was done and redirects (post/redirect/get)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

T = TypeVar("T")
F = TypeVar("F", bound=BaseForm)


def form_write(
    request: HttpRequest,
    form: F,
    write: Callable[[], T],
    *,
    refused: type[Exception] | tuple[type[Exception], ...] = (),
    message: Callable[[T], str],
    to: Callable[[T], str],
    problem: Callable[[F, Exception], None] | None = None,
) -> HttpResponse | None:
    """The redirect to `to(result)` once the write is done, with `message(result)` flashed; None
    to show the form again: not posted, not valid, or the write refused by raising one of
    `refused` (none by default: a write that cannot refuse). `problem(form, error)` puts the
    refusal on the form; by default it is an error of the whole form."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = write()
    except refused as error:
        if problem is None:
            form.add_error(None, str(error))
        else:
            problem(form, error)
        return None
    messages.success(request, message(result))
    return redirect(to(result))
