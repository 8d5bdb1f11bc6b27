"""Reads of the published figures, put together by the core rules: an authority's value beside
England, its region and the mean of its statistical neighbours, with its rank and quartile band
among all authorities, year by year. A fixed number of queries however many measures."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from boardpack.benchmarks.models import (
    Area,
    BenchmarkImport,
    IndicatorLink,
    Measure,
    Neighbour,
    NeighbourSet,
    PublishedValue,
)
from boardpack.core.comparators import (
    Band,
    NeighbourMean,
    Standing,
    YearSpan,
    effective_polarity,
    latest_label,
    neighbour_mean,
    standing,
)
from boardpack.core.status import Polarity


@dataclass(frozen=True)
class Figure:
    """A published figure: a number, or the marker published in its place ('c', '-'); both
    empty when nothing was published for the area and year."""

    value: Decimal | None = None
    marker: str = ""


NOTHING = Figure()


@dataclass(frozen=True)
class Geography:
    areas: dict[int, Area]
    """Every area by primary key."""
    england: Area | None
    sets: dict[int, list[tuple[int, tuple[int, ...]]]] = field(default_factory=dict)
    """Each authority's neighbour groups: (year they apply from, neighbour keys), oldest first."""

    @property
    def authorities(self) -> set[int]:
        return {pk for pk, a in self.areas.items() if a.kind == Area.Kind.AUTHORITY}

    def neighbours(self, authority: int, year_end: int) -> tuple[int, ...]:
        """The group that applies to a year: the latest loaded for a year up to its end, else
        the earliest loaded (older figures are compared with the oldest groups known)."""
        sets = self.sets.get(authority, [])
        if not sets:
            return ()
        applying = [s for s in sets if s[0] <= year_end]
        return (applying[-1] if applying else sets[0])[1]


@dataclass(frozen=True)
class YearFigures:
    label: str
    span: YearSpan
    figures: dict[int, Figure]
    """Area key → figure, for every area published that year."""

    def get(self, area: int | None) -> Figure:
        return self.figures.get(area, NOTHING) if area is not None else NOTHING

    def authority_values(self, authorities: set[int]) -> list[Decimal]:
        """The numbers of authorities (not regions or England) that have one."""
        return [
            f.value for pk, f in self.figures.items() if pk in authorities and f.value is not None
        ]


@dataclass(frozen=True)
class Comparison:
    year: str
    span: YearSpan
    authority: Figure
    england: Figure
    region: Figure
    neighbours: NeighbourMean
    standing: Standing


def compare(
    year: YearFigures, authority: Area, geography: Geography, polarity: Polarity, *, banded: bool
) -> Comparison:
    own = year.get(authority.pk)
    group = geography.neighbours(authority.pk, year.span.end)
    return Comparison(
        year=year.label,
        span=year.span,
        authority=own,
        england=year.get(geography.england.pk if geography.england else None),
        region=year.get(authority.region_id),  # type: ignore[attr-defined]
        neighbours=neighbour_mean([year.get(n).value for n in group]),
        standing=standing(
            own.value, year.authority_values(geography.authorities), polarity, banded=banded
        ),
    )


def this_authority() -> Area | None:
    """The authority this installation serves (BOARDPACK_AUTHORITY_NUMBER), once imported."""
    return (
        Area.objects.select_related("region")
        .filter(number=settings.BOARDPACK_AUTHORITY_NUMBER, kind=Area.Kind.AUTHORITY)
        .first()
    )


def geography(authority: Area | None = None) -> Geography:
    """Every area, and the neighbour groups of one authority (None: of every authority)."""
    areas = {a.pk: a for a in Area.objects.all()}
    england = next((a for a in areas.values() if a.kind == Area.Kind.ENGLAND), None)
    rows = Neighbour.objects.order_by("set__authority_id", "set__year", "position")
    if authority is not None:
        rows = rows.filter(set__authority=authority)
    grouped: dict[tuple[int, int], list[int]] = defaultdict(list)
    for owner, year, area in rows.values_list("set__authority_id", "set__year", "area_id"):
        grouped[(owner, year)].append(area)
    sets: dict[int, list[tuple[int, tuple[int, ...]]]] = defaultdict(list)
    for (owner, year), members in grouped.items():
        sets[owner].append((year, tuple(members)))
    return Geography(areas, england, dict(sets))


def year_figures(
    measure_ids: Iterable[int], *, years: dict[int, str] | None = None
) -> dict[int, list[YearFigures]]:
    """Each measure's published figures by year, oldest first; `years` (measure → label)
    reads one year of each measure only."""
    ids = list(measure_ids)
    rows = PublishedValue.objects.filter(measure_id__in=ids)
    if years is not None:
        if not years:
            return {m: [] for m in ids}
        rows = rows.filter(reduce(or_, (Q(measure_id=m, year=y) for m, y in years.items())))
    grouped: dict[int, dict[str, YearFigures]] = defaultdict(dict)
    for measure, label, start, end, area, value, marker in rows.values_list(
        "measure_id", "year", "year_start", "year_end", "area_id", "value", "marker"
    ):
        found = grouped[measure].get(label)
        if found is None:
            found = grouped[measure][label] = YearFigures(label, YearSpan(start, end), {})
        found.figures[area] = Figure(value, marker)
    return {m: sorted(grouped[m].values(), key=lambda y: (y.span, y.label)) for m in ids}


