"""The rate limit: django-ninja's throttle, one count per token (per user for a session).

The limit is `BOARDPACK_API_RATE` (requests per second, minute, hour or day: `120/min`), read
on every request so that a test or a deployment may change it; the counts are kept in Django's
cache (`CACHES`), so they are per server process with the default local-memory cache. Past the
limit the API answers 429 with `Retry-After`, the seconds until a request is allowed again.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle

from boardpack.api.models import AccessToken


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api"

    def __init__(self) -> None:
        super().__init__(rate=settings.BOARDPACK_API_RATE)

    def get_cache_key(self, request: HttpRequest) -> str:
        auth = getattr(request, "auth", None)
        ident = f"token-{auth.pk}" if isinstance(auth, AccessToken) else f"user-{request.user.pk}"
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = settings.BOARDPACK_API_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)
