"""Writes to the organisation and people."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from boardpack.accounts.models import OrgUnit, Person, Role
from boardpack.accounts.sessions import end_sessions
from boardpack.lib.audit import audited


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


class PersonError(Exception):
    """A person could not be saved; `problems` lists (field, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(message for _, message in problems))
        self.problems = problems


def _person_problems(
    *,
    person: Person | None,
    login: AbstractBaseUser | None,
    name: str,
    role: str,
    username: str,
    password: str,
    active: bool,
    user: AbstractBaseUser,
    sso_subject: str | None,
) -> list[tuple[str, str]]:
    problems = []
    if Person.objects.filter(name__iexact=name).exclude(pk=getattr(person, "pk", None)).exists():
        problems.append(("name", f"Someone called {name} is already recorded"))
    if (
        sso_subject
        and Person.objects.filter(sso_subject=sso_subject.strip())
        .exclude(pk=getattr(person, "pk", None))
        .exists()
    ):
        problems.append(("sso_subject", "Someone else has this single sign-on subject"))
    users = get_user_model().objects.filter(username__iexact=username)
    if username and users.exclude(pk=getattr(login, "pk", None)).exists():
        problems.append(("username", f"The username {username} is already taken"))
    if login is not None and not username:
        problems.append(
            ("username", "A login cannot be removed: untick “Can sign in” to stop them signing in")
        )
    if login is None and username and not password and not settings.BOARDPACK_SSO:
        problems.append(("password", "Set a password for the new login"))
    if login is None and password and not username:
        problems.append(("username", "Give a username for the login, or leave the password blank"))
    if login is not None and login.pk == user.pk:
        if person is not None and person.role == Role.PERFORMANCE_OFFICER and role != person.role:
            problems.append(
                ("role", "You cannot remove your own performance officer role: ask another")
            )
        if not active:
            problems.append(("active", "You cannot stop your own login"))
    return problems


@transaction.atomic
def person_save(
    *,
    person: Person | None,
    name: str,
    email: str,
    role: str,
    username: str,
    password: str,
    active: bool,
    user: AbstractBaseUser,
    reason: str,
    email_opt_out: bool = False,
    sso_subject: str | None = None,
) -> Person:
    """Create or update a person and their login; raises PersonError, writing nothing.

    A login, once given, stays (it can be stopped from signing in, not removed); a new login
    needs a password (unless single sign-on is on), which must pass the site's password
    validators and is stored hashed; they must change a password someone else set for them.
    The person's history records who changed them, and the reason names any login change.
    """
    if person is not None:
        person = (
            Person.objects.select_for_update(of=("self",)).select_related("user").get(pk=person.pk)
        )
    login = person.user if person is not None else None
    problems = _person_problems(
        person=person,
        login=login,
        name=name,
        role=role,
        username=username,
        password=password,
        active=active,
        user=user,
        sso_subject=sso_subject,
    )
    notes = _login_notes(login, username=username, password=password, active=active)
    account = None
    if username:
        account = login or get_user_model()()
        account.username = get_user_model().normalize_username(username)
        account.email, account.is_active = email, active
        if password and not problems:
            try:
                password_validation.validate_password(password, account)
            except ValidationError as error:
                problems += [("password", message) for message in error.messages]
    if problems:
        raise PersonError(problems)
    if account is not None:
        if password:
            account.set_password(password)
        elif account.pk is None:
            account.set_unusable_password()
        account.save()
    person = person or Person()
    role_changed = person.pk is not None and person.role != role
    changed = _set(
        person, name=name, email=email, email_opt_out=email_opt_out, role=role, user=account
    )
    if sso_subject is not None:
        changed = _set(person, sso_subject=sso_subject.strip()) or changed
    if password and account is not None and account.pk != user.pk:
        person.password_change_required = True
    if role_changed and account is not None and account.pk != user.pk:
        end_sessions(account)
        notes.append("sessions ended for the new role")
    if changed or notes:
        audited(person, user, "; ".join([reason, *notes]))
        person.save()
    return person


def _login_notes(
    login: AbstractBaseUser | None, *, username: str, password: str, active: bool
) -> list[str]:
    """What changes about the login, in words for the person's history."""
    if not username:
        return []
    if login is None:
        return ["login created" if active else "login created, not able to sign in"]
    notes = []
    if login.get_username() != username:
        notes.append(f"username changed to {username}")
    if password:
        notes.append("password set")
    if login.is_active != active:
        notes.append("login reactivated" if active else "login deactivated")
    return notes


def _set(person: Person, **fields: object) -> bool:
    """Set the fields that differ; True when any did."""
    changed = False
    for field, value in fields.items():
        if getattr(person, field) != value:
            setattr(person, field, value)
            changed = True
    return changed
