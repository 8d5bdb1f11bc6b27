"""Reads of people."""

from __future__ import annotations

from django.db.models import QuerySet

from boardpack.accounts.models import Person


def people_with_logins() -> QuerySet[Person]:
    """Every person with their login (if any), by name."""
    return Person.objects.select_related("user").order_by("name")
