from datetime import date
from decimal import Decimal

import pytest

from boardpack.core.problems import ImportFailed
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.scorecard.models import Actual, Target

INDICATORS = (
    "code,title,director,polarity,unit,decimals\n"
    "2042SC,LAC rate,Director,smaller,per 10000,2\n"
    "CS143,TAC ratio,Director,bigger,number,2\n"
)


@pytest.fixture
def indicators(db):
    run_import("indicators", Source.file("i.csv", INDICATORS.encode()), user=None)


def _values(text: str):
    return run_import("values", Source.file("values.csv", text.encode()), user=None)


@pytest.mark.parametrize("period", ["2012-06", "2012-06-30", "30/06/12", "30/06/2012", "Jun-12"])
def test_every_period_format_lands_on_the_month(indicators, period):
    _values(f"code,period,actual,target\n2042SC,{period},37.47,36\n")
    actual = Actual.objects.get()
    assert (actual.period, actual.value) == (date(2012, 6, 30), Decimal("37.47"))
    assert Target.objects.get().value == Decimal(36)


def test_a_blank_cell_leaves_the_stored_value(indicators):
    _values("code,period,actual,target\n2042SC,2012-06,37.47,36\n")
    report = _values("code,period,actual,target,provisional\n2042SC,2012-06,,38,yes\n")
    assert Actual.objects.get().value == Decimal("37.47")
    assert Target.objects.get().value == Decimal(38)
    assert report.updated == 1


def test_reimporting_the_same_values_changes_nothing(indicators):
    text = "code,period,actual,target,provisional\n2042SC,2012-06,37.47,36,yes\n"
    _values(text)
    history = Actual.history.count() + Target.history.count()
    report = _values(text)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert Actual.history.count() + Target.history.count() == history
    assert Actual.objects.get().provisional is True


def test_each_value_records_its_source_and_history(indicators):
    _values("code,period,actual\n2042SC,2012-06,37.47\n")
    _values("code,period,actual\n2042SC,2012-06,37.5\n")
    actual = Actual.objects.get()
    assert (actual.source, actual.source_ref) == ("import", "values.csv")
    assert actual.set_at is not None
    old, new = actual.history.order_by("history_date")
    assert (old.value, new.value) == (Decimal("37.47"), Decimal("37.5"))
    assert new.history_change_reason == "import: values.csv"


def test_every_bad_value_is_reported_and_nothing_is_written(indicators):
    text = (
        "code,period,actual,target\n"
        "2042SC,2012-06,37.47,36\n"
        "NOPE,2012-06,1,1\n"
        "cs143,31/04/2012,1,1\n"
        "CS143,2012-07,n/a,1\n"
        "CS143,15/06/2012,1,NaN\n"
        "2042SC,Jun-12,1,\n"
    )
    with pytest.raises(ImportFailed) as failure:
        _values(text)
    assert [str(e) for e in failure.value.errors] == [
        "values.csv, row 3, column 'code': 'NOPE' is not a known indicator code",
        "values.csv, row 4, column 'period': '31/04/2012' is not a date that exists "
        "(day is out of range for month)",
        "values.csv, row 5, column 'actual': 'n/a' is not a number",
        "values.csv, row 6, column 'period': '15/06/2012' is not the last day of its month: "
        "give the month (e.g. 2012-06) or its last day (30/06/2012)",
        "values.csv, row 6, column 'target': 'NaN' is not a finite number",
        "values.csv, row 7, column 'period': a value for this code and period is already "
        "given in row 2",
    ]
    assert not Actual.objects.exists()
    assert not Target.objects.exists()


def test_codes_match_whatever_their_case(indicators):
    _values("code,period,actual\ncs143,2012-06,0.31\n")
    assert Actual.objects.get().indicator.code == "CS143"


def test_thousands_separators_are_read(indicators):
    _values('code,period,actual\nCS143,2012-06,"1,234.5"\n')
    assert Actual.objects.get().value == Decimal("1234.5")
