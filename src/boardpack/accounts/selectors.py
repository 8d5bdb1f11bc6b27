"""Reads of people."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from boardpack.accounts.models import OrgUnit, Person


def people_with_logins() -> QuerySet[Person]:
    """Every person with their login (if any), by name."""
    return Person.objects.select_related("user").order_by("name")


def directorate_named(name: str) -> OrgUnit | None:
    """The directorate of this name, in any case."""
    return OrgUnit.objects.filter(kind=OrgUnit.Kind.DIRECTORATE, name__iexact=name).first()


def login_name(user: Any) -> str | None:
    """The name of the person behind a login, else its username; None for no login."""
    if user is None:
        return None
    person = getattr(user, "person", None)
    return person.name if person is not None else str(user.get_username())


def saved_by(user: Any, moment: datetime, *, nobody: str) -> str:
    """Who saved something and when, for a refusal: "Head of Service at 10:14 on 04 Dec 2026"."""
    return f"{login_name(user) or nobody} at {timezone.localtime(moment):%H:%M on %d %b %Y}"
