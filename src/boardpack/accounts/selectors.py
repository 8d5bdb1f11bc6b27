"""Reads of people."""

from __future__ import annotations

from django.db.models import QuerySet

from boardpack.accounts.models import OrgUnit, Person


def people_with_logins() -> QuerySet[Person]:
    """Every person with their login (if any), by name."""
    return Person.objects.select_related("user").order_by("name")


def directorate_named(name: str) -> OrgUnit | None:
    """The directorate of this name, in any case."""
    return OrgUnit.objects.filter(kind=OrgUnit.Kind.DIRECTORATE, name__iexact=name).first()
