"""Symbol schemes: how a status is shown. Always a shape and a text, never colour alone."""

from __future__ import annotations

from dataclasses import dataclass

from boardpack.core.status import Status


@dataclass(frozen=True)
class Symbol:
    key: str
    text: str
    shape: str
    glyph: str
    colour: str


@dataclass(frozen=True)
class Scheme:
    name: str
    symbols: dict[Status, Symbol]
    section_order: tuple[str, ...]
    """Symbol keys in the order a report prints its sections."""

    def symbol(self, status: Status) -> Symbol:
        return self.symbols[status]


class SchemeError(ValueError):
    """An unknown symbol scheme name."""


_RED_DIAMOND = Symbol("red-diamond", "Worse than target", "diamond", "◆", "red")
_BLUE_CIRCLE = Symbol("blue-circle", "Within tolerance", "circle", "●", "blue")
_GREEN_PLUS = Symbol("green-plus", "Better than target", "plus", "✚", "green")
_RED = Symbol("red", "Red", "triangle", "▲", "red")
_AMBER = Symbol("amber", "Amber", "circle", "●", "amber")
_GREEN = Symbol("green", "Green", "tick", "✔", "green")
_NO_POLARITY = Symbol("no-polarity", "Context only", "dash", "–", "grey")
_NO_ACTUAL = Symbol("no-actual", "No actual yet", "dash", "–", "grey")
_NO_TARGET = Symbol("no-target", "No target", "dash", "–", "grey")
_UNJUDGED = {
    Status.NO_POLARITY: _NO_POLARITY,
    Status.NO_ACTUAL: _NO_ACTUAL,
    Status.NO_TARGET: _NO_TARGET,
}

SCHEMES: dict[str, Scheme] = {
    "symbols": Scheme(
        name="symbols",
        symbols={
            Status.WORSE: _RED_DIAMOND,
            Status.NEAR: _BLUE_CIRCLE,
            Status.MET: _BLUE_CIRCLE,
            Status.BETTER: _GREEN_PLUS,
            **_UNJUDGED,
        },
        section_order=("red-diamond", "green-plus", "blue-circle"),
    ),
    "rag": Scheme(
        name="rag",
        symbols={
            Status.WORSE: _RED,
            Status.NEAR: _AMBER,
            Status.MET: _GREEN,
            Status.BETTER: _GREEN,
            **_UNJUDGED,
        },
        section_order=("red", "amber", "green"),
    ),
}


def get_scheme(name: str) -> Scheme:
    try:
        return SCHEMES[name]
    except KeyError:
        known = ", ".join(sorted(SCHEMES))
        raise SchemeError(f"unknown symbol scheme {name!r}: use one of {known}") from None
