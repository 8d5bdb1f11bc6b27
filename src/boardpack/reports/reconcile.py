"""Calculated beside published: each calculated measure next to the figure the DfE published for
this authority (``BOARDPACK_AUTHORITY_NUMBER``) for the same collection year, with the
difference, so that a difference is seen before a board sees it.

This composes two sibling apps and so lives above both (the layering, docs/architecture.md):
the calc engine's registry says which published measure (LAIT code) each calculated measure
corresponds to (``Measure.lait``), ``calculated_indicators`` holds the calculated values and
``benchmarks`` the published figures. Used by the calculated-indicators page
(``web.calculated_page.calculated_links``) and by ``boardpack calc run --format json``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from boardpack.benchmarks.selectors import Figure, area_figures, this_authority
from boardpack.calc.engine import MEASURES, Result

PLACES: Final = Decimal("0.01")
MARKERS: Final[dict[str, str]] = {
    "c": "suppressed",
    "x": "not available",
    "z": "not applicable",
    "low": "below half the last digit shown",
    "u": "low reliability",
}
"""The published markers Boardpack names (the GSS symbols); any other is shown as published."""


@dataclass(frozen=True)
class Beside:
    """One calculated figure and the published one for the same year, or why there is none."""

    measure: str
    code: str | None  # the LAIT measure; None when the DfE publishes no equivalent
    calculated: Decimal | None
    year: str = ""  # the published year label
    published: Figure | None = None  # None: nothing published (see ``missing``)
    missing: str = ""  # why nothing is compared, when nothing is

    @property
    def difference(self) -> Decimal | None:
        """Calculated minus published, to two places; None unless both are numbers."""
        if self.calculated is None or self.published is None or self.published.value is None:
            return None
        return (self.calculated - self.published.value).quantize(PLACES)

    @property
    def published_text(self) -> str:
        """'84.6', "'c': suppressed", or why there is no figure."""
        if self.published is None:
            return self.missing
        if self.published.value is not None:
            return f"{self.published.value.normalize():f}"
        marker = self.published.marker
        meaning = MARKERS.get(marker.strip("[]").lower())
        return f"'{marker}': {meaning}" if meaning else f"'{marker}': no number published"

    @property
    def difference_text(self) -> str:
        difference = self.difference
        return "" if difference is None else f"{difference:+f}"

    def as_dict(self) -> dict[str, object]:
        """For JSON: numbers as numbers, a marker as its text, absent figures as null."""
        figure = self.published
        difference = self.difference
        return {
            "measure": self.code,
            "year": self.year or None,
            "value": float(figure.value) if figure and figure.value is not None else None,
            "marker": figure.marker if figure and figure.marker else None,
            "difference": float(difference) if difference is not None else None,
            "note": self.missing,
        }


@dataclass(frozen=True)
class _Wanted:
    measure: str
    period_end: date
    calculated: Decimal | None


def _compare(wanted: list[_Wanted]) -> list[Beside]:
    """Each wanted figure beside the published one: three queries however many."""
    codes = {w.measure: MEASURES[w.measure].lait if w.measure in MEASURES else None for w in wanted}
    collection = [w for w in wanted if codes[w.measure] and _collection_year(w.period_end)]
    authority = this_authority() if collection else None
    found = (
        area_figures(
            authority,
            (c for c in codes.values() if c),
            {w.period_end.year for w in collection},
        )
        if authority is not None
        else {}
    )
    shown: list[Beside] = []
    for w in wanted:
        code = codes[w.measure]
        if code is None:
            shown.append(Beside(w.measure, None, w.calculated, missing="no published equivalent"))
        elif not _collection_year(w.period_end):
            missing = "no published figure: the DfE publishes years to 31 March"
            shown.append(Beside(w.measure, code, w.calculated, missing=missing))
        elif authority is None:
            missing = "no published figure: this authority's published figures are not imported"
            shown.append(Beside(w.measure, code, w.calculated, missing=missing))
        elif (code, w.period_end.year) not in found:
            missing = f"no published figure for {w.period_end.year}"
            shown.append(Beside(w.measure, code, w.calculated, missing=missing))
        else:
            label, figure = found[(code, w.period_end.year)]
            shown.append(Beside(w.measure, code, w.calculated, label, figure))
    return shown


def _collection_year(period_end: date) -> bool:
    return period_end.month == 3 and period_end.day == 31


def beside_results(results: Iterable[Result]) -> dict[str, Beside]:
    """A calculation's results (``boardpack calc run``) by measure, each beside the published."""
    wanted = [_Wanted(r.measure, r.period.end, r.value) for r in results]
    return {b.measure: b for b in _compare(wanted)}


def beside_values(values: dict[int, tuple[str, date, Decimal]]) -> dict[int, Beside]:
    """Stored calculated values by key (an indicator's: measure, period end, value), each beside
    the published figure for the same year."""
    keys = list(values)
    wanted = [_Wanted(*values[k]) for k in keys]
    return dict(zip(keys, _compare(wanted), strict=True))
