"""SPC as people see it: the icons (a shape and a text, in Making Data Count's colours, never
colour alone) and the object `boardpack spc --format json` prints and the API returns."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString

from boardpack.core.spc import Assurance, Limits, PointType, Rule, Variation, as_decimal
from boardpack.core.units import format_value
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.spc.selectors import IndicatorSpc, SpcSummary, indicator_spc


@dataclass(frozen=True)
class Icon:
    key: str
    glyph: str
    text: str
    tone: str
    """improvement, concern, common, neutral or none: the colour (blue, orange, grey, purple)."""

    @cached_property
    def html(self) -> SafeString:
        return format_html(
            '<strong class="govuk-tag bp-spc bp-spc--{}" data-spc="{}">'
            '<span class="bp-spc__glyph" aria-hidden="true">{}</span> {}</strong>',
            self.tone,
            self.key,
            self.glyph,
            self.text,
        )


VARIATION_ICONS = {
    Variation.COMMON_CAUSE: Icon("common_cause", "●", "Common cause", "common"),
    Variation.IMPROVEMENT_HIGH: Icon(
        "improvement_high", "▲ H", "Improvement (high)", "improvement"
    ),
    Variation.IMPROVEMENT_LOW: Icon("improvement_low", "▼ L", "Improvement (low)", "improvement"),
    Variation.CONCERN_HIGH: Icon("concern_high", "▲ H", "Concern (high)", "concern"),
    Variation.CONCERN_LOW: Icon("concern_low", "▼ L", "Concern (low)", "concern"),
    Variation.NEUTRAL_HIGH: Icon("neutral_high", "▲ H", "Special cause (high)", "neutral"),
    Variation.NEUTRAL_LOW: Icon("neutral_low", "▼ L", "Special cause (low)", "neutral"),
}
ASSURANCE_ICONS = {
    Assurance.PASS: Icon("pass", "P", "Consistently passes target", "improvement"),
    Assurance.FAIL: Icon("fail", "F", "Consistently fails target", "concern"),
    Assurance.HIT_AND_MISS: Icon("hit_and_miss", "?", "Hit and miss", "common"),
}
NO_ASSURANCE = "No assurance without a target and a polarity"
POINT_TEXT = {
    PointType.COMMON_CAUSE: "Common cause",
    PointType.IMPROVEMENT: "Improvement",
    PointType.CONCERN: "Concern",
    PointType.NEUTRAL: "Special cause",
}
RULE_NAMES = {
    Rule.ASTRONOMICAL: "Astronomical",
    Rule.SHIFT: "Shift",
    Rule.TREND: "Trend",
    Rule.TWO_IN_THREE: "Two in three",
}
"""The rules as a table of points names them (the JSON and the command keep the codes)."""


def rule_names(rules: Iterable[Rule]) -> str:
    return ", ".join(RULE_NAMES[rule] for rule in rules)


@cache
def variation_icon(variation: Variation, reason: str) -> Icon:
    """The icon of the variation; `none` shows its reason ("12 points are needed"). The same
    icon object every time, so its HTML is written once."""
    return VARIATION_ICONS.get(variation) or Icon("none", "–", reason, "none")


@cache
def assurance_icon(assurance: Assurance, reason: str) -> Icon:
    return ASSURANCE_ICONS.get(assurance) or Icon("none", "–", reason or NO_ASSURANCE, "none")


def spc_icons(summary: SpcSummary) -> tuple[Icon, Icon]:
    """The variation and assurance icons of a summary."""
    return (
        variation_icon(summary.variation, summary.reason),
        assurance_icon(summary.assurance, summary.reason),
    )


@cache
def _cells(variation: Variation, assurance: Assurance, reason: str) -> SafeString:
    return format_html(
        '<td class="govuk-table__cell">{}</td><td class="govuk-table__cell">{}</td>',
        variation_icon(variation, reason).html,
        assurance_icon(assurance, reason).html,
    )


def spc_cells(summary: SpcSummary) -> SafeString:
    """A table row's Variation and Assurance cells, written once for each pair of icons: a
    page of 300 rows looks up one value a row instead of rendering two icons."""
    return _cells(summary.variation, summary.assurance, summary.reason)


LIMIT_FIELDS = (
    ("mean", "mean"),
    ("upper_process_limit", "upper_process"),
    ("lower_process_limit", "lower_process"),
    ("upper_near_limit", "upper_near"),
    ("lower_near_limit", "lower_near"),
)
"""(name in the object, attribute of core.spc.Limits)."""


def _limits(limits: Limits | None) -> dict[str, float | None]:
    return {
        name: float(as_decimal(getattr(limits, attribute))) if limits else None
        for name, attribute in LIMIT_FIELDS
    }


def chart_object(chart: IndicatorSpc) -> dict[str, Any]:
    analysis = chart.analysis
    return {
        "code": chart.indicator.code,
        **_limits(analysis.limits),
        "variation": analysis.variation.value,
        "assurance": analysis.assurance.value,
        "points": [
            {
                "period": month.key,
                "value": float(value),
                "type": point.type.value,
                "rules": [rule.value for rule in point.rules],
            }
            for month, value, point in zip(chart.months, chart.values, analysis.points, strict=True)
        ],
    }


def spc_object(indicator: Indicator, *, baseline: int | None = None) -> dict[str, Any]:
    """The indicator's SPC as one JSON-ready object (docs/spc.md): code, the five limits
    (null with fewer than 12 points), variation, assurance and every point with its type and
    the rules that flag it. `baseline` overrides the indicator's own."""
    return chart_object(indicator_spc(indicator, baseline=baseline))


def limit_rows(chart: IndicatorSpc) -> list[tuple[str, str]]:
    """The limits as (label, text) pairs, written to the indicator's decimal places."""
    indicator, limits = chart.indicator, chart.analysis.limits
    if limits is None:
        return []
    labels = ("Mean", "Upper process limit", "Lower process limit")
    labels += ("Upper near limit", "Lower near limit")
    return [
        (
            label,
            format_value(
                as_decimal(getattr(limits, attribute)), indicator.unit_rule, indicator.decimals
            ),
        )
        for label, (_, attribute) in zip(labels, LIMIT_FIELDS, strict=True)
    ]


def value_texts(chart: IndicatorSpc) -> list[str]:
    indicator = chart.indicator
    return [format_value(v, indicator.unit_rule, indicator.decimals) for v in chart.values]


def baseline_text(chart: IndicatorSpc) -> str:
    if chart.baseline:
        return f"The first {chart.baseline} points (fixed)"
    return "Every point"
