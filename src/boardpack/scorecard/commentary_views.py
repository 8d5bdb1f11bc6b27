"""PLACEHOLDER: being written."""

from django.http import Http404, HttpRequest, HttpResponse


def my_indicators(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def comment_write(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def comment_review_list(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def comment_review(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
