"""Reads for statistical process control (docs/spc.md): one indicator's series and chart, and
the icons of many indicators at once.

A page of indicators shows their icons (`spc_summaries`). Worked out, they need every series,
which costs a page of 300 indicators a third of its time even read as text (the database joins
each series' values, in micro-units, in period order); so each indicator's summary is kept
for the month, with the series version it was worked out at (StoredSpcSummary,
SeriesVersion), and read back in one query while the version and the indicator's polarity,
cumulation and baseline are unchanged. The charts read the values themselves (`spc_charts`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from operator import sub
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Aggregate, CharField, F, Max, Q
from django.db.models.functions import Coalesce
from django.db.models.sql.compiler import SQLCompiler

from boardpack.core.periods import Month, fy_months
from boardpack.core.spc import (
    MIN_POINTS,
    SPECIAL_CAUSE,
    TAIL,
    TOO_FEW_POINTS,
    Analysis,
    Assurance,
    Variation,
    analyse,
    assurance_of,
    limits_from_totals,
    variation_of,
)
from boardpack.core.status import effective_target
from boardpack.scorecard.models import (
    Actual,
    Indicator,
    SeriesVersion,
    StoredSpcSummary,
    Target,
)

MICRO = 1_000_000
"""Values have six decimal places (VALUE_DIGITS): times a million, each is an integer."""
MILESTONE = "A milestone has no series of values"


class _Micros(Aggregate):
    """A group's values × MICRO as comma-separated integers, in period order.

    PostgreSQL orders the aggregate by period. SQLite before 3.44 has no ORDER BY in an
    aggregate: its rows come in the order of the (indicator, period) unique index, which the
    GROUP BY reads (tests/scorecard/test_spc_selectors.py stores a series out of order).
    """

    output_field = CharField()

    def __init__(self) -> None:
        super().__init__("value", "period")

    def _columns(self, compiler: SQLCompiler) -> tuple[str, str]:
        value, period = (compiler.compile(e)[0] for e in self.get_source_expressions()[:2])
        return value, period

    def as_sqlite(self, compiler: SQLCompiler, connection: Any, **extra: Any) -> Any:
        value, _ = self._columns(compiler)
        return f"GROUP_CONCAT(CAST(ROUND({value} * {MICRO}) AS INTEGER))", []

    def as_postgresql(self, compiler: SQLCompiler, connection: Any, **extra: Any) -> Any:
        value, period = self._columns(compiler)
        return f"STRING_AGG(({value} * {MICRO})::numeric(40, 0)::text, ',' ORDER BY {period})", []


@dataclass(frozen=True)
class SpcSummary:
    """What the icons need: the last point's type, and whether the process consistently meets
    the target of its period."""

    points: int
    variation: Variation
    assurance: Assurance
    reason: str

    @property
    def special_cause(self) -> bool:
        return self.variation in SPECIAL_CAUSE


def _targets_at(wanted: Mapping[Indicator, Month]) -> dict[int, Decimal | None]:
    """The effective target of each indicator at its month: one query for them all."""
    if not wanted:
        return {}
    span = Q()
    for indicator, month in wanted.items():
        year = fy_months(month.fy_start_year)
        span |= Q(indicator=indicator, period__gte=year[0].end, period__lte=year[-1].end)
    found: dict[int, dict[Month, Decimal]] = defaultdict(dict)
    for indicator_id, period, value in Target.objects.filter(span).values_list(
        "indicator_id", "period", "value"
    ):
        found[indicator_id][Month.of(period)] = value
    return {
        i.pk: effective_target(found[i.pk], month, cumulative=i.cumulative)
        for i, month in wanted.items()
    }


def _summary(indicator: Indicator, micros: list[int], target: Decimal | None) -> SpcSummary:
    """The icons from the series in micro-units: the rules compare values with values and
    limits, and the target with the limits, so they read the same on any one scale."""
    if len(micros) < MIN_POINTS:
        return SpcSummary(len(micros), Variation.NONE, Assurance.NONE, TOO_FEW_POINTS)
    base = micros[: indicator.spc_baseline] if indicator.spc_baseline else micros
    limits = limits_from_totals(
        len(base), Fraction(sum(base)), Fraction(sum(map(abs, map(sub, base[1:], base))))
    )
    polarity = indicator.polarity_rule
    return SpcSummary(
        points=len(micros),
        variation=variation_of(micros[-TAIL:], limits, polarity),
        assurance=assurance_of(None if target is None else target * MICRO, limits, polarity),
        reason="",
    )


def _unmeasured(reason: str) -> SpcSummary:
    return SpcSummary(0, Variation.NONE, Assurance.NONE, reason)


VARIATIONS = {v.value: v for v in Variation}
ASSURANCES = {a.value: a for a in Assurance}
"""The kept texts back as members, by a dict (calling the enum costs a page a few ms)."""
KEY_FIELDS = ("polarity", "cumulative", "baseline")
"""What a kept summary was worked out with, besides the series version."""
SUMMARY_FIELDS = ("points", "variation", "assurance", "reason")


def _stored(measures: Sequence[Indicator], month: Month) -> dict[int, SpcSummary]:
    """The summaries kept for the month that are still good: one query."""
    current = {i.pk: (i.polarity, i.cumulative, i.spc_baseline) for i in measures}
    rows = (
        StoredSpcSummary.objects.filter(indicator_id__in=list(current), period=month.end)
        .annotate(current=Coalesce(F("indicator__series_version__version"), 0))
        .filter(version=F("current"))
        .values_list("indicator_id", *KEY_FIELDS, *SUMMARY_FIELDS)
    )
    return {
        pk: SpcSummary(points, VARIATIONS[variation], ASSURANCES[assurance], reason)
        for pk, polarity, cumulative, baseline, points, variation, assurance, reason in rows
        if current[pk] == (polarity, cumulative, baseline)
    }


def _worked_out(
    measures: Sequence[Indicator], month: Month, known: Mapping[int, Decimal | None]
) -> dict[int, SpcSummary]:
    """The summaries from the series, kept for the next read: the versions are read before
    the series, so a summary is never kept under a version newer than its data."""
    ids = [i.pk for i in measures]
    versions = dict(
        SeriesVersion.objects.filter(indicator_id__in=ids).values_list("indicator_id", "version")
    )
    rows = (
        Actual.objects.filter(indicator_id__in=ids, period__lte=month.end)
        .order_by()
        .values("indicator_id")
        .annotate(micros=_Micros(), last=Max("period"))
        .values_list("indicator_id", "micros", "last")
    )
    series = {pk: (list(map(int, text.split(","))), Month.of(last)) for pk, text, last in rows}
    unknown = {
        i: series[i.pk][1]
        for i in measures
        if i.pk in series and (series[i.pk][1] != month or i.pk not in known)
    }
    targets = {**known, **_targets_at(unknown)}
    made = {
        i.pk: _summary(i, series[i.pk][0], targets.get(i.pk))
        if i.pk in series
        else _unmeasured(TOO_FEW_POINTS)
        for i in measures
    }
    _keep(measures, month, made, versions)
    return made


def _keep(
    measures: Sequence[Indicator],
    month: Month,
    made: Mapping[int, SpcSummary],
    versions: Mapping[int, int],
) -> None:
    """Store the summaries, replacing older ones; a failure (an indicator deleted meanwhile)
    only means they are worked out again next time."""
    records = [
        StoredSpcSummary(
            indicator_id=i.pk,
            period=month.end,
            version=versions.get(i.pk, 0),
            polarity=i.polarity,
            cumulative=i.cumulative,
            baseline=i.spc_baseline,
            points=made[i.pk].points,
            variation=made[i.pk].variation.value,
            assurance=made[i.pk].assurance.value,
            reason=made[i.pk].reason,
        )
        for i in measures
    ]
    try:
        with transaction.atomic():
            StoredSpcSummary.objects.bulk_create(
                records,
                update_conflicts=True,
                unique_fields=["indicator", "period"],
                update_fields=["version", *KEY_FIELDS, *SUMMARY_FIELDS],
            )
    except IntegrityError:
        return


def spc_summaries(
    indicators: Sequence[Indicator],
    month: Month,
    *,
    targets: Mapping[int, Decimal | None] | None = None,
) -> dict[int, SpcSummary]:
    """Each indicator's icons for its series up to `month`, by indicator id.

    Kept summaries that are still good are read in one query; the others are worked out from
    the series (three or four more queries however many) and kept. `targets`: the effective
    target at `month` by indicator id, where the caller has it (the status rows do).
    """
    measures = [i for i in indicators if i.kind != Indicator.Kind.MILESTONE]
    found = _stored(measures, month) if measures else {}
    missing = [i for i in measures if i.pk not in found]
    if missing:
        found.update(_worked_out(missing, month, targets or {}))
    return {i.pk: found.get(i.pk) or _unmeasured(MILESTONE) for i in indicators}


@dataclass(frozen=True)
class IndicatorSpc:
    """One indicator's chart: its series in period order and the analysis of it."""

    indicator: Indicator
    months: list[Month]
    values: list[Decimal]
    analysis: Analysis
    baseline: int | None


