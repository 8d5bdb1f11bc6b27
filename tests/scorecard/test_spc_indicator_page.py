"""The indicator page's SPC chart: icons, the chart with its points shaped and coloured by
type, the limits and every point as a table; why there is none; the officer's baseline form."""

import re
import xml.etree.ElementTree as ET

from django.urls import reverse

from boardpack.core.periods import Month
from boardpack.scorecard.models import Indicator

from .spc_series import ALTERNATING, series_indicator

SVG = "{http://www.w3.org/2000/svg}"


def _html(client, user, indicator):
    client.force_login(user)
    response = client.get(reverse("indicator", args=[indicator.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _spc_section(html):
    return html.split('id="spc"')[1].split('<h2 class="govuk-heading-m"')[0]


def _risen():
    return series_indicator(
        "RISE", [*ALTERNATING, 20], targets={Month(2021, 4): 5}, spc_baseline=12, decimals=1
    )


def test_the_page_shows_the_icons_and_the_spc_chart(client, viewer, db):
    section = _spc_section(_html(client, viewer, _risen()))
    assert re.findall(r'data-spc="([a-z_]+)"', section) == ["improvement_high", "pass"]
    svg = re.search(r'<div class="bp-chart bp-chart--wide">(<svg.*?</svg>)', section, re.S)[1]
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "RISE: SPC chart of 13 points"
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "chart-legend")
    assert [t.text for t in legend.findall(f"{SVG}text")] == [
        "Actual",
        "Mean",
        "Process limits",
        "Near limits",
        "Common cause",
        "Improvement",
    ]
    tips = [t.text for t in root.iter(f"{SVG}title")][1:]
    assert tips[0] == "Actual, Apr 20: 10.0, common cause"
    assert tips[-1] == "Actual, Apr 21: 20.0, improvement (astronomical)"


def test_the_last_point_is_a_blue_triangle_the_others_grey_circles(client, viewer, db):
    section = _spc_section(_html(client, viewer, _risen()))
    svg = re.search(r'<div class="bp-chart bp-chart--wide">(<svg.*?</svg>)', section, re.S)[1]
    actual = next(g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("class") == "chart-series")
    shapes = [g[1] for g in actual.findall(f"{SVG}g")]
    assert [(s.tag.removeprefix(SVG), s.get("stroke")) for s in shapes[:-1]] == [
        ("circle", "#505a5f")
    ] * 12
    assert (shapes[-1].tag.removeprefix(SVG), shapes[-1].get("stroke")) == ("path", "#1d70b8")


def test_the_limits_and_every_point_are_tables(client, viewer, db):
    section = _spc_section(_html(client, viewer, _risen()))
    limits = dict(
        re.findall(
            r'<th scope="row" class="govuk-table__header">([^<]+)</th>\s*<td[^>]*>([^<]+)</td>',
            section.split("data-spc-points")[0],
        )
    )
    assert limits == {
        "Baseline": "The first 12 points (fixed)",
        "Mean": "11.0",
        "Upper process limit": "16.3",
        "Lower process limit": "5.7",
        "Upper near limit": "14.5",
        "Lower near limit": "7.5",
    }
    rows = re.findall(
        r'<tr[^>]*>\s*<th scope="row"[^>]*>([^<]+)</th>(.*?)</tr>',
        section.split("data-spc-points")[1],
        re.S,
    )
    assert len(rows) == 13
    cells = [re.findall(r"<td[^>]*>([^<]*)</td>", r[1]) for r in rows]
    assert [rows[0][0], *cells[0]] == ["Apr 20", "10.0", "Common cause", "–"]
    assert [rows[-1][0], *cells[-1]] == ["Apr 21", "20.0", "Improvement", "Astronomical"]


def test_with_fewer_than_twelve_points_the_page_says_why(client, viewer, demo_data):
    section = _spc_section(_html(client, viewer, Indicator.objects.get(code="2042SC")))
    assert "<svg" not in section
    reason = re.search(r"<p class=\"govuk-body\" data-spc-reason>(.*?)</p>", section)[1]
    assert reason == (
        "No SPC chart: 12 points are needed, and this indicator has 5 up to the end of 2012/13."
    )
    assert re.findall(r'data-spc="([a-z_]+)"', section) == ["none", "none"]


def test_an_officer_sees_the_baseline_form(client, officer, db):
    indicator = _risen()
    section = _spc_section(_html(client, officer, indicator))
    assert f'action="{reverse("spc-baseline", args=[indicator.pk])}"' in section
    assert 'value="12"' in section
    assert "Clear baseline" in section
    assert "Now: the first 12 points (fixed)." in section


def test_a_milestone_has_no_spc_section(client, viewer, db):
    milestone = series_indicator("M1", [], kind=Indicator.Kind.MILESTONE)
    assert 'id="spc"' not in _html(client, viewer, milestone)
