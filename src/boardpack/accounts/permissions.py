"""Who may do what. Every view and queryset that writes or shows private work asks here."""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse

from boardpack.accounts.models import Person, Role
from boardpack.core.commentary import Actor
from boardpack.scorecard.models import Indicator

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


def _owned_indicators(user: AnyUser) -> QuerySet[Indicator]:
    """Every indicator for an officer; an owner's own; none for anyone else."""
    if is_officer(user):
        return Indicator.objects.all()
    person = person_of(user)
    if person is None or person.role != Role.INDICATOR_OWNER:
        return Indicator.objects.none()
    return Indicator.objects.filter(owner=person)


def value_editable_indicators(user: AnyUser) -> QuerySet[Indicator]:
    """Officers enter values for every indicator; owners for their own; others for none."""
    return _owned_indicators(user)


def commentable_indicators(user: AnyUser) -> QuerySet[Indicator]:
    """Owners write on their own indicators; delegates on those delegated to them."""
    person = person_of(user)
    if person is None or person.role == Role.VIEWER:
        return Indicator.objects.none()
    return Indicator.objects.filter(Q(owner=person) | Q(delegations__delegate=person)).distinct()


def delegable_indicators(user: AnyUser) -> QuerySet[Indicator]:
    """Officers delegate any indicator's commentary; owners their own; others none."""
    return _owned_indicators(user)


def comment_actors(user: AnyUser, indicator: Indicator) -> frozenset[Actor]:
    actors = set()
    if is_officer(user):
        actors.add(Actor.REVIEWER)
    if commentable_indicators(user).filter(pk=indicator.pk).exists():
        actors.add(Actor.WRITER)
    return frozenset(actors)


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
