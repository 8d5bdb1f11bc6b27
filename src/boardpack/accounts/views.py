"""PLACEHOLDER: being written."""

from django.http import Http404, HttpRequest, HttpResponse


def people(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def person_new(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def person_edit(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
