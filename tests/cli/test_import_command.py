"""`boardpack import`, the entry point above the apps: who a change is recorded against, and a
source of several files."""

import getpass
import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command, load_command_class

from boardpack.benchmarks.models import BenchmarkImport, PublishedValue
from boardpack.scorecard.models import Actual, Indicator
from tests.benchmarks.files import write_all

INDICATORS = "code,title,director,polarity\nA1,Children in care,Director,smaller\n"


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("import", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_an_import_without_user_is_recorded_as_the_command_line_and_the_system_user(
    db, tmp_path: Path
):
    (tmp_path / "i.csv").write_text(INDICATORS)
    (tmp_path / "v.csv").write_text("code,period,actual\nA1,2012-06,5\n")
    _run("indicators", str(tmp_path / "i.csv"))
    _run("values", str(tmp_path / "v.csv"))
    who = f"command line, system user {getpass.getuser()}"
    indicator = Indicator.history.get()
    actual = Actual.history.get()
    assert (indicator.history_user, indicator.history_change_reason) == (
        None,
        f"import: i.csv ({who})",
    )
    assert (actual.history_user, actual.history_change_reason) == (None, f"import: v.csv ({who})")


def test_an_import_with_user_is_recorded_against_them_at_the_command_line(officer, tmp_path):
    (tmp_path / "i.csv").write_text(INDICATORS)
    _run("indicators", str(tmp_path / "i.csv"), "--user", "officer")
    record = Indicator.history.get()
    assert (record.history_user, record.history_change_reason) == (
        officer,
        "import: i.csv (command line)",
    )


def test_the_benchmarks_of_a_zip_are_imported_as_those_of_its_folder(db, tmp_path: Path):
    folder = write_all(tmp_path / "lait")
    archive = tmp_path / "lait.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        for file in sorted(folder.iterdir()):
            packed.write(file, file.name)
    report = _run("benchmarks", str(archive)).splitlines()
    read = [line for line in report if " row(s) read; " in line]
    assert read == [
        "la_code_list.xlsx: 9 row(s) read; 9 created, 0 updated, 0 unchanged",
        "lait_data_dictionary.csv: 4 row(s) read; 3 created, 0 updated, 0 unchanged",
        "sn_may_2020.xlsx: 5 row(s) read; 5 created, 0 updated, 0 unchanged",
        "bds_long.csv: 34 row(s) read; 34 created, 0 updated, 0 unchanged",
    ]
    assert "not read: README.md (not a benchmarks file: no known columns)" in report
    assert PublishedValue.objects.count() == 34
    assert BenchmarkImport.objects.get().files == (
        "la_code_list.xlsx, lait_data_dictionary.csv, sn_may_2020.xlsx, bds_long.csv"
    )


def test_a_bad_file_in_a_zip_writes_nothing_from_any_file(db, tmp_path: Path):
    folder = write_all(tmp_path / "lait")
    (folder / "bds_long.csv").write_text("Short Desc,Years,Values\nRATE,2024,1\n")
    archive = tmp_path / "lait.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        for file in sorted(folder.iterdir()):
            packed.write(file, file.name)
    errors = io.StringIO()
    with pytest.raises(CommandError, match=r"lait\.zip: 1 error"):
        call_command("import", "benchmarks", str(archive), stdout=io.StringIO(), stderr=errors)
    assert errors.getvalue() == (
        "bds_long.csv, row 1, column 'la number': is a required column and is missing\n"
    )
    assert not BenchmarkImport.objects.exists()


def test_the_command_s_help_names_each_kind_and_the_plan_s_option():
    command = load_command_class("boardpack.cli", "import")
    text = " ".join(command.create_parser("boardpack", "import").format_help().split())
    assert "{benchmarks,comments,indicators,plan,values}" in text
    assert "--name NAME plan only: the plan's name (required for a plan)" in text
