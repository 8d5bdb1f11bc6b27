"""Fixtures of the API tests: a token for a user, and a client that sends it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache, caches
from django.test import Client

from boardpack.api.services import token_create
from tests.plans.conftest import lead, manager, plan  # noqa: F401 (the plans' fixtures)

Call = Callable[..., Any]


@pytest.fixture(autouse=True)
def fresh_counts(settings):
    """No test inherits another's request counts (the rate limit's cache), its limit or its
    answers (the API's cache: a rolled-back database may give a data version again)."""
    settings.BOARDPACK_API_RATE = "10000/min"
    cache.clear()
    caches["api"].clear()


class Api:
    """The test client with `Authorization: Bearer <token>` on every request."""

    def __init__(self, secret: str) -> None:
        self.secret = secret
        self.client = Client()

    def _headers(self, headers: dict[str, str] | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.secret}", **(headers or {})}

    def get(self, url: str, headers: dict[str, str] | None = None) -> Any:
        return self.client.get(url, headers=self._headers(headers))

    def put(self, url: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> Any:
        return self.client.put(
            url, body, content_type="application/json", headers=self._headers(headers)
        )

    def post(self, url: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> Any:
        return self.client.post(
            url, body, content_type="application/json", headers=self._headers(headers)
        )


@pytest.fixture
def api_as() -> Callable[..., Api]:
    """api_as(user, read_only=False, name="…") → a client with a new token of that user."""

    def make(user: Any, **options: Any) -> Api:
        return Api(token_create(user=user, by=None, **options).secret)

    return make
