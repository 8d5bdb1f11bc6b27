"""A URL configuration for the error-handling test: the site's pages plus one that fails."""

from django.urls import path

from boardpack.urls import urlpatterns as site


def broken(request: object) -> None:
    raise RuntimeError("the page broke on purpose")


urlpatterns = [*site, path("broken/", broken)]
