import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from boardpack.scorecard.models import Indicator


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_import_reports_what_it_did(db, tmp_path: Path):
    path = tmp_path / "indicators.csv"
    path.write_text("code,title,director,polarity\nA1,Title,Director,bigger\n")
    assert _run("import", "indicators", str(path)) == (
        "indicators.csv: 1 row(s) read; 1 created, 0 updated, 0 unchanged\n"
    )


def test_import_lists_every_error_and_fails(db, tmp_path: Path):
    path = tmp_path / "indicators.csv"
    path.write_text("code,title,director,polarity\nA1,,Director,upwards\n")
    errors = io.StringIO()
    with pytest.raises(CommandError, match="2 error"):
        call_command("import", "indicators", str(path), stdout=io.StringIO(), stderr=errors)
    assert errors.getvalue().splitlines() == [
        "indicators.csv, row 2, column 'title': is required",
        "indicators.csv, row 2, column 'polarity': 'upwards' is not a polarity: use one of "
        "bigger, bigger is better, none, smaller, smaller is better",
    ]
    assert not Indicator.objects.exists()


def test_import_of_a_missing_file_says_so(db, tmp_path: Path):
    with pytest.raises(CommandError, match="cannot be read"):
        _run("import", "values", str(tmp_path / "nowhere.csv"))


def test_status_prints_the_seed_figures(demo_data):
    rows = {
        r["code"]: r
        for r in csv.DictReader(
            io.StringIO(_run("status", "--period", "2012-06", "--format", "csv"))
        )
    }
    assert rows["2042SC"] == {
        "code": "2042SC",
        "period": "2012-06",
        "actual": "37.47",
        "target": "36.00",
        "status": "worse",
        "symbol": "Worse than target",
        "vs_previous": rows["2042SC"]["vs_previous"],
        "vs_last_year": rows["2042SC"]["vs_last_year"],
    }
    assert rows["CS143"]["status"] == "worse"


def test_status_as_json_and_table_carry_the_same_rows(demo_data):
    as_json = json.loads(_run("status", "--period", "2012-06", "--format", "json"))
    table = _run("status", "--period", "Jun-12").splitlines()
    assert len(as_json) == len(table) - 1 == Indicator.objects.count()
    assert table[0].split() == [
        "code",
        "period",
        "actual",
        "target",
        "status",
        "symbol",
        "vs_previous",
        "vs_last_year",
    ]


def test_status_rejects_a_bad_period(db):
    with pytest.raises(CommandError, match="--period: '2012-13' is not a period"):
        _run("status", "--period", "2012-13")


def test_the_console_script_runs_django_commands():
    result = subprocess.run(
        [sys.executable, "-m", "boardpack.cli", "help", "import"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "indicators" in result.stdout


def test_import_records_the_user_it_is_run_as(officer, tmp_path: Path):
    from boardpack.scorecard.models import Actual

    (tmp_path / "i.csv").write_text("code,title,director,polarity\nA1,Title,Director,bigger\n")
    (tmp_path / "v.csv").write_text("code,period,actual\nA1,2012-06,5\n")
    _run("import", "indicators", str(tmp_path / "i.csv"), "--user", "officer")
    _run("import", "values", str(tmp_path / "v.csv"), "--user", "officer")
    actual = Actual.objects.get()
    assert actual.set_by == officer
    assert actual.history.get().history_user == officer
    assert Indicator.history.filter(history_user=officer).exists()


def test_import_refuses_an_unknown_user(db, tmp_path: Path):
    (tmp_path / "i.csv").write_text("code,title,director,polarity\n")
    with pytest.raises(CommandError, match="there is no user 'nobody'"):
        _run("import", "indicators", str(tmp_path / "i.csv"), "--user", "nobody")
