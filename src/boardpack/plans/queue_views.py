"""The BRAG proposals waiting for confirmation, across plans: the programme manager's queue.

For those who may confirm a plan's BRAG (performance officers: every plan; a programme manager:
the plans of the boards they manage); anyone else gets 403. Confirming is the action page's
form (plans.action_views.brag_confirm), which brings the confirmer back here.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from boardpack.plans.action_presenters import queue_lines
from boardpack.plans.selectors import confirms_any, proposals_to_confirm

QUEUE = "queue"
"""The `next` a confirm form on the queue posts, to come back to it."""


@login_required
@require_GET
def brag_queue(request: HttpRequest) -> HttpResponse:
    if not confirms_any(request.user):
        raise PermissionDenied
    lines = queue_lines(proposals_to_confirm(request.user))
    return render(request, "plans/brag_queue.html", {"lines": lines, "next": QUEUE})
