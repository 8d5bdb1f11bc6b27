"""One measure and year for one authority or all of them, as `boardpack benchmark` prints it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from boardpack.benchmarks.models import Area, Measure
from boardpack.benchmarks.presenters import comparison_text, shown_decimals
from boardpack.benchmarks.selectors import (
    Comparison,
    Figure,
    compare,
    geography,
    measure_polarity,
    this_authority,
    year_figures,
    year_labels,
)
from boardpack.core.comparators import latest_label

COLUMNS = (
    "authority",
    "value",
    "england",
    "region",
    "neighbours_mean",
    "neighbours_counted",
    "rank",
    "ranked_of",
    "quartile",
)
ALL = "all"
MEAN_PLACES = Decimal("0.000001")


class BenchmarkQueryError(ValueError):
    """A measure, year or authority that is not there; the message says what is."""


def find_measure(code: str) -> Measure:
    found = (
        Measure.objects.filter(code=code).first()
        or Measure.objects.filter(code__iexact=code).first()
    )
    if found is None:
        raise BenchmarkQueryError(f"--measure: {code!r} is not a published measure")
    return found


def find_year(measure: Measure, text: str) -> str:
    """The label as published ('2023/24'), or a year a single label ends in ('2024')."""
    labels = year_labels([measure.pk]).get(measure.pk, {})
    if text in labels:
        return text
    ending = [label for label, span in labels.items() if text.isdigit() and span.end == int(text)]
    if len(ending) == 1:
        return ending[0]
    known = ", ".join(sorted(labels, key=lambda y: (labels[y], y))) or "none"
    raise BenchmarkQueryError(f"--year: {measure.code} has no year {text!r} (published: {known})")


def latest_year(measure: Measure) -> str | None:
    return latest_label(year_labels([measure.pk]).get(measure.pk, {}))


def find_authorities(text: str | None) -> list[Area]:
    """This installation's authority by default, one by number, or every authority."""
    if text == ALL:
        return list(Area.objects.filter(kind=Area.Kind.AUTHORITY).order_by("number"))
    if text is None:
        found = this_authority()
        if found is None:
            raise BenchmarkQueryError(
                "this installation's authority (BOARDPACK_AUTHORITY_NUMBER) is not in the "
                "imported authority list: give --authority"
            )
        return [found]
    if not text.isdigit():
        raise BenchmarkQueryError(f"--authority: {text!r} is neither a number nor 'all'")
    area = Area.objects.filter(number=int(text), kind=Area.Kind.AUTHORITY).first()
    if area is None:
        raise BenchmarkQueryError(f"--authority: {text} is not an authority of the list")
    return [area]


@dataclass(frozen=True)
class Record:
    authority: Area
    comparison: Comparison
    decimals: int


def records(measure: Measure, year: str, authorities: list[Area]) -> list[Record]:
    """Four queries for one authority or all of them, plus one for the polarity."""
    places = geography(authorities[0] if len(authorities) == 1 else None)
    years = year_figures([measure.pk])[measure.pk]
    decimals = shown_decimals(measure, years)
    polarity = measure_polarity(measure)
    chosen = next(y for y in years if y.label == year)
    return [
        Record(area, compare(chosen, area, places, polarity, banded=measure.banded), decimals)
        for area in authorities
    ]


def _json_figure(figure: Figure) -> float | int | str | None:
    """A number as a number, a marker as its text, nothing published as null."""
    if figure.value is not None:
        value = figure.value.normalize()
        return int(value) if value == value.to_integral_value() else float(value)
    return figure.marker or None


def as_json(record: Record) -> dict[str, object]:
    c = record.comparison
    mean = c.neighbours.mean
    return {
        "authority": f"{record.authority.number} {record.authority.name}",
        "value": _json_figure(c.authority),
        "england": _json_figure(c.england),
        "region": _json_figure(c.region),
        "neighbours_mean": _json_figure(Figure(mean.quantize(MEAN_PLACES)))
        if mean is not None
        else None,
        "neighbours_counted": c.neighbours.counted,
        "rank": c.standing.rank,
        "ranked_of": c.standing.ranked_of,
        "quartile": c.standing.band.value if c.standing.band else None,
    }


def as_text(record: Record) -> dict[str, str]:
    c = record.comparison
    texts = comparison_text(c, record.decimals)
    return {
        "authority": f"{record.authority.number} {record.authority.name}",
        "value": texts.value,
        "england": texts.england,
        "region": texts.region,
        "neighbours_mean": texts.neighbours,
        "neighbours_counted": str(c.neighbours.counted),
        "rank": str(c.standing.rank or ""),
        "ranked_of": str(c.standing.ranked_of),
        "quartile": texts.band,
    }
