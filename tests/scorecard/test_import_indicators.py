from decimal import Decimal

import pytest

from boardpack.core.problems import ImportFailed
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.scorecard.models import Indicator

HEADER = (
    "Code,Title,Director,Service,Owner,Polarity,Unit,Decimals,Frequency,Cumulative,"
    "Tolerance,Better_Tolerance,Tags,Definition\n"
)
LAC = (
    "2042SC,LAC per 10000 population aged under 18,Director of Children's Services,"
    "Looked After Children,Head of LAC Service,Smaller is Better,Number per 10000,2,"
    "quarterly,no,2%,0.5,CBP;CYPP,Children looked after per 10000\n"
)


def _import(text: str, name: str = "indicators.csv"):
    return run_import("indicators", Source.file(name, text.encode()), user=None)


def _errors(text: str) -> list[str]:
    with pytest.raises(ImportFailed) as failure:
        _import(text)
    return [str(e) for e in failure.value.errors]


@pytest.mark.django_db
def test_it_creates_an_indicator_with_every_field():
    report = _import(HEADER + LAC)
    indicator = Indicator.objects.get(code="2042SC")
    assert (report.created, report.updated, report.unchanged) == (1, 0, 0)
    assert indicator.polarity == "smaller"
    assert indicator.unit == "per 10,000"
    assert indicator.decimals == 2
    assert indicator.frequency == "quarterly"
    assert indicator.cumulative is False
    assert (indicator.worse_tolerance, indicator.worse_tolerance_relative) == (Decimal(2), True)
    assert (indicator.better_tolerance, indicator.better_tolerance_relative) == (
        Decimal("0.5"),
        False,
    )
    assert sorted(indicator.tags.values_list("code", flat=True)) == ["CBP", "CYPP"]
    assert indicator.directorate.name == "Director of Children's Services"
    assert indicator.service.parent == indicator.directorate
    assert indicator.owner.name == "Head of LAC Service"
    assert indicator.data_source == "imported"


@pytest.mark.django_db
def test_reimporting_the_same_file_changes_nothing():
    _import(HEADER + LAC)
    history_before = Indicator.history.count()
    report = _import(HEADER + LAC)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    assert Indicator.history.count() == history_before


@pytest.mark.django_db
def test_a_changed_row_updates_the_indicator_and_keeps_its_history():
    _import(HEADER + LAC)
    report = _import(HEADER + LAC.replace(",2%,", ",3%,"))
    assert report.updated == 1
    indicator = Indicator.objects.get(code="2042SC")
    assert indicator.worse_tolerance == Decimal(3)
    history = [h.worse_tolerance for h in indicator.history.order_by("history_date")]
    assert list(dict.fromkeys(history)) == [Decimal(2), Decimal(3)]


@pytest.mark.django_db
def test_every_bad_row_is_reported_and_nothing_is_written():
    bad = (
        HEADER
        + LAC
        + ",No code,Dir,,,bigger,%,1,monthly,no,,,,\n"
        + "X1,Title,Dir,,,sideways,%,1,monthly,no,,,,\n"
        + "X2,Title,Dir,,,bigger,furlongs,9,weekly,maybe,two,,,\n"
        + LAC
    )
    errors = _errors(bad)
    assert errors == [
        "indicators.csv, row 3, column 'code': is required",
        "indicators.csv, row 4, column 'polarity': 'sideways' is not a polarity: use one of "
        "bigger, bigger is better, none, smaller, smaller is better",
        "indicators.csv, row 5, column 'unit': 'furlongs' is not a unit: use one of %, days, "
        "number, number per 10,000, number per 10000, per 10,000, per 10000, percent, "
        "percentage, rate per 10,000, ratio",
        "indicators.csv, row 5, column 'decimals': '9' is not a number of decimal places "
        "from 0 to 6",
        "indicators.csv, row 5, column 'frequency': 'weekly' is not a frequency: use one of "
        "annual, monthly, quarterly",
        "indicators.csv, row 5, column 'cumulative': 'maybe' is not a yes or no: use one of "
        "0, 1, false, n, no, true, y, yes",
        "indicators.csv, row 5, column 'tolerance': 'two' is not a tolerance: write 2% or 0.5",
        "indicators.csv, row 6, column 'code': code already given in row 2",
    ]
    assert not Indicator.objects.exists()


@pytest.mark.django_db
def test_missing_and_unknown_columns_are_named():
    errors = _errors("code,title,colour\nA,B,red\n")
    assert "indicators.csv, row 1, column 'director': is a required column and is missing" in (
        errors
    )
    assert any("column 'colour': is not a column of this file" in e for e in errors)


@pytest.mark.django_db
def test_a_milestone_needs_a_due_date_and_a_measure_takes_none():
    errors = _errors(
        "code,title,director,polarity,type,due,completed\n"
        "M1,Plan done,Dir,none,milestone,,\n"
        "M2,Plan done,Dir,none,milestone,31/04/2012,\n"
        "A1,Measure,Dir,bigger,,2012-04-30,\n"
    )
    assert errors == [
        "indicators.csv, row 2, column 'due': is required for a milestone",
        "indicators.csv, row 3, column 'due': '31/04/2012' is not a date that exists "
        "(day is out of range for month)",
        "indicators.csv, row 4, column 'due': is only for milestones (set type to milestone)",
    ]


@pytest.mark.django_db
def test_it_reads_xlsx_like_csv(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for line in (HEADER + LAC).splitlines():
        sheet.append(line.split(","))
    sheet["H2"] = 2
    path = tmp_path / "indicators.xlsx"
    workbook.save(path)
    report = run_import("indicators", Source.file(path.name, path.read_bytes()), user=None)
    assert report.created == 1
    assert Indicator.objects.get().decimals == 2