def year_labels(measure_ids: Iterable[int]) -> dict[int, dict[str, YearSpan]]:
    """Each measure's published years: label → span."""
    found: dict[int, dict[str, YearSpan]] = defaultdict(dict)
    rows = (
        PublishedValue.objects.filter(measure_id__in=list(measure_ids))
        .values_list("measure_id", "year", "year_start", "year_end")
        .order_by()
        .distinct()
    )
    for measure, label, start, end in rows:
        found[measure][label] = YearSpan(start, end)
    return found


def link_polarity(link: IndicatorLink) -> Polarity:
    return effective_polarity(
        override=link.polarity_override,
        measure=link.measure.polarity_rule,
        indicator=link.indicator.polarity_rule,
    )


def measure_polarity(measure: Measure) -> Polarity:
    """The measure's own polarity; where it has none, that of the indicators linked to it when
    they agree (the seeds treat the looked-after rate as smaller-is-better)."""
    if measure.polarity_rule is not Polarity.NONE:
        return measure.polarity_rule
    links = measure.indicator_links.select_related("indicator", "measure")
    found = {link_polarity(link) for link in links}
    return found.pop() if len(found) == 1 else Polarity.NONE


def links() -> list[IndicatorLink]:
    return list(
        IndicatorLink.objects.select_related("indicator__directorate", "measure").order_by(
            "indicator__code"
        )
    )


def latest_bands(indicator_ids: Iterable[int]) -> dict[int, Band | None]:
    """Each linked indicator's quartile band in its measure's latest published year, for this
    installation's authority. Five queries however many indicators."""
    authority = this_authority()
    linked = IndicatorLink.objects.select_related("indicator", "measure")
    chosen = list(linked.filter(indicator_id__in=list(indicator_ids)))
    if authority is None or not chosen:
        return {}
    measures = {link.measure_id for link in chosen}  # type: ignore[attr-defined]
    latest = {m: latest_label(labels) for m, labels in year_labels(measures).items()}
    figures = year_figures(measures, years={m: y for m, y in latest.items() if y})
    authorities = set(Area.objects.filter(kind=Area.Kind.AUTHORITY).values_list("pk", flat=True))
    bands: dict[int, Band | None] = {}
    for link in chosen:
        years = figures.get(link.measure_id, [])  # type: ignore[attr-defined]
        if not years:
            bands[link.indicator_id] = None  # type: ignore[attr-defined]
            continue
        year = years[-1]
        bands[link.indicator_id] = standing(  # type: ignore[attr-defined]
            year.get(authority.pk).value,
            year.authority_values(authorities),
            link_polarity(link),
            banded=link.measure.banded,
        ).band
    return bands


def indicators_in_band(indicator_ids: Iterable[int], band: str) -> set[int]:
    """Those of the indicators whose latest quartile band (`latest_bands`) is `band` (A to D)."""
    return {
        pk for pk, found in latest_bands(indicator_ids).items() if found and found.value == band
    }


@dataclass(frozen=True)
class Overview:
    measures: int
    authorities: int
    figures: int
    neighbour_years: list[tuple[int, str, int]]
    """(year the groups apply from, file, authorities)."""
    last_import: BenchmarkImport | None

    @property
    def figures_text(self) -> str:
        return f"{self.figures:,}"


def overview() -> Overview:
    sets = (
        NeighbourSet.objects.values_list("year", "source_ref")
        .annotate(n=Count("pk"))
        .order_by("year", "source_ref")
    )
    return Overview(
        measures=Measure.objects.count(),
        authorities=Area.objects.filter(kind=Area.Kind.AUTHORITY).count(),
        figures=PublishedValue.objects.count(),
        neighbour_years=list(sets),
        last_import=BenchmarkImport.objects.select_related("by").first(),
    )


def topics() -> list[str]:
    found = {
        t.strip()
        for text in Measure.objects.values_list("topic", flat=True)
        for t in text.split(";")
    }
    return sorted(t for t in found if t)


def unlinked_measures(*, topic: str = "", text: str = "") -> QuerySet[Measure]:
    """Published measures no indicator is linked to, by code."""
    measures = Measure.objects.filter(indicator_links__isnull=True)
    if topic:
        measures = measures.filter(topic__contains=topic)
    if text:
        measures = measures.filter(Q(code__icontains=text) | Q(name__icontains=text))
    return measures.order_by("code")


def linked_year_ends() -> list[int]:
    """The years (by end) in which some linked indicator's measure has figures, newest first."""
    return sorted(
        PublishedValue.objects.filter(measure__indicator_links__isnull=False)
        .values_list("year_end", flat=True)
        .order_by()
        .distinct(),
        reverse=True,
    )


def area_figures(
    area: Area, codes: Iterable[str], year_ends: Iterable[int]
) -> dict[tuple[str, int], tuple[str, Figure]]:
    """One area's published figures by (measure code, year end): the year label and the figure
    (a number or a marker). Where several labels end in the same year the one of the shortest
    span is taken (2024 before 2022-24). One query."""
    rows = (
        PublishedValue.objects.filter(
            area=area, measure__code__in=set(codes), year_end__in=set(year_ends)
        )
        .order_by("measure__code", "year_end", "-year_start", "year")
        .values_list("measure__code", "year_end", "year", "value", "marker")
    )
    found: dict[tuple[str, int], tuple[str, Figure]] = {}
    for code, end, label, value, marker in rows:
        found.setdefault((code, end), (label, Figure(value, marker)))
    return found
