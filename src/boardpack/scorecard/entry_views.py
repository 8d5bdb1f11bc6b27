"""PLACEHOLDER: being written."""

from django.http import Http404, HttpRequest, HttpResponse


def values_grid(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def indicator_values(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def status_preview(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
