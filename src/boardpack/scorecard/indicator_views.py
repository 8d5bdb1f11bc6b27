"""PLACEHOLDER: being written."""

from django.http import Http404, HttpRequest, HttpResponse


def indicator(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
