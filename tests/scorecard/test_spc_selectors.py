"""SPC for many indicators at once: the same icons as the whole analysis, a fixed number of
queries, and kept summaries that are worked out again whenever what they depend on changes,
however it is written."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from boardpack.core.periods import Month
from boardpack.core.spc import Assurance, Variation
from boardpack.scorecard.models import (
    Actual,
    Indicator,
    SeriesVersion,
    Source,
    StoredSpcSummary,
)
from boardpack.scorecard.spc.selectors import (
    MILESTONE,
    indicator_spc,
    spc_charts,
    spc_summaries,
)

from .spc_series import ALTERNATING, months, series_indicator

LAST = Month(2021, 4)  # the thirteenth month of the series
RISEN = [*ALTERNATING, 20]  # 20 > 16.32: improvement (high) with bigger is better


def _icons(indicator, month=LAST, **options):
    found = spc_summaries([indicator], month, **options)[indicator.pk]
    return found.variation, found.assurance


def _raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_the_icons_are_those_of_the_whole_analysis(db):
    indicator = series_indicator("SPC1", RISEN, targets={LAST: 5}, spc_baseline=12)
    chart = indicator_spc(indicator)
    assert (chart.analysis.variation, chart.analysis.assurance) == (
        Variation.IMPROVEMENT_HIGH,
        Assurance.PASS,
    )
    assert _icons(indicator) == (chart.analysis.variation, chart.analysis.assurance)


def test_the_series_runs_up_to_the_month_asked(db):
    indicator = series_indicator("SPC1", RISEN, spc_baseline=12)
    assert _icons(indicator, LAST.previous())[0] is Variation.COMMON_CAUSE
    assert spc_summaries([indicator], LAST.shift(-2))[indicator.pk].reason == (
        "12 points are needed"
    )


def test_the_target_of_an_earlier_last_point_is_read(db):
    # No actual in May 2021: the last point is April's, judged against April's target.
    indicator = series_indicator("SPC1", RISEN, targets={LAST: 30}, spc_baseline=12)
    assert _icons(indicator, LAST.shift(1))[1] is Assurance.FAIL


def test_a_target_the_caller_has_for_the_month_is_used(db):
    indicator = series_indicator("SPC1", RISEN, targets={LAST: 30}, spc_baseline=12)
    assert _icons(indicator, targets={indicator.pk: Decimal(5)})[1] is Assurance.PASS


def test_a_milestone_and_an_indicator_without_actuals_have_no_icons(db):
    milestone = series_indicator("M1", [], kind=Indicator.Kind.MILESTONE)
    empty = series_indicator("E1", [])
    found = spc_summaries([milestone, empty], LAST)
    assert (found[milestone.pk].variation, found[milestone.pk].reason) == (
        Variation.NONE,
        MILESTONE,
    )
    assert (found[empty.pk].variation, found[empty.pk].reason) == (
        Variation.NONE,
        "12 points are needed",
    )


def test_a_series_stored_out_of_order_is_read_in_period_order(db):
    indicator = series_indicator("SPC1", [])
    stamp = {"source": Source.FORM, "set_at": timezone.now()}
    Actual.objects.bulk_create(
        Actual(indicator=indicator, period=m.end, value=Decimal(v), **stamp)
        for m, v in reversed(list(zip(months(13), RISEN, strict=True)))
    )
    indicator.spc_baseline = 12
    assert _icons(indicator)[0] is Variation.IMPROVEMENT_HIGH


def test_the_query_count_does_not_grow_with_the_indicators(db):
    few = [series_indicator(f"F{n}", RISEN) for n in range(2)]
    many = [series_indicator(f"M{n}", RISEN) for n in range(12)]
    counts = []
    for chosen in (few, many):
        for kept in (False, True):
            with CaptureQueriesContext(connection) as queries:
                spc_summaries(chosen, LAST, targets={i.pk: None for i in chosen})
            counts.append((kept, len(queries)))
    assert counts[0] == counts[2]  # worked out
    assert counts[1] == counts[3] == (True, 1)  # kept: one query


def test_a_kept_summary_is_read_back_in_one_query(db):
    indicator = series_indicator("SPC1", RISEN, spc_baseline=12)
    first = spc_summaries([indicator], LAST)
    assert StoredSpcSummary.objects.filter(indicator=indicator, period=LAST.end).exists()
    with CaptureQueriesContext(connection) as queries:
        assert spc_summaries([indicator], LAST) == first
    assert len(queries) == 1


@pytest.mark.parametrize(
    "write",
    [
        # an actual changed, added or removed, by SQL that no service sees
        ("UPDATE scorecard_actual SET value = 11 WHERE indicator_id = %s AND period = %s"),
        ("DELETE FROM scorecard_actual WHERE indicator_id = %s AND period = %s"),
    ],
)
def test_a_write_to_the_series_makes_the_kept_summary_stale(db, write):
    indicator = series_indicator("SPC1", RISEN, spc_baseline=12)
    assert _icons(indicator)[0] is Variation.IMPROVEMENT_HIGH
    _raw(write, [indicator.pk, LAST.end])
    assert _icons(indicator)[0] is not Variation.IMPROVEMENT_HIGH


def test_a_new_actual_makes_the_kept_summary_stale(db):
    indicator = series_indicator("SPC1", ALTERNATING, spc_baseline=12)
    assert _icons(indicator)[0] is Variation.COMMON_CAUSE
    _raw(
        "INSERT INTO scorecard_actual (indicator_id, period, value, provisional, source, "
        "source_ref, set_at) VALUES (%s, %s, 20, %s, 'form', '', %s)",
        [indicator.pk, LAST.end, False, timezone.now()],
    )
    assert _icons(indicator)[0] is Variation.IMPROVEMENT_HIGH


def test_a_target_write_makes_the_kept_assurance_stale(db):
    indicator = series_indicator("SPC1", RISEN, targets={LAST: 5}, spc_baseline=12)
    assert _icons(indicator)[1] is Assurance.PASS
    _raw("UPDATE scorecard_target SET value = 30 WHERE indicator_id = %s", [indicator.pk])
    assert _icons(indicator)[1] is Assurance.FAIL


def test_moving_an_actual_to_another_indicator_makes_both_stale(db):
    one = series_indicator("SPC1", RISEN, spc_baseline=12)
    other = series_indicator("SPC2", ALTERNATING, first=LAST.shift(-13), spc_baseline=12)
    spc_summaries([one, other], LAST)
    before = dict(SeriesVersion.objects.values_list("indicator_id", "version"))
    Actual.objects.filter(indicator=one, period=LAST.end).update(indicator=other)
    after = dict(SeriesVersion.objects.values_list("indicator_id", "version"))
    assert after[one.pk] > before.get(one.pk, 0)
    assert after[other.pk] > before.get(other.pk, 0)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("polarity", "smaller", (Variation.CONCERN_HIGH, Assurance.FAIL)),
        ("spc_baseline", None, (Variation.IMPROVEMENT_HIGH, Assurance.PASS)),
        ("cumulative", True, (Variation.IMPROVEMENT_HIGH, Assurance.PASS)),
    ],
)
def test_a_change_to_the_indicator_makes_the_kept_summary_stale(db, field, value, expected):
    indicator = series_indicator("SPC1", RISEN, targets={LAST: 5}, spc_baseline=12)
    _icons(indicator)
    Indicator.objects.filter(pk=indicator.pk).update(**{field: value})
    indicator.refresh_from_db()
    assert _icons(indicator) == expected
    kept = StoredSpcSummary.objects.get(indicator=indicator, period=LAST.end)
    assert getattr(kept, field.removeprefix("spc_")) == value


def test_deleting_an_indicator_with_kept_summaries(db):
    indicator = series_indicator("SPC1", RISEN)
    spc_summaries([indicator], LAST)
    indicator.delete()
    assert not StoredSpcSummary.objects.exists()


def test_the_charts_of_many_indicators_match_each_indicators_own(db):
    chosen = [series_indicator(f"S{n}", RISEN[n:] + RISEN[:n]) for n in range(3)]
    charts = spc_charts(chosen, None)
    for indicator in chosen:
        assert charts[indicator.pk] == indicator_spc(indicator)


values = st.lists(
    st.decimals(min_value=-100, max_value=100, places=2, allow_nan=False),
    min_size=0,
    max_size=30,
)


class TestKeptAgreesWithAnalysis(TestCase):
    """Worked out from the series as text, kept, read back: always the whole analysis' icons
    (each example runs in a transaction that is rolled back)."""

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(values, st.sampled_from(["bigger", "smaller", "none"]), st.booleans())
    def test_kept_icons_agree(self, numbers, polarity, fixed):
        baseline = 12 if fixed and len(numbers) >= 12 else None
        indicator = series_indicator(
            "H1",
            numbers,
            polarity=polarity,
            targets={months(1)[0]: Decimal("3.5")},
            spc_baseline=baseline,
        )
        month = months(max(len(numbers), 1))[-1]
        chart = indicator_spc(indicator, month=month)
        for _ in ("worked out", "kept"):
            found = spc_summaries([indicator], month)[indicator.pk]
            assert (found.variation, found.assurance, found.points) == (
                chart.analysis.variation,
                chart.analysis.assurance,
                len(numbers),
            )
