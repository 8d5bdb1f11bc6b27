"""Zip bombs: an XLSX file is refused before it can take the server down. Its zip members are
checked before openpyxl opens it, and the reading stops at the first row or column past a limit.

The timed tests run the real `boardpack import` in a process of its own and measure that
process: how long the import took and the most memory it held (its peak resident size)."""

import io
import os
import random
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from boardpack.core.problems import ImportFailed
from boardpack.lib import importing
from boardpack.lib.importing import MAX_COLUMNS, MAX_ROWS, read_sheets, read_table
from boardpack.lib.sources import MAX_RATIO, MAX_WORKBOOK_UNPACKED, Source
from tests.lib.workbooks import row, write_xlsx

SECONDS, MEGABYTES = 2.0, 200


def _packed_tight() -> Iterator[bytes]:
    """345 MB of sheet XML that packs into 1.2 MB: one repeated row."""
    same = b"".join(
        b'<row><c t="inlineStr"><is><t>Children in care</t></is></c><c><v>12.5</v></c></row>'
        for _ in range(10_000)
    )
    for number in range(420):
        yield same + row(number + 1, {1: number})


def _wide() -> Iterator[bytes]:
    """Rows of eight figures and a cell in Excel's last column (XFD), 24 MB packed into 4.7."""
    rng = random.Random(14)
    chunk = b"".join(
        row(number, {**{c: rng.randrange(10**6) for c in range(1, 9)}, 16_384: "x"})
        for number in range(1, 5_001)
    )
    for _ in range(16):
        yield chunk


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    return {
        "tight": write_xlsx(folder / "tight.xlsx", _packed_tight()),
        "wide": write_xlsx(folder / "wide.xlsx", _wide(), dimension="A1:XFD1048576"),
        # Two cells, a sheet that says it fills all of Excel's 17 billion: read as declared,
        # every missing row is made up as 16,384 empty cells.
        "declared": write_xlsx(
            folder / "declared.xlsx",
            [row(1, {1: "code"}), row(1_048_576, {1: "A1"})],
            dimension="A1:XFD1048576",
        ),
    }


PROBE = """
import sys, time
import django
django.setup()
from django.core.management import call_command
from django.core.management.base import CommandError
start = time.perf_counter()
try:
    call_command("import", "values", sys.argv[1])
    outcome = "imported"
except CommandError as error:
    outcome = str(error)
seconds = time.perf_counter() - start
# The peak resident memory of this program (not getrusage's, which keeps the high-water mark
# of the process it was started from).
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(seconds, int(peak.split()[1]) // 1024, outcome, sep="\\n")
"""


