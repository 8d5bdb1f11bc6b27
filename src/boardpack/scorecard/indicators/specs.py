"""Reading an indicator's definition from text fields: the one parsing path.

An import file's row and the indicator library's form both give an indicator as text fields
named like the import file's columns; `spec_from_fields` turns them into an IndicatorSpec or
says, field by field, what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TypeVar

from boardpack.core.periods import parse_date
from boardpack.core.status import Polarity, Tolerance
from boardpack.core.units import Unit
from boardpack.lib.importing import YES_NO, parse_choice
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.services import IndicatorSpec

T = TypeVar("T")

FIELDS = (
    "code",
    "title",
    "director",
    "service",
    "owner",
    "polarity",
    "unit",
    "decimals",
    "frequency",
    "cumulative",
    "tolerance",
    "better_tolerance",
    "tags",
    "definition",
    "type",
    "due",
    "completed",
)
"""Every field of an indicator, named as the import file's columns."""

POLARITIES = {
    "bigger": Polarity.BIGGER,
    "bigger is better": Polarity.BIGGER,
    "smaller": Polarity.SMALLER,
    "smaller is better": Polarity.SMALLER,
    "none": Polarity.NONE,
    "": Polarity.NONE,
}
UNITS = {
    "%": Unit.PERCENT,
    "percent": Unit.PERCENT,
    "percentage": Unit.PERCENT,
    "number": Unit.NUMBER,
    "per 10,000": Unit.RATE_PER_10K,
    "per 10000": Unit.RATE_PER_10K,
    "number per 10,000": Unit.RATE_PER_10K,
    "number per 10000": Unit.RATE_PER_10K,
    "rate per 10,000": Unit.RATE_PER_10K,
    "ratio": Unit.RATIO,
    "days": Unit.DAYS,
    "": Unit.NONE,
}
FREQUENCIES = {name: name for name in ("monthly", "quarterly", "annual")}
KINDS = {"measure": "measure", "milestone": "milestone"}
DEFAULT_DECIMALS = {Unit.NUMBER: 0, Unit.DAYS: 0}
MAX_DECIMALS = 6
MAX_TAG = 30

Problem = tuple[str, str]
"""(field, message)"""


def required_text(text: str, limit: int) -> str:
    if not text:
        raise ValueError("is required")
    if len(text) > limit:
        raise ValueError(f"is longer than {limit} characters")
    return text


def _limited(limit: int) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if len(text) > limit:
            raise ValueError(f"is longer than {limit} characters")
        return text

    return parse


def _decimals(text: str) -> int | None:
    if not text:
        return None
    if not text.isdigit() or int(text) > MAX_DECIMALS:
        raise ValueError(f"{text!r} is not a number of decimal places from 0 to {MAX_DECIMALS}")
    return int(text)


def _optional_date(text: str) -> date | None:
    return parse_date(text) if text else None


def parse_tags(text: str) -> tuple[str, ...]:
    """'CBP; CYPP' → ('CBP', 'CYPP'): separated by semicolons, blanks and repeats dropped."""
    tags = tuple(dict.fromkeys(t.strip() for t in text.split(";") if t.strip()))
    for tag in tags:
        if len(tag) > MAX_TAG:
            raise ValueError(f"tag {tag!r} is longer than {MAX_TAG} characters")
    return tags


def spec_from_fields(fields: Mapping[str, str]) -> tuple[IndicatorSpec | None, list[Problem]]:
    """Parse an indicator's text fields; the spec is None when there is any problem."""
    text = {name: (fields.get(name) or "").strip() for name in FIELDS}
    problems: list[Problem] = []

    def parse(name: str, parser: Callable[[str], T]) -> T | None:
        try:
            return parser(text[name])
        except ValueError as error:
            problems.append((name, str(error)))
            return None

    code = parse("code", lambda t: required_text(t, 30))
    title = parse("title", lambda t: required_text(t, 500))
    director = parse("director", lambda t: required_text(t, 200))
    kind = parse("type", lambda t: parse_choice(t, KINDS, "type", default="measure"))
    polarity = parse("polarity", lambda t: parse_choice(t, POLARITIES, "polarity"))
    unit = parse("unit", lambda t: parse_choice(t, UNITS, "unit"))
    decimals = parse("decimals", _decimals)
    frequency = parse("frequency", lambda t: parse_choice(t, FREQUENCIES, "frequency", "monthly"))
    cumulative = parse("cumulative", lambda t: parse_choice(t, YES_NO, "yes or no", False))
    worse = parse("tolerance", Tolerance.parse)
    better = parse("better_tolerance", Tolerance.parse)
    tags = parse("tags", parse_tags)
    due = parse("due", _optional_date)
    completed = parse("completed", _optional_date)
    service = parse("service", _limited(200))
    owner = parse("owner", _limited(200))
    if kind == "milestone" and due is None and text["due"] == "":
        problems.append(("due", "is required for a milestone"))
    if kind == "measure" and (text["due"] or text["completed"]):
        field = "due" if text["due"] else "completed"
        problems.append((field, "is only for milestones (set type to milestone)"))
    if problems:
        return None, problems
    return IndicatorSpec(
        code=str(code),
        title=str(title),
        director=str(director),
        service=str(service),
        owner=str(owner),
        polarity=Polarity(polarity),
        unit=Unit(unit),
        decimals=decimals if decimals is not None else DEFAULT_DECIMALS.get(Unit(unit), 2),
        frequency=str(frequency),
        cumulative=bool(cumulative),
        worse=worse or Tolerance(),
        better=better or Tolerance(),
        tags=tags or (),
        definition=text["definition"],
        kind=str(kind),
        due_date=due,
        completed_date=completed,
    ), []


def fields_of(indicator: Indicator) -> dict[str, str]:
    """An existing indicator as the text fields `spec_from_fields` reads back unchanged."""
    return {
        "code": indicator.code,
        "title": indicator.title,
        "director": indicator.directorate.name,
        "service": indicator.service.name if indicator.service else "",
        "owner": indicator.owner.name if indicator.owner else "",
        "polarity": indicator.polarity,
        "unit": indicator.unit,
        "decimals": str(indicator.decimals),
        "frequency": indicator.frequency,
        "cumulative": "yes" if indicator.cumulative else "no",
        "tolerance": str(indicator.worse_band),
        "better_tolerance": str(indicator.better_band),
        "tags": "; ".join(tag.code for tag in indicator.tags.all()),
        "definition": indicator.definition,
        "type": indicator.kind,
        "due": f"{indicator.due_date:%d/%m/%Y}" if indicator.due_date else "",
        "completed": f"{indicator.completed_date:%d/%m/%Y}" if indicator.completed_date else "",
    }


def code_taken(code: str) -> str | None:
    """The stored code a new indicator's code clashes with (ignoring case), if any.

    Codes are matched without regard to case by the value and comment importers, so two codes
    that differ only in case could not be told apart.
    """
    return (
        Indicator.objects.filter(code__iexact=code.strip()).values_list("code", flat=True).first()
    )
