"""The indicator page's panel "Calculated from child-level data": the provenance of the latest
calculated actual of the year shown, in a fixed number of queries."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from boardpack.calc.engine import Result
from boardpack.calc.periods import Period
from boardpack.calculated_indicators.models import Calculation, MeasureLink
from boardpack.calculated_indicators.panel import provenance_panel
from boardpack.calculated_indicators.services import calculation_record
from boardpack.core.periods import Month
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.services import ValueEntry, values_record

INPUTS = {"ssda903/2024/episodes.csv": "ab" * 32, "population.csv": "cd" * 32}


def _indicator(code: str = "NI062") -> Indicator:
    return Indicator.objects.get(code=code)


def _calculate(month: Month, numerator: int, denominator: int = 200) -> None:
    value = (Decimal(numerator) * 100 / denominator).quantize(Decimal("0.01"))
    period = Period(month)
    result = Result("placements_3plus", period, numerator, denominator, value, "percent", True)
    calculation_record(
        results=[result],
        period=period,
        inputs=INPUTS,
        engine_version="boardpack 0.1.0, rules 0123456789ab",
        command="boardpack calc run --ssda903 903 --period " + month.key + " --write",
        user=None,
    )


def _page(client, user, code="NI062", query="") -> str:
    client.force_login(user)
    response = client.get(reverse("indicator", args=[_indicator(code).pk]) + query)
    assert response.status_code == 200
    return response.content.decode()


def test_an_indicator_never_calculated_has_no_panel(client, viewer, demo_data):
    assert "Calculated from child-level data" not in _page(client, viewer)


def test_the_panel_shows_the_latest_calculated_value_and_its_provenance(client, viewer, demo_data):
    MeasureLink.objects.create(indicator=_indicator(), measure_id="placements_3plus")
    _calculate(Month(2024, 2), 20)
    _calculate(Month(2024, 3), 25)
    html = _page(client, viewer, query="?year=2023")
    assert "Calculated from child-level data" in html
    assert 'data-calculated="placements_3plus"' in html
    assert "12.50% for Mar 2024" in html
    assert "25 / 200" in html
    assert "2023/24 (year to 31 March 2024): 1 April 2023 to 31 March 2024" in html
    assert "boardpack 0.1.0, rules 0123456789ab" in html
    assert "ssda903/2024/episodes.csv: <code>abababababab</code>" in html
    assert "ab" * 32 not in html  # hashes are shortened
    assert "boardpack calc run --ssda903 903 --period 2024-03 --write" in html
    assert "has been changed since" not in html
    assert "Calculated indicators and their measures" not in html  # for officers only


def test_an_officer_gets_the_way_to_the_links_page(client, officer, demo_data):
    MeasureLink.objects.create(indicator=_indicator(), measure_id="placements_3plus")
    assert reverse("calculated-links") in _page(client, officer)


def test_a_linked_indicator_without_a_value_this_year_says_so(client, viewer, demo_data):
    MeasureLink.objects.create(indicator=_indicator(), measure_id="placements_3plus")
    html = _page(client, viewer)
    assert "no value has been calculated for" in html
    assert 'data-calculated="none"' in html


def test_an_actual_changed_after_the_calculation_is_pointed_out(client, viewer, demo_data):
    link = MeasureLink.objects.create(indicator=_indicator(), measure_id="placements_3plus")
    _calculate(Month(2024, 3), 25)
    link.delete()
    values_record(
        entries=[ValueEntry("NI062", Month(2024, 3), Decimal("11"), None, False)],
        user=None,
        source="form",
        source_ref="",
    )
    html = _page(client, viewer, query="?year=2023")
    assert "The actual stored for that month has been changed since: it is 11.00%" in html
    assert "no longer linked to a measure" in html


def test_the_panel_takes_two_queries_however_many_calculations(
    client, viewer, demo_data, django_assert_num_queries
):
    MeasureLink.objects.create(indicator=_indicator(), measure_id="placements_3plus")
    _calculate(Month(2024, 3), 25)
    client.force_login(viewer)
    url = reverse("indicator", args=[_indicator().pk]) + "?year=2023"
    client.get(url)  # once first: a page after new actuals also keeps their SPC icons
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for month in range(4, 12):
        _calculate(Month(2023, month), month)
    _calculate(Month(2024, 3), 25)  # run again: the latest calculation is shown
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    latest = Calculation.objects.first()
    assert f"(calculation {latest.pk})" in html
    assert len(one) == len(many)
    indicator = _indicator()
    with django_assert_num_queries(2):
        provenance_panel(indicator, 2023)
