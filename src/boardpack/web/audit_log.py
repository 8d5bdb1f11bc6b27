"""The audit trail as one log, for the auditor: every change in every app (each model's history,
written by the one audit helper, lib.audit), every sign-in and failed sign-in (django-axes'
logs, a lockout among them) and every report or board pack made. All are append-only records:
history rows and axes' logs are only ever added, never edited by the app.

The log is read, not copied: a search asks each source for its newest rows in the range and
merges them, newest first, so nothing can differ between the log and what it reports on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from axes.models import AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model, Q, QuerySet
from django.utils import timezone

from boardpack.accounts.selectors import login_name
from boardpack.jobs.models import Job
from boardpack.reports.models import ReportMade

SIGN_IN = "sign-in"
JOBS_OF_REPORTS = ("report", "pack")
VIA = re.compile(r"\((command line[^)]*|API token [^)]*)\)$|^(command line.*|api.*)$")


@dataclass(frozen=True)
class Entry:
    """One line of the log: when, who, through what, what was done to which record, and why."""

    at: datetime
    who: str
    via: str
    kind: str
    """The kind of record: 'Indicator', 'Actual', 'Sign-in'."""
    record: str
    action: str
    changes: tuple[str, ...]
    """'field: before → after' for a change."""
    why: str


@dataclass(frozen=True)
class Search:
    account: AbstractBaseUser | None = None
    kind: str = ""
    """A kind of record (kinds()), or '' for every kind."""
    record_id: str = ""
    """The record's id within its kind."""
    start: date | None = None
    end: date | None = None


def history_models() -> dict[str, type[Model]]:
    """Each model with a history, by the kind the log names it by."""
    found = {}
    for model in apps.get_models():
        if model.__name__.startswith("Historical") and hasattr(model, "history_date"):
            original = model.instance_type  # type: ignore[attr-defined]
            found[str(original._meta.verbose_name).capitalize()] = model
    return dict(sorted(found.items()))


def kinds() -> list[str]:
    return [*history_models(), "Sign-in", "Report made"]


def _span(search: Search, field: str) -> Q:
    """The search's dates as a filter on a time field (the end day included)."""
    found = Q()
    if search.start:
        found &= Q(**{f"{field}__gte": _moment(search.start)})
    if search.end:
        found &= Q(**{f"{field}__lt": _moment(search.end + timedelta(days=1))})
    return found


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _via(reason: str) -> str:
    """The channel a history reason names ("… (command line, system user jo)"), else the web."""
    found = VIA.search(reason or "")
    return (found[1] or found[2]) if found else "web"


def user_name(user: AbstractBaseUser | None) -> str:
    """The person and their login, "Head of Service (jo.smith)"; "" for no login."""
    if user is None:
        return ""
    name = login_name(user)
    return name if name == user.get_username() else f"{name} ({user.get_username()})"


ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def _changes(row: Any) -> tuple[str, ...]:
    """What a change row altered, from the row before it (one query; none for a creation)."""
    if row.history_type != "~" or row.prev_record is None:
        return ()
    delta = row.diff_against(row.prev_record)
    return tuple(f"{c.field}: {c.old} → {c.new}" for c in delta.changes)


def _history(kind: str, model: type[Model], search: Search, limit: int) -> Iterator[Entry]:
    rows: QuerySet[Any] = model.objects.filter(_span(search, "history_date"))  # type: ignore[attr-defined]
    if search.account is not None:
        rows = rows.filter(history_user=search.account)
    if search.record_id:
        rows = rows.filter(**{model.instance_type._meta.pk.attname: search.record_id})  # type: ignore[attr-defined]
    for row in rows.select_related("history_user__person").order_by("-history_date")[:limit]:
        reason = row.history_change_reason or ""
        yield Entry(
            at=row.history_date,
            who=user_name(row.history_user) or ("command line" if _via(reason) != "web" else ""),
            via=_via(reason),
            kind=kind,
            record=f"{row.instance}",
            action=ACTIONS.get(row.history_type, row.history_type),
            changes=_changes(row),
            why=reason,
        )


def _sign_ins(search: Search, limit: int) -> Iterator[Entry]:
    """Successful sign-ins (axes' access log) and failed ones (its failure log, lockouts marked)."""
    username = search.account.get_username() if search.account is not None else None
    for model in (AccessLog, AccessFailureLog):
        rows = model.objects.filter(_span(search, "attempt_time"))
        if username is not None:
            rows = rows.filter(username=username)
        for row in rows.order_by("-attempt_time")[:limit]:
            if model is AccessLog:
                action = "signed in"
            else:
                action = "failed sign-in, locked out" if row.locked_out else "failed sign-in"
            name = row.username or ""
            yield Entry(
                row.attempt_time, name, "web", "Sign-in", name, action, (), f"from {row.ip_address}"
            )


def _reports(search: Search, limit: int) -> Iterator[Entry]:
    """Reports made on the web or at the command line, and those made by background jobs."""
    made = ReportMade.objects.filter(_span(search, "at"))
    if search.account is not None:
        made = made.filter(by=search.account)
    for row in made.select_related("by__person").order_by("-at")[:limit]:
        yield Entry(
            row.at,
            user_name(row.by) or row.through,
            row.through,
            "Report made",
            str(row),
            "made",
            (),
            "",
        )
    jobs = Job.objects.filter(_span(search, "created_at"), kind__in=JOBS_OF_REPORTS)
    if search.account is not None:
        jobs = jobs.filter(started_by=search.account)
    for job in jobs.select_related("started_by__person").order_by("-created_at")[:limit]:
        yield Entry(
            job.created_at,
            user_name(job.started_by),
            "web, in the background",
            "Report made",
            job.title,
            f"made ({job.state})",
            (),
            "",
        )


def _sources(search: Search, limit: int) -> Iterable[Iterator[Entry]]:
    models = history_models()
    chosen = [search.kind] if search.kind else [*models, "Sign-in", "Report made"]
    for kind in chosen:
        if kind in models:
            yield _history(kind, models[kind], search, limit)
        elif kind == "Sign-in" and not search.record_id:
            yield _sign_ins(search, limit)
        elif kind == "Report made" and not search.record_id:
            yield _reports(search, limit)


def audit_entries(search: Search, limit: int) -> list[Entry]:
    """The newest `limit` entries the search finds, newest first."""
    found = [entry for source in _sources(search, limit) for entry in source]
    return sorted(found, key=lambda e: e.at, reverse=True)[:limit]


CSV_COLUMNS = ("when", "who", "through", "kind", "record", "action", "changes", "why")


def csv_row(entry: Entry) -> dict[str, str]:
    """An entry as a row of the log's CSV download."""
    values = (entry.at.isoformat(), entry.who, entry.via, entry.kind, entry.record, entry.action)
    return dict(zip(CSV_COLUMNS, (*values, "; ".join(entry.changes), entry.why), strict=True))