def _analysed(
    indicator: Indicator,
    series: list[tuple[Month, Decimal]],
    target: Decimal | None,
    baseline: int | None,
) -> IndicatorSpc:
    values = [v for _, v in series]
    return IndicatorSpc(
        indicator=indicator,
        months=[m for m, _ in series],
        values=values,
        analysis=analyse(values, indicator.polarity_rule, baseline=baseline, target=target),
        baseline=baseline,
    )


def _series_of(
    indicators: Iterable[Indicator], month: Month | None
) -> dict[int, list[tuple[Month, Decimal]]]:
    actuals = Actual.objects.filter(indicator_id__in=[i.pk for i in indicators])
    if month is not None:
        actuals = actuals.filter(period__lte=month.end)
    found: dict[int, list[tuple[Month, Decimal]]] = defaultdict(list)
    for indicator_id, period, value in actuals.order_by("indicator_id", "period").values_list(
        "indicator_id", "period", "value"
    ):
        found[indicator_id].append((Month.of(period), value))
    return found


def spc_charts(indicators: Sequence[Indicator], month: Month | None) -> dict[int, IndicatorSpc]:
    """Each measure's whole chart for its series up to `month` (None: every actual), by id:
    two queries (the series, the targets of the last points) however many indicators."""
    measures = [i for i in indicators if i.kind != Indicator.Kind.MILESTONE]
    series = _series_of(measures, month)
    targets = _targets_at({i: series[i.pk][-1][0] for i in measures if series.get(i.pk)})
    return {
        i.pk: _analysed(i, series.get(i.pk, []), targets.get(i.pk), i.spc_baseline)
        for i in measures
    }


def indicator_spc(
    indicator: Indicator, *, baseline: int | None = None, month: Month | None = None
) -> IndicatorSpc:
    """One indicator's chart; `baseline` overrides the indicator's own for this read."""
    series = _series_of([indicator], month).get(indicator.pk, [])
    targets = _targets_at({indicator: series[-1][0]} if series else {})
    chosen = baseline if baseline is not None else indicator.spc_baseline
    return _analysed(indicator, series, targets.get(indicator.pk), chosen)
