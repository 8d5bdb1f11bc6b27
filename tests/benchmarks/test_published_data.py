"""The whole of the published LAIT data (src/boardpack/demo/seed/lait), imported once for this
module: nothing is skipped without being listed, and figures on the indicator page and from
`boardpack benchmark` match the source rows, read here straight from the parquet file."""

import io
import json
import re
import statistics
from decimal import Decimal

import duckdb
import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from boardpack.benchmarks.models import (
    Area,
    BenchmarkImport,
    Measure,
    NeighbourSet,
    PublishedValue,
)
from boardpack.demo.benchmarks import DEMO_LINKS, LAIT_DIR, link_demo_indicators
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.scorecard.models import Indicator

PARQUET = LAIT_DIR / "bds_long_0.parquet"


@pytest.fixture(scope="module")
def lait(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        report = run_import("benchmarks", Source.at(LAIT_DIR), user=None)
    yield report
    with django_db_blocker.unblock():
        PublishedValue.objects.all().delete()
        NeighbourSet.objects.all().delete()
        Area.objects.all().delete()
        Measure.objects.all().delete()
        BenchmarkImport.objects.all().delete()


def source(code: str, year: str) -> dict[int, str]:
    """Area number → the published text, from the parquet file itself."""
    rows = duckdb.sql(
        f"""SELECT CAST("LA Number" AS INTEGER), "Values" FROM '{PARQUET}'
            WHERE "Short Desc" = ? AND "Years" = ?""",
        params=[code, year],
    ).fetchall()
    return dict(rows)


def test_every_row_is_loaded_or_listed(lait, db):
    files = {f.file: f for f in lait.files}
    figures = files["bds_long_0.parquet"]
    assert figures.rows == 641_070
    assert PublishedValue.objects.count() == figures.created == 640_900
    assert "not loaded: 170 rows of CINPermExclusion (rows 175611–175780) with year '0'" in str(
        lait
    )
    assert "547,187 figures; 93,883 suppressed or missing ('-' 93,883)" in str(lait)
    assert files["lait_data_dictionary.csv"].rows == 448
    assert Measure.objects.count() == 434 == files["lait_data_dictionary.csv"].created
    assert Area.objects.count() == 171
    assert NeighbourSet.objects.filter(year=2025).count() == 158
    assert lait.not_read == ["README.md (not a benchmarks file: no known columns)"]


@pytest.fixture
def demo_links(lait, demo_data):
    assert link_demo_indicators() == len(DEMO_LINKS)


def _cells(html: str, year: str) -> dict[str, str]:
    row = re.search(rf'data-year="{re.escape(year)}">(.*?)</tr>', html, re.S)
    assert row
    return {
        k: re.sub(r"<[^>]+>", "", v).strip()
        for k, v in re.findall(r'data-cell="(\w+)">(.*?)</td>', row[1], re.S)
    }


def _rank_and_band(code: str, year: str, number: int, bigger: bool) -> tuple[int, str]:
    """Computed here from the source rows, independently of Boardpack's rules."""
    figures = {n: float(v) for n, v in source(code, year).items() if n < 970 and v != "-"}
    own = figures[number]
    better = sum(1 for v in figures.values() if (v > own if bigger else v < own))
    q25, q50, q75 = statistics.quantiles(figures.values(), n=4, method="inclusive")
    quarter = sum(own > cut for cut in (q25, q50, q75))
    return better + 1, "DCBA"[quarter] if bigger else "ABCD"[quarter]


@pytest.mark.parametrize(
    ("code", "measure", "year", "bigger"),
    [
        ("2042SC", "LAC", "2024", False),
        ("NI065", "PrevRegCPR", "2016", False),
        ("2023SC", "CPP_rate", "2025", False),
        ("NI147", "CareLeaverAcc", "2021", True),
    ],
)
def test_the_indicator_page_shows_the_published_figures(
    client, viewer, demo_links, code, measure, year, bigger
):
    client.force_login(viewer)
    page = client.get(reverse("indicator", args=[Indicator.objects.get(code=code).pk]))
    cells = _cells(page.content.decode(), year)
    published = source(measure, year)
    for cell, number in (("value", 888), ("england", 970), ("region", 981)):
        assert Decimal(cells[cell]) == Decimal(published[number]).quantize(Decimal(cells[cell]))
    rank, band = _rank_and_band(measure, year, 888, bigger)
    ranked_of = sum(1 for n, v in published.items() if n < 970 and v != "-")
    assert cells["rank"] == f"{rank} of {ranked_of}"
    assert cells["band"] == f"Quartile {band}"


def test_lancashires_looked_after_rate_in_2024(client, viewer, demo_links):
    client.force_login(viewer)
    page = client.get(reverse("indicator", args=[Indicator.objects.get(code="2042SC").pk]))
    assert _cells(page.content.decode(), "2024") == {
        "value": "68",
        "england": "69",
        "region": "94",
        "neighbours": "90.9",
        "counted": "10 of 10",
        "rank": "74 of 152",
        "band": "Quartile B",
    }


def test_the_neighbours_mean_is_the_mean_of_the_ten_in_the_file(db, lait):
    book = load_workbook(LAIT_DIR / "sn_may_2025.xlsx", read_only=True)
    row = next(r for r in book.worksheets[0].iter_rows(values_only=True) if r[0] == 888)
    members = [int(row[i]) for i in range(5, 25, 2)]
    published = source("LAC", "2024")
    expected = statistics.mean(int(published[m]) for m in members)
    out = io.StringIO()
    call_command("benchmark", "--measure", "LAC", "--year", "2024", "--format", "json", stdout=out)
    row = json.loads(out.getvalue())[0]
    assert row["neighbours_mean"] == pytest.approx(expected)
    assert (row["value"], row["england"], row["region"]) == (68, 69, 94)
