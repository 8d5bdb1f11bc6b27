"""/healthz, for the load balancer, the service manager or a monitor: 200 when the database
answers and a worker (`boardpack worker`) was alive in the last BOARDPACK_HEALTH_WORKER_SECONDS,
503 otherwise (docs/deploy.md).

Open without signing in, on purpose: it says only "ok" or what is wrong in a word, never a
host, an error's text or a version. One query, and no session or cookie.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from boardpack.jobs.selectors import worker_seen_within

logger = logging.getLogger(__name__)


def checks() -> dict[str, str]:
    """Each part's state in words: "ok", or what is wrong (the reason itself goes to the log)."""
    seconds = settings.BOARDPACK_HEALTH_WORKER_SECONDS
    try:
        worker = worker_seen_within(seconds)
    except DatabaseError:
        logger.warning("healthz: the database did not answer", exc_info=True)
        return {"database": "unreachable", "worker": "unknown"}
    return {"database": "ok", "worker": "ok" if worker else f"none seen in the last {seconds} s"}


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """No sign-in: what it answers is safe for anyone to read."""
    found = checks()
    healthy = all(state == "ok" for state in found.values())
    status = {"status": "ok" if healthy else "unavailable", **found}
    response = JsonResponse(status, status=200 if healthy else 503)
    # A 503 here is an answer, not a server error: not logged (nor mailed) at every probe.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response
