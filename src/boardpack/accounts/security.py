"""What an officer does about a person's sign-in: reset their second factor, end all their
sessions, lift a lockout. Each is recorded in the person's history with who and why."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from qsessions.models import Session

from boardpack.accounts.models import Person
from boardpack.accounts.sessions import end_sessions
from boardpack.lib.audit import User, audited

logger = logging.getLogger(__name__)


def record(person: Person, *, by: User, reason: str) -> None:
    """A line in the person's history: who did what to their sign-in, and why."""
    audited(person, by, reason)
    person.save()


@transaction.atomic
def second_factor_reset(person: Person, *, by: AbstractBaseUser, reason: str) -> None:
    """Remove their authenticator app and recovery codes and end their sessions: they set up a
    new second factor at their next sign-in."""
    login = person.user
    if login is None:
        return
    TOTPDevice.objects.filter(user=login).delete()
    StaticDevice.objects.filter(user=login).delete()
    end_sessions(login)
    record(person, by=by, reason=f"second factor reset: {reason}")
    logger.warning("Second factor of user %s reset by user %s: %s", login.pk, by.pk, reason)


def sessions_end(person: Person, *, by: AbstractBaseUser, reason: str) -> int:
    """End every session of theirs (ASVS 7.4.5); the number ended."""
    if person.user is None:
        return 0
    ended = end_sessions(person.user)
    record(person, by=by, reason=f"all sessions ended ({ended}): {reason}")
    return ended


@dataclass(frozen=True)
class Lockout:
    """Failed sign-ins counted against a username or an address, within the cool-off time."""

    kind: str
    """"username" or "address"."""
    value: str
    failures: int
    last: datetime

    @property
    def locked(self) -> bool:
        return self.failures >= settings.AXES_FAILURE_LIMIT


@dataclass(frozen=True)
class SignInState:
    """What the person page shows of a login's sign-in."""

    second_factor: bool
    sessions: int
    locked: bool


def sign_in_state(person: Person) -> SignInState | None:
    login = person.user
    if login is None:
        return None
    name = login.get_username()
    return SignInState(
        second_factor=TOTPDevice.objects.filter(user=login, confirmed=True).exists(),
        sessions=Session.objects.filter(user=login, expire_date__gt=timezone.now()).count(),
        locked=any(lockout.locked for lockout in lockouts() if lockout.value == name),
    )


def lockouts() -> list[Lockout]:
    """Every username and address with failures in the cool-off time, most failures first."""
    since = timezone.now() - (get_cool_off() or timedelta(0))
    recent = AccessAttempt.objects.filter(attempt_time__gte=since)
    found = [
        Lockout(kind, row[field], row["failures"], row["last"])
        for kind, field in (("username", "username"), ("address", "ip_address"))
        for row in recent.exclude(**{f"{field}__isnull": True})
        .values(field)
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    ]
    return sorted(found, key=lambda lockout: (-lockout.failures, lockout.kind, lockout.value))


def unlock(*, kind: str, value: str, by: AbstractBaseUser) -> int:
    """Forget the failures counted against this username or address; the attempts removed."""
    if kind == "username":
        removed = AxesProxyHandler.reset_attempts(username=value)
        person = Person.objects.filter(user__username=value).first()
        if person is not None:
            record(person, by=by, reason="sign-in unlocked")
    else:
        removed = AxesProxyHandler.reset_attempts(ip_address=value)
    logger.warning("Sign-in unlocked for %s %s by user %s", kind, value, by.pk)
    return removed
