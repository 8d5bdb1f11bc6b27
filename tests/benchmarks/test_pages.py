"""The benchmarks page (everyone signed in reads; officers link and unlink), the indicator
page's benchmark panel and the scorecard's quartile filter, on the hand-made figures."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from boardpack.benchmarks.models import IndicatorLink, NeighbourSet
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.scorecard.models import Indicator
from tests.benchmarks.conftest import link
from tests.benchmarks.files import write_neighbours
from tests.pages import rows, text


def _indicator(client, user, code):
    client.force_login(user)
    response = client.get(reverse("indicator", args=[Indicator.objects.get(code=code).pk]))
    assert response.status_code == 200
    return response.content.decode()


def _year_cells(html: str, year: str) -> dict[str, str]:
    row = dict(rows(html, "data-year")).get(year)
    assert row, f"no row for {year}"
    return {
        name: re.sub(r"<[^>]+>", "", cell).strip()
        for name, cell in re.findall(r'data-cell="(\w+)">(.*?)</td>', row, re.S)
    }


def test_the_panel_compares_the_authority_with_england_region_and_neighbours(
    client, viewer, linked
):
    html = _indicator(client, viewer, "2042SC")
    assert "RATE: Children looked after rate per 10,000" in html
    assert "Smaller is better (the indicator's: the published measure gives none)" in text(html)
    assert _year_cells(html, "2024") == {
        "value": "68",
        "england": "69",
        "region": "94",
        "neighbours": "70.5",
        "counted": "2 of 3",
        "rank": "2 of 4",
        "band": "Quartile B",
    }
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in html
    assert "Open Government Licence v3.0" in html


def test_a_suppressed_figure_shows_its_marker_and_a_zero_counts(client, viewer, linked):
    html = _indicator(client, viewer, "NI148")
    assert _year_cells(html, "2023/24") == {
        "value": "40.0",
        "england": "50.0",
        "region": "49.9",
        "neighbours": "27.8",
        "counted": "2 of 3",
        "rank": "3 of 4",
        "band": "Quartile C",
    }


def test_each_year_uses_the_neighbour_groups_that_apply_to_it(client, viewer, linked, tmp_path):
    run_import(
        "benchmarks",
        Source.at(write_neighbours(tmp_path / "sn_2024.xlsx", {888: [891, 925]})),
        user=None,
    )
    html = _indicator(client, viewer, "2042SC")
    assert _year_cells(html, "2023")["neighbours"] == "74.0"  # 2020 groups: 88, c, 60
    assert _year_cells(html, "2024")["neighbours"] == "59.5"  # 2024 groups: 68, 51
    NeighbourSet.objects.filter(year=2020).delete()
    html = _indicator(client, viewer, "2042SC")
    assert _year_cells(html, "2023")["neighbours"] == "65.0"  # the earliest: 70, 60


def test_a_polarity_set_on_the_link_wins(client, viewer, linked):
    link("NI148", "PCT", "smaller")
    cells = _year_cells(_indicator(client, viewer, "NI148"), "2023/24")
    assert (cells["rank"], cells["band"]) == ("2 of 4", "Quartile B")


def test_without_polarity_there_is_no_rank_or_quartile(client, viewer, linked):
    link("2042SC", "RATE", "none")
    cells = _year_cells(_indicator(client, viewer, "2042SC"), "2024")
    assert (cells["rank"], cells["band"]) == ("", "")


def test_an_unlinked_indicator_says_so(client, viewer, linked):
    assert "This indicator is not linked to a published measure." in _indicator(
        client, viewer, "CS143"
    )


def test_the_panel_costs_a_fixed_number_of_queries(client, viewer, linked):
    client.force_login(viewer)
    url = reverse("indicator", args=[Indicator.objects.get(code="2042SC").pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    link("NI148", "PCT")
    with CaptureQueriesContext(connection) as again:
        client.get(url)
    assert len(few) == len(again)


@pytest.mark.parametrize("role", ["officer", "owner", "viewer", "delegate"])
def test_everyone_signed_in_reads_the_benchmarks_page(client, request, role, linked):
    client.force_login(request.getfixturevalue(role))
    html = client.get(reverse("benchmarks")).content.decode()
    assert 'data-code="2042SC"' in html
    assert "888 Lancashire" in html
    assert ("Save link" in html) is (role == "officer")


def test_a_visitor_must_sign_in(client, linked):
    assert client.get(reverse("benchmarks")).status_code == 302


@pytest.mark.parametrize("role", ["owner", "viewer", "delegate"])
def test_only_officers_link_and_unlink(client, request, role, linked):
    client.force_login(request.getfixturevalue(role))
    data = {"indicator": "CS143", "measure": "LOWP", "polarity": ""}
    assert client.post(reverse("benchmark-link-save"), data).status_code == 403
    indicator = Indicator.objects.get(code="2042SC")
    assert client.post(reverse("benchmark-link-remove", args=[indicator.pk])).status_code == 403
    assert IndicatorLink.objects.count() == 3


def test_an_officer_links_an_indicator_and_history_says_who(client, officer, linked):
    client.force_login(officer)
    data = {"indicator": "CS143", "measure": "LOWP", "polarity": "bigger"}
    response = client.post(reverse("benchmark-link-save"), data)
    assert response.status_code == 302
    saved = IndicatorLink.objects.get(indicator__code="CS143")
    assert (saved.measure.code, saved.polarity) == ("LOWP", "bigger")
    assert saved.history.get().history_user == officer


def test_an_officer_unlinks_an_indicator(client, officer, linked):
    client.force_login(officer)
    indicator = Indicator.objects.get(code="2042SC")
    client.post(reverse("benchmark-link-remove", args=[indicator.pk]))
    assert not IndicatorLink.objects.filter(indicator=indicator).exists()
    html = client.get(reverse("benchmarks")).content.decode()
    assert 'data-measure="RATE"' in html


def test_a_bad_link_is_refused_with_a_message(client, officer, linked):
    client.force_login(officer)
    response = client.post(
        reverse("benchmark-link-save"), {"indicator": "CS143", "measure": "NOPE"}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_the_page_lists_published_measures_not_yet_linked(client, viewer, loaded, demo_data):
    link("2042SC", "RATE")
    client.force_login(viewer)
    html = client.get(reverse("benchmarks")).content.decode()
    assert re.findall(r'data-measure="([^"]+)"', html) == ["LOWP", "PCT"]
    html = client.get(reverse("benchmarks") + "?topic=Outcomes").content.decode()
    assert re.findall(r'data-measure="([^"]+)"', html) == ["PCT"]
    html = client.get(reverse("benchmarks") + "?q=repeat").content.decode()
    assert re.findall(r'data-measure="([^"]+)"', html) == ["LOWP"]


@pytest.mark.parametrize(
    ("quartile", "codes"), [("A", ["NI065"]), ("B", ["2042SC"]), ("C", ["NI148"]), ("D", [])]
)
def test_the_scorecard_filters_by_the_latest_quartile(client, viewer, linked, quartile, codes):
    client.force_login(viewer)
    html = client.get(reverse("home") + f"?quartile={quartile}").content.decode()
    assert sorted(code for code, _ in rows(html, "data-code")) == codes


def test_the_scorecard_without_the_filter_shows_every_indicator(client, viewer, linked):
    client.force_login(viewer)
    html = client.get(reverse("home")).content.decode()
    assert len(rows(html, "data-code")) == 33
    assert 'name="quartile"' in html