def _import_in_a_process(path: Path, tmp_path: Path) -> tuple[float, int, str, str]:
    """The import command run on the file in a process of its own: seconds the import took, the
    process's peak memory in MB, its outcome and what it wrote to standard error."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "boardpack.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'probe.sqlite3'}",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    seconds, megabytes, outcome = done.stdout.splitlines()[-3:]
    return float(seconds), int(megabytes), outcome, done.stderr


@pytest.mark.parametrize(
    ("bomb", "reason"),
    [
        ("tight", f"{{}}: xl/worksheets/sheet1.xml is packed more than {MAX_RATIO} times tighter"),
        ("wide", f"{{}}, sheet 'Values', row 1: has cells beyond column {MAX_COLUMNS}"),
        ("declared", f"{{}}, sheet 'Values', row {MAX_ROWS + 1}: has more than {MAX_ROWS} rows"),
    ],
)
def test_a_zip_bomb_is_refused_in_two_seconds_and_200_mb(bombs, bomb, reason, tmp_path):
    path = bombs[bomb]
    seconds, megabytes, outcome, stderr = _import_in_a_process(path, tmp_path)
    assert outcome.startswith(path.name)
    assert outcome.endswith("error(s); nothing was written")
    assert reason.format(path.name) in stderr
    print(f"{path.name}: refused in {seconds:.2f} s, peak {megabytes} MB")
    assert seconds < SECONDS, f"{bomb}: {seconds:.2f} s"
    assert megabytes < MEGABYTES, f"{bomb}: {megabytes} MB"


def test_the_bombs_are_what_they_claim(bombs):
    tight = zipfile.ZipFile(bombs["tight"]).getinfo("xl/worksheets/sheet1.xml")
    assert bombs["tight"].stat().st_size < 1.3e6
    assert tight.file_size > 340e6
    wide = zipfile.ZipFile(bombs["wide"]).getinfo("xl/worksheets/sheet1.xml")
    assert 4.4e6 < bombs["wide"].stat().st_size < 5e6
    assert wide.file_size < MAX_RATIO * wide.compress_size  # the ratio does not catch it
    assert bombs["declared"].stat().st_size < 2_000


def _xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for values in rows:
        workbook.active.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _problems(read, name: str, data: bytes) -> list[str]:
    with pytest.raises(ImportFailed) as refused:
        read(name, data)
    return [str(problem) for problem in refused.value.errors]


def test_the_reading_stops_at_the_first_row_past_the_limit(monkeypatch):
    data = _xlsx([["code", "period"], *([["A1", "2012-06"]] * 60)])
    monkeypatch.setattr(importing, "MAX_ROWS", 50)
    seen: list[int] = []
    real = importing._cell_text

    def cell_text(value):
        seen.append(value)
        return real(value)

    monkeypatch.setattr(importing, "_cell_text", cell_text)
    assert _problems(read_table, "v.xlsx", data) == [
        "v.xlsx, sheet 'Sheet', row 51: has more than 50 rows: reading stopped here"
    ]
    assert len(seen) == 50 * 2  # rows 1 to 50 read, the 51st refused, the last 10 never read


def test_the_rows_of_every_sheet_count_together(monkeypatch):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["a"] * 3)
    for _ in range(30):
        workbook.create_sheet().append(["x"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    monkeypatch.setattr(importing, "MAX_ROWS", 20)
    assert _problems(read_sheets, "w.xlsx", buffer.getvalue())[0].endswith(
        "row 1: has more than 20 rows: reading stopped here"
    )


def test_a_cell_past_the_column_limit_is_refused_but_empty_cells_there_are_dropped(monkeypatch):
    monkeypatch.setattr(importing, "MAX_COLUMNS", 5)
    assert _problems(read_table, "c.xlsx", _xlsx([["code", "period", *[None] * 4, "x"]])) == [
        "c.xlsx, sheet 'Sheet', row 1: has cells beyond column 5: reading stopped"
    ]
    wide_but_empty = [["code", "period", *[None] * 6], ["A1", "2012-06"]]
    table = read_table("c.xlsx", _xlsx(wide_but_empty))
    assert table.headers == ["code", "period", "", "", ""]


def test_a_file_of_more_cells_than_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(importing, "MAX_CELLS", 100)
    data = _xlsx([["a"] * 30] * 10)
    assert _problems(read_sheets, "m.xlsx", data) == [
        "m.xlsx, sheet 'Sheet', row 4: has more than 100 cells: reading stopped here"
    ]


def test_an_xlsx_that_unpacks_to_too_much_is_refused_before_it_is_opened(monkeypatch):
    data = _xlsx([["code"], *([["A1"]] * 200)])
    members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    unpacked = sum(m.file_size for m in members)
    monkeypatch.setattr(importing, "MAX_WORKBOOK_UNPACKED", unpacked - 1)
    opened = []
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: opened.append(a))
    assert _problems(read_table, "u.xlsx", data) == [
        f"u.xlsx: unpacks to more than {(unpacked - 1) >> 20} MB"
    ]
    assert opened == []
    assert MAX_WORKBOOK_UNPACKED == 100 << 20


def test_a_real_workbook_is_read_as_before():
    data = _xlsx([["code", "period", "actual"], ["A1", "2012-06", 5], [], ["A2", "2012-07", -2.5]])
    table = read_table("v.xlsx", data)
    assert [r.cells for r in table.rows] == [
        {"code": "A1", "period": "2012-06", "actual": "5"},
        {"code": "A2", "period": "2012-07", "actual": "-2.5"},
    ]
    assert Source.file("v.xlsx", data).single().read() == data
