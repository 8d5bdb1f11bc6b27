"""Which indicators a user may enter values for, write commentary on, delegate or review.
Every view and queryset of the scorecard that writes or shows private work asks here."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from boardpack.accounts.models import Role
from boardpack.accounts.permissions import AnyUser, is_officer, person_of
from boardpack.core.commentary import Actor
from boardpack.scorecard.models import Indicator


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
