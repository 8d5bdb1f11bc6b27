"""Record that a report was made (reports.models.ReportMade), through the channel lib.audit
knows (the web, or the command line with its system user)."""

from __future__ import annotations

from boardpack.lib.audit import User, account, actor
from boardpack.reports.document import Document
from boardpack.reports.models import ReportMade


def report_made(document: Document, fmt: str, user: User) -> ReportMade:
    return ReportMade.objects.create(
        by=account(user), through=actor(user).via, title=document.title, format=fmt
    )
