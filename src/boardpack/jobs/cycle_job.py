"""The update cycle as a job: what `boardpack cycle run` does (requests, reminders, briefings
due now), so the system scheduler can queue it (`boardpack jobs cycle`). The outbox makes a
re-run safe: an e-mail already sent is not sent again; one the relay refused is sent next time."""

from __future__ import annotations

from typing import Any

from boardpack.boards.outbox import cycle_run
from boardpack.jobs.kinds import JobFailure, Outcome, Progress, register


@register("cycle")
def cycle_job(params: dict[str, Any], progress: Progress) -> Outcome:
    progress(0, 1)
    report = cycle_run(now=None)
    lines = " ".join(filter(None, [report.lines()[0], report.stopped]))
    if report.failed:
        raise JobFailure(
            f"{len(report.failed)} e-mail(s) could not be sent (the mail relay refused or did "
            f"not answer); the next run sends them, and none is sent twice. {lines}"
        )
    progress(1, 1)
    return Outcome(summary=lines)
