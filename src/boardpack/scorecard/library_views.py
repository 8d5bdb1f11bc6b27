"""PLACEHOLDER: being written."""

from django.http import Http404, HttpRequest, HttpResponse


def library(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def library_new(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def library_edit(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def imports(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
