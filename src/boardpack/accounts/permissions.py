"""Who someone is and which role they hold; the rules on what each role may see or change of an
app's rows sit in that app (scorecard.permissions for indicators)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from boardpack.accounts.models import Person, Role

AnyUser = AbstractBaseUser | AnonymousUser
View = Callable[..., HttpResponse]


def person_of(user: AnyUser) -> Person | None:
    if not user.is_authenticated:
        return None
    return Person.objects.filter(user=user).first()


def role_of(user: AnyUser) -> str | None:
    return role_from(user, person_of(user) if user.is_authenticated else None)


def role_from(user: AnyUser, person: Person | None) -> str | None:
    """The role of a user whose person (`person_of(user)`) is already at hand: no query."""
    if not user.is_authenticated:
        return None
    if getattr(user, "is_superuser", False):
        return Role.PERFORMANCE_OFFICER
    return person.role if person else Role.VIEWER


def is_officer(user: AnyUser) -> bool:
    return role_of(user) == Role.PERFORMANCE_OFFICER


def role_required(roles: Collection[str]) -> Callable[[View], View]:
    """A view for signed-in people with one of these roles; anyone else gets 403."""

    def decorate(view: View) -> View:
        @login_required
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if role_of(request.user) not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    return decorate


officer_required = role_required({Role.PERFORMANCE_OFFICER})
