"""The scorecard's Variation and Assurance columns (on the page and in its CSV and XLSX
export), its count of special causes and the filter "Special cause only"; the cached page
follows the SPC baseline."""

import csv
import io
import re

from openpyxl import load_workbook

from boardpack.core.periods import Month
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.spc.services import indicator_set_spc_baseline

from .spc_series import ALTERNATING, series_indicator

LAST = Month(2021, 4)
URL = f"/?period={LAST.key}"


def _html(client, user, url=URL):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _cells(html, code):
    row = re.search(rf'data-code="{code}">(.*?)</tr>', html, re.S)[1]
    return [
        " ".join(re.sub("<[^>]+>", " ", c).split())
        for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]


def _spc(html, code):
    row = re.search(rf'data-code="{code}">(.*?)</tr>', html, re.S)[1]
    return re.findall(r'data-spc="([a-z_]+)"', row)


def _world():
    series_indicator("RISE", [*ALTERNATING, 20], targets={LAST: 5}, spc_baseline=12)
    series_indicator("FALL", [*ALTERNATING, 2], targets={LAST: 30}, spc_baseline=12)
    series_indicator("FLAT", [*ALTERNATING, 11], targets={LAST: 11})
    series_indicator("SHORT", ALTERNATING[:10], first=LAST.shift(-9))


def test_each_row_shows_its_variation_and_assurance_as_a_shape_and_a_text(client, viewer, db):
    _world()
    html = _html(client, viewer)
    headers = re.findall(r'<th scope="col" class="govuk-table__header">([A-Za-z ]+)</th>', html)
    assert headers[:2] == ["Variation", "Assurance"]
    assert _spc(html, "RISE") == ["improvement_high", "pass"]
    assert "▲ H Improvement (high)" in _cells(html, "RISE")
    assert "P Consistently passes target" in _cells(html, "RISE")
    assert _spc(html, "FALL") == ["concern_low", "fail"]
    assert "▼ L Concern (low)" in _cells(html, "FALL")
    assert _spc(html, "FLAT") == ["common_cause", "hit_and_miss"]
    assert "? Hit and miss" in _cells(html, "FLAT")
    assert _spc(html, "SHORT") == ["none", "none"]
    assert _cells(html, "SHORT").count("– 12 points are needed") == 2


def test_the_icons_carry_making_data_counts_colours_not_rag(client, viewer, db):
    _world()
    html = _html(client, viewer)
    row = re.search(r'data-code="RISE">(.*?)</tr>', html, re.S)[1]
    assert 'class="govuk-tag bp-spc bp-spc--improvement" data-spc="improvement_high"' in row
    fall = re.search(r'data-code="FALL">(.*?)</tr>', html, re.S)[1]
    assert "bp-spc--concern" in fall


def test_the_page_counts_the_special_causes(client, viewer, db):
    _world()
    html = _html(client, viewer)
    count = re.search(r"Special cause variation \(SPC\): <strong>(\d+)</strong>", html)[1]
    assert count == "2"


def test_special_cause_only_keeps_the_rows_whose_last_point_is_special(client, viewer, db):
    _world()
    html = _html(client, viewer, f"{URL}&variation=special-cause")
    assert sorted(re.findall(r'data-code="([^"]+)"', html)) == ["FALL", "RISE"]
    assert re.search(r"Special cause variation \(SPC\): <strong>2</strong>", html)


def test_the_filter_offers_special_cause_only(client, viewer, db):
    _world()
    html = _html(client, viewer)
    assert re.search(
        r'<label class="govuk-label" for="id_variation">\s*Variation \(SPC\)\s*</label>', html
    )
    assert '<option value="special-cause">Special cause only</option>' in html


def test_the_cached_page_follows_the_spc_baseline(client, viewer, officer, db):
    # 17 is beyond 16.32, the limit of the first 12 points, but not of all 13 (17.45).
    series_indicator("BASE", [*ALTERNATING, 17])
    assert _spc(_html(client, viewer), "BASE")[0] == "common_cause"
    indicator_set_spc_baseline(
        indicator=Indicator.objects.get(code="BASE"), baseline=12, user=officer
    )
    assert _spc(_html(client, viewer), "BASE")[0] == "improvement_high"


def test_the_demo_scorecard_says_12_points_are_needed(client, viewer, demo_data):
    html = _html(client, viewer, "/")
    assert _spc(html, "2042SC") == ["none", "none"]
    assert "12 points are needed" in " ".join(_cells(html, "2042SC"))


def test_the_csv_export_carries_the_variation_and_assurance(client, viewer, db):
    _world()
    client.force_login(viewer)
    response = client.get(f"/scorecard/export.csv?period={LAST.key}")
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))}
    assert list(rows["RISE"])[-2:] == ["variation", "assurance"]
    assert (rows["RISE"]["variation"], rows["RISE"]["assurance"]) == (
        "Improvement (high)",
        "Consistently passes target",
    )
    assert (rows["FALL"]["variation"], rows["FALL"]["assurance"]) == (
        "Concern (low)",
        "Consistently fails target",
    )
    assert rows["SHORT"]["variation"] == "12 points are needed"


def test_the_xlsx_export_follows_the_special_cause_filter(client, viewer, db):
    _world()
    client.force_login(viewer)
    response = client.get(f"/scorecard/export.xlsx?period={LAST.key}&variation=special-cause")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    lines = sheet.iter_rows(min_row=2, values_only=True)
    records = [dict(zip(header, line, strict=True)) for line in lines]
    assert {(r["code"], r["variation"], r["assurance"]) for r in records} == {
        ("RISE", "Improvement (high)", "Consistently passes target"),
        ("FALL", "Concern (low)", "Consistently fails target"),
    }
