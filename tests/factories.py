"""Factories of the tests' worlds (factory-boy): logins, people, indicators and their figures,
commentary, boards, plans and meetings. Each makes one row as the importers and services would leave
it, with defaults a test overrides only where it matters:

    PersonFactory(name="Strategic Lead for Participation", role=Role.INDICATOR_OWNER,
                  signs_in=True, user__username="lead").user     a login of a named person
    IndicatorFactory(code="EXTRA1", owner=person)                 with a directorate of its own
    ActualFactory(indicator=indicator, value=50)              June 2012, entered now
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import factory
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory, Password

from boardpack.accounts.models import OrgUnit, Person, Role
from boardpack.boards.models import Board, Meeting
from boardpack.plans.models import Plan
from boardpack.scorecard.models import Actual, Comment, Indicator, Source, Target

PASSWORD = "a-long-test-password"


class UserFactory(DjangoModelFactory):
    """A login. It signs in with PASSWORD, or (`with_password=False`) only by other means (a
    test's force_login, single sign-on), which spares the slow hash."""

    class Meta:
        model = "auth.User"

    class Params:
        with_password = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.Maybe("with_password", Password(PASSWORD), Password(None))


class PersonFactory(DjangoModelFactory):
    """A person. One the data already names (an import made them, by name) keeps their row and
    gains what is given, such as a login (`signs_in=True`, `user__username="lead"`) and a role."""

    class Meta:
        model = Person

    class Params:
        signs_in = factory.Trait(user=factory.SubFactory(UserFactory))

    name = factory.Sequence(lambda n: f"Person {n}")
    role = Role.VIEWER

    @classmethod
    def _create(cls, model_class: type[Person], *args: Any, **kwargs: Any) -> Person:
        name = kwargs.pop("name")
        person, _ = model_class.objects.update_or_create(name=name, defaults=kwargs)
        return person


def login(username: str, name: str, role: str = Role.VIEWER, **fields: Any) -> Any:
    """The login of the person `name`, with `role` (the person made if no import named them)."""
    return PersonFactory(
        name=name, role=role, signs_in=True, user__username=username, **fields
    ).user


class DirectorateFactory(DjangoModelFactory):
    class Meta:
        model = OrgUnit
        django_get_or_create = ("kind", "name")

    name = factory.Sequence(lambda n: f"Directorate {n}")
    kind = OrgUnit.Kind.DIRECTORATE


class IndicatorFactory(DjangoModelFactory):
    """A monthly indicator where bigger is better, in a directorate (made unless given)."""

    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"IND{n:03}")
    title = factory.LazyAttribute(lambda o: f"Indicator {o.code}")
    directorate = factory.SubFactory(DirectorateFactory)
    polarity = "bigger"


class FigureFactory(DjangoModelFactory):
    """What an actual and a target share: the indicator's month, entered in a form, now."""

    class Meta:
        abstract = True

    indicator = factory.SubFactory(IndicatorFactory)
    period = datetime.date(2012, 6, 30)
    value = Decimal(0)
    source = Source.FORM
    set_at = factory.LazyFunction(timezone.now)


class ActualFactory(FigureFactory):
    class Meta:
        model = Actual


class TargetFactory(FigureFactory):
    class Meta:
        model = Target


class CommentFactory(DjangoModelFactory):
    """Commentary on the indicator's month by its owner, as a draft written in the form."""

    class Meta:
        model = Comment

    indicator = factory.SubFactory(IndicatorFactory)
    period = datetime.date(2012, 6, 30)
    author = factory.LazyAttribute(lambda o: o.indicator.owner or PersonFactory())
    subject = "Head of Service Commentary"
    text = "Why it moved."
    source = Source.FORM
    set_at = factory.LazyFunction(timezone.now)


class BoardFactory(DjangoModelFactory):
    class Meta:
        model = Board

    name = factory.Sequence(lambda n: f"Board {n}")


class PlanFactory(DjangoModelFactory):
    """A delivery plan made directly, without actions (tests/plans/trackers imports one)."""

    class Meta:
        model = Plan

    name = factory.Sequence(lambda n: f"Plan {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class MeetingFactory(DjangoModelFactory):
    """A meeting made directly (not by boards.services, which works out the period it reviews)."""

    class Meta:
        model = Meeting

    board = factory.SubFactory(BoardFactory)
    date = datetime.date(2012, 8, 15)
    period = datetime.date(2012, 6, 30)
