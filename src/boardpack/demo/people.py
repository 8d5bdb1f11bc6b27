"""The demo's logins, one per role, each a role title from the seeds (never a person's name)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from boardpack.accounts.models import Person, Role
from boardpack.accounts.services import person_save
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.services import delegation_create

OFFICER = "performance.officer"
REASON = "demo data"


@dataclass(frozen=True)
class Login:
    username: str
    person: str
    role: str
    does: str
    """What this login shows of the product, for the list `make demo` prints."""


LOGINS = (
    Login(
        OFFICER,
        "Performance Officer",
        Role.PERFORMANCE_OFFICER,
        "enters values, approves or returns commentary, runs the cycle",
    ),
    Login(
        "indicator.owner",
        "Head of Safeguarding Service",
        Role.INDICATOR_OWNER,
        "owns four indicators: enters their values and writes their commentary",
    ),
    Login(
        "delegate",
        "Safeguarding Service Performance Lead",
        Role.DELEGATE,
        "writes commentary for the Head of Safeguarding Service's indicators",
    ),
    Login(
        "programme.manager",
        "Project Manager",
        Role.VIEWER,
        "programme manager of the Corporate Parenting Board: confirms BRAG, sends requests",
    ),
    Login(
        "action.lead",
        "Strategic Lead for Care Leavers",
        Role.VIEWER,
        "leads actions of the corporate parenting plan: records progress and proposes BRAG",
    ),
    Login(
        "chair",
        "Acting Director of Children's Social Care",
        Role.VIEWER,
        "chairs the Corporate Parenting Board: reads the scorecard, downloads the board pack",
    ),
    Login(
        "auditor",
        "Internal Auditor",
        Role.AUDITOR,
        "searches the audit log of every change and sign-in, and downloads it",
    ),
)


def _officer_account(password: str) -> AbstractBaseUser:
    """The demo officer signs in as an administrator too, and makes the other logins."""
    account, _ = get_user_model().objects.get_or_create(username=OFFICER)
    account.is_staff = account.is_superuser = True
    account.set_password(password)
    account.save()
    Person.objects.update_or_create(
        name=LOGINS[0].person, defaults={"user": account, "role": LOGINS[0].role}
    )
    return account


def load_demo_people(password: str) -> list[Login]:
    """Give each role's person a login with the demo password (no forced change: it is a
    demo) and let the delegate write for the owner's indicators; returns the logins made."""
    officer = _officer_account(password)
    for login in LOGINS[1:]:
        person = person_save(
            person=Person.objects.filter(name=login.person).first(),
            name=login.person,
            email=f"{login.username}@example.org",
            role=login.role,
            username=login.username,
            password=password,
            active=True,
            user=officer,
            reason=REASON,
        )
        Person.objects.filter(pk=person.pk).update(password_change_required=False)
    delegate = Person.objects.get(name=LOGINS[2].person)
    for indicator in Indicator.objects.filter(owner__name=LOGINS[1].person):
        if not indicator.delegations.filter(delegate=delegate).exists():
            delegation_create(indicator=indicator, delegate=delegate, user=officer)
    return list(LOGINS)
