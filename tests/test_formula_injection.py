"""Every CSV and Excel export writes text a person typed so that no spreadsheet runs it: in CSV
a cell beginning with = + - @, a tab or a carriage return is prefixed with a single quote; in
XLSX it is a string cell, never a formula. Numbers, negative ones too, stay numbers.

The two formulas go in through commentary, indicator titles and plan progress (imported in a
tracker and added on the action's page) and are looked for in every export that shows them."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.cache import caches
from django.core.management import call_command
from openpyxl import load_workbook

from boardpack.core.periods import Month
from boardpack.lib.spreadsheets import FORMULA_STARTS, NUMBER, csv_cell
from boardpack.plans.exports import plan_xlsx
from boardpack.reports.builders.delivery_plan import PlanReportQuery, build_delivery_plan
from boardpack.reports.builders.quarterly import QuarterlyQuery, build_quarterly
from boardpack.reports.render.xlsx import render_xlsx
from boardpack.scorecard.models import Actual
from boardpack.scorecard.selectors import current_scheme
from tests.hostile_text import DDE, HYPERLINK, MONTH_END, plant

FORMULAS = (HYPERLINK, DDE)


@pytest.fixture
def planted(demo_data, officer):
    caches["api"].clear()
    Actual.objects.filter(indicator__code="2042SC", period=MONTH_END).update(value=Decimal("-2.5"))
    return plant(FORMULAS, officer)


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


def _inert_csv(text: str) -> list[str]:
    """The CSV's cells, having checked that none would run: each that begins like a formula is
    a plain number."""
    cells = _csv_cells(text)
    running = [c for c in cells if c.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(c)]
    assert running == []
    return cells


def _inert_xlsx(data: bytes) -> list[object]:
    """The workbook's values, having checked that no cell is a formula."""
    workbook = load_workbook(io.BytesIO(data))
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    return [cell.value for cell in cells]


def _shows(values: list[object], text: str) -> bool:
    return any(isinstance(v, str) and text in v for v in values)


def test_the_helper_prefixes_formulas_and_leaves_numbers_alone():
    assert [csv_cell(t) for t in ("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tx", "\rx")] == [
        "'=1+1",
        "'+1+1",
        "'-1+1",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
    ]
    assert [csv_cell(t) for t in ("-2.5", "+3", "-1e3", "12", "a=b", "", 7)] == [
        "-2.5",
        "+3",
        "-1e3",
        "12",
        "a=b",
        "",
        7,
    ]


def test_the_scorecard_csv_quotes_the_formulas_and_keeps_numbers(client, officer, planted):
    client.force_login(officer)
    text = client.get("/scorecard/export.csv?period=2012-06").content.decode("utf-8-sig")
    cells = _inert_csv(text)
    for formula in FORMULAS:
        assert cells.count("'" + formula) == 1  # the title (the commentary column says "given")
    rows = list(csv.DictReader(io.StringIO(text)))
    lac = next(r for r in rows if r["code"] == "2042SC")
    assert (lac["title"], lac["actual"]) == ("'" + HYPERLINK, "-2.50")


def test_the_scorecard_xlsx_writes_the_formulas_as_text_and_numbers_as_numbers(
    client, officer, planted
):
    client.force_login(officer)
    data = client.get("/scorecard/export.xlsx?period=2012-06").content
    values = _inert_xlsx(data)
    for formula in FORMULAS:
        assert values.count(formula) == 1  # the title
    sheet = load_workbook(io.BytesIO(data)).active
    header = [c.value for c in sheet[1]]
    lac = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "2042SC")
    actual = lac[header.index("actual")]
    assert (actual.value, actual.data_type) == (-2.5, "n")


def test_the_plan_xlsx_writes_imported_and_added_progress_as_text(planted):
    values = _inert_xlsx(plan_xlsx(planted.plan))
    assert HYPERLINK in values  # the first action's imported progress, as written
    assert DDE in values  # the second's
    assert f"01.07.19 - {DDE}" in values  # the entry added on the third's page


def test_the_reports_xlsx_write_the_formulas_as_text(planted):
    quarterly = build_quarterly(QuarterlyQuery(Month(2012, 6)), scheme=current_scheme())
    values = _inert_xlsx(render_xlsx(quarterly))
    for formula in FORMULAS:
        assert formula in values  # the comment's own cell
        assert _shows(values, f": {formula}")  # the block's "code: title"
    plan_report = _inert_xlsx(render_xlsx(build_delivery_plan(PlanReportQuery(planted.plan))))
    assert {HYPERLINK, DDE} <= set(plan_report)  # the actions' latest progress


def test_the_api_csv_quotes_the_formulas(client, officer, planted):
    client.force_login(officer)
    indicators = _inert_csv(client.get("/api/v1/indicators?format=csv").content.decode())
    assert {"'" + HYPERLINK, "'" + DDE} <= set(indicators)
    url = f"/api/v1/plans/{planted.plan.pk}/actions?format=csv"
    actions = _inert_csv(client.get(url).content.decode())
    assert {"'" + HYPERLINK, "'" + DDE} <= set(actions)  # the actions' latest progress


def test_the_status_command_csv_is_inert(planted, capsys):
    call_command("status", "--period", "2012-06", "--format", "csv")
    cells = _inert_csv(capsys.readouterr().out)
    assert "-2.50" in cells
