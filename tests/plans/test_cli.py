"""boardpack import plan FILE --name NAME: the report on success, every error on failure."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from boardpack.plans.models import Plan
from tests.plans.trackers import HEADER, MESSY, workbook_bytes


def _import(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_plan_prints_the_slug_and_the_summary(db, tmp_path: Path):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(workbook_bytes(MESSY))
    out, _ = _import("plan", str(path), "--name", "Corporate Parenting Strategy Delivery Plan")
    lines = out.splitlines()
    assert lines[0] == "tracker.xlsx: 19 row(s) read; 8 created, 0 updated, 0 unchanged"
    assert lines[1] == (
        "plan: corporate-parenting-strategy-delivery-plan "
        "(Corporate Parenting Strategy Delivery Plan)"
    )
    assert "flagged cells: 3" in lines


def test_import_plan_needs_a_name(db, tmp_path: Path):
    with pytest.raises(CommandError, match="needs --name"):
        _import("plan", str(tmp_path / "tracker.xlsx"))


def test_import_plan_lists_every_error_and_writes_nothing(db, tmp_path: Path):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(workbook_bytes({"Plan": [HEADER, ["1", "", "Before any objective"]]}))
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 error"):
        call_command("import", "plan", str(path), "--name", "P", stdout=io.StringIO(), stderr=err)
    assert err.getvalue() == (
        "tracker.xlsx, sheet 'Plan', row 2, column 'REF': an action before any objective row "
        "(`Objective 1 – …`)\n"
    )
    assert not Plan.objects.exists()
