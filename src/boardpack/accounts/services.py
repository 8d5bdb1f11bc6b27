"""Writes to the organisation and people."""

from __future__ import annotations

from boardpack.accounts.models import OrgUnit, Person


def directorate_get_or_create(*, name: str) -> OrgUnit:
    unit, _ = OrgUnit.objects.get_or_create(kind=OrgUnit.Kind.DIRECTORATE, name=name)
    return unit


def service_get_or_create(*, name: str, directorate: OrgUnit) -> OrgUnit:
    unit, _ = OrgUnit.objects.get_or_create(
        kind=OrgUnit.Kind.SERVICE, name=name, defaults={"parent": directorate}
    )
    return unit


def person_get_or_create(*, name: str) -> Person:
    person, _ = Person.objects.get_or_create(name=name)
    return person
