"""Calculated beside published (reports.reconcile): the calculated-indicators page and
`boardpack calc run --format json` show, for this authority, the figure the DfE published for
the same year beside the calculated one, with the difference; "no published figure" when there
is none; a suppression marker as the marker, never as a number."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from boardpack.benchmarks.models import Area, BenchmarkImport, Measure, PublishedValue
from boardpack.calc.engine import MEASURES
from boardpack.calculated_indicators.models import CalculatedValue, Calculation, MeasureLink
from boardpack.scorecard.models import Indicator
from tests.calculated_indicators.conftest import calc, run_json, sources

AUTHORITY = 777
OTHER = 778


@pytest.fixture
def published(db, settings):
    """This authority (777) and another, and a few published figures built by hand: numbers,
    a suppressed one ('c'), and the other authority's, which must never be shown."""
    settings.BOARDPACK_AUTHORITY_NUMBER = AUTHORITY
    imported = BenchmarkImport.objects.create(at=timezone.now(), files="test")
    ours = Area.objects.create(number=AUTHORITY, name="Ourshire", kind=Area.Kind.AUTHORITY)
    theirs = Area.objects.create(number=OTHER, name="Othershire", kind=Area.Kind.AUTHORITY)

    def figure(code: str, year: str, area: Area, value: str | None, marker: str = "") -> None:
        measure, _ = Measure.objects.get_or_create(code=code, defaults={"name": code})
        PublishedValue.objects.create(
            measure=measure,
            area=area,
            year=year,
            year_start=int(year),
            year_end=int(year),
            value=Decimal(value) if value is not None else None,
            marker=marker,
            imported=imported,
        )

    return figure, ours, theirs


# -- boardpack calc run --format json -----------------------------------------------------------


def test_the_json_gives_the_published_figure_and_the_difference(returns, published):
    figure, ours, theirs = published
    computed = run_json(*sources(returns))
    looked_after = computed["cla_count"]["value"]
    figure("LACnum", "2024", ours, str(int(looked_after) - 3))
    figure("LACnum", "2024", theirs, "99999")
    figure("LACnum", "2023", ours, "1")  # another year: not the one beside 2024
    figure("CareLeaverEET", "2024", ours, None, "c")
    found = run_json(*sources(returns))
    assert found["cla_count"]["published"] == {
        "measure": "LACnum",
        "year": "2024",
        "value": looked_after - 3,
        "marker": None,
        "difference": 3.0,
        "note": "",
    }
    suppressed = found["care_leavers_eet"]["published"]
    assert (suppressed["value"], suppressed["marker"], suppressed["difference"]) == (
        None,
        "c",
        None,
    )
    missing = found["assessments_45wd"]["published"]
    assert missing["measure"] == "Continue_Assess_Comp"
    assert (missing["value"], missing["difference"]) == (None, None)
    assert missing["note"] == "no published figure for 2024"
    local = found["assessments_45wd_from_referral"]["published"]
    assert (local["measure"], local["note"]) == (None, "no published equivalent")


def test_every_measure_s_row_has_its_published_equivalent(returns, published):
    found = run_json(*sources(returns))
    assert {m: row["published"]["measure"] for m, row in found.items()} == {
        m.id: m.lait for m in MEASURES.values()
    }


def test_a_rolling_period_has_no_published_figure_to_stand_beside(returns, published):
    figure, ours, _ = published
    figure("LACnum", "2024", ours, "100")
    rows = calc("run", *sources(returns), "--period", "2024-02", "--format", "json")
    assert '"note": "no published figure: the DfE publishes years to 31 March"' in rows


def test_without_the_published_figures_the_json_says_so(returns, db):
    found = run_json(*sources(returns))
    assert found["cla_rate"]["published"]["note"] == (
        "no published figure: this authority's published figures are not imported"
    )


# -- the calculated-indicators page -------------------------------------------------------------


def _calculated(code: str, measure_id: str, value: str, month: date) -> None:
    indicator = Indicator.objects.get(code=code)
    MeasureLink.objects.update_or_create(indicator=indicator, defaults={"measure_id": measure_id})
    run = Calculation.objects.create(
        at=timezone.make_aware(datetime(2024, 5, 1, 9)),
        period_start=date(2023, 4, 1),
        period_end=month,
        engine_version="test",
        inputs={},
        command="test",
    )
    CalculatedValue.objects.create(
        calculation=run,
        indicator=indicator,
        month=month,
        measure_id=measure_id,
        numerator=1,
        denominator=8,
        value=Decimal(value),
    )


def _cells(html: str, code: str) -> str:
    start = html.index(f'data-code="{code}"')
    return html[start : html.index("</tr>", start)]


def test_the_page_shows_calculated_published_and_the_difference(
    client, officer, demo_data, published
):
    figure, ours, theirs = published
    figure("LACStable_2016on", "2024", ours, "11")
    figure("LACStable_2016on", "2024", theirs, "40")
    figure("CareLeaverEET", "2024", ours, None, "c")
    _calculated("NI062", "placements_3plus", "12.50", date(2024, 3, 31))
    _calculated("NI148", "care_leavers_eet", "47.06", date(2024, 3, 31))
    _calculated("NI063", "long_term_stability", "70.00", date(2024, 3, 31))
    _calculated("NI065", "cpp_repeat", "20.00", date(2024, 6, 30))
    client.force_login(officer)
    html = client.get(reverse("calculated-links")).content.decode()
    stability = _cells(html, "NI062")
    assert "12.50%" in stability
    assert "<code>LACStable_2016on</code> 2024: 11<" in stability
    assert 'data-cell="difference">+1.50<' in stability
    suppressed = _cells(html, "NI148")
    assert "<code>CareLeaverEET</code> 2024: &#x27;c&#x27;: suppressed" in suppressed
    assert 'data-cell="difference">–<' in suppressed
    missing = _cells(html, "NI063")
    assert "<code>LAC_LongStable%</code>: no published figure for 2024" in missing
    rolling = _cells(html, "NI065")
    assert "no published figure: the DfE publishes years to 31 March" in rolling


def test_the_page_s_comparison_takes_the_same_queries_however_many_values(
    client, officer, demo_data, published
):
    figure, ours, _ = published
    figure("LACStable_2016on", "2024", ours, "11")
    client.force_login(officer)
    _calculated("NI062", "placements_3plus", "12.50", date(2024, 3, 31))
    client.get(reverse("calculated-links"))  # once first: pages after writes keep what they read
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("calculated-links"))
    _calculated("NI148", "care_leavers_eet", "47.06", date(2024, 3, 31))
    _calculated("NI063", "long_term_stability", "70.00", date(2024, 3, 31))
    client.get(reverse("calculated-links"))
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("calculated-links"))
    assert len(few) == len(many)
