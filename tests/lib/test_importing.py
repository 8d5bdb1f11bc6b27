"""The one import function and the one registry: every kind, and every way in, goes through them."""

import io
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from boardpack.lib import importing
from boardpack.lib.importing import (
    KINDS,
    ErrorCollector,
    ImportReport,
    ImportRun,
    Kind,
    register,
    run_import,
)
from boardpack.lib.sources import Source
from tests.benchmarks.files import write_all
from tests.plans.trackers import MESSY, workbook_bytes

INDICATORS = b"code,title,director,polarity\nA1,Children in care,Director,smaller\n"


def test_the_registry_lists_every_kind_each_app_registers():
    assert list(KINDS) == ["indicators", "values", "comments", "plan", "benchmarks"]
    assert dict(KINDS["plan"].options) == {"name": "the plan's name"}
    assert [k.name for k in KINDS.values() if k.several] == ["benchmarks"]
    assert [k.name for k in KINDS.values() if k.upload] == ["indicators", "values", "comments"]
    assert KINDS["values"].columns == (
        ("code", "period"),
        ("actual", "target", "provisional"),
    )


def test_a_kind_is_registered_once():
    with pytest.raises(ValueError, match="'values' is registered twice"):
        register(KINDS["values"])


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="'budget' is not a kind of import"):
        run_import("budget", Source.file("b.csv", b""), user=None)


def _sources(tmp_path: Path) -> dict[str, tuple[Source, dict[str, str]]]:
    return {
        "indicators": (Source.file("i.csv", INDICATORS), {}),
        "values": (Source.file("v.csv", b"code,period,actual\nA1,2012-06,5\n"), {}),
        "comments": (
            Source.file("c.csv", b"code,period,author,subject,text\nA1,2012-06,Jo,Why,Text\n"),
            {},
        ),
        "plan": (Source.file("tracker.xlsx", workbook_bytes(MESSY)), {"name": "A plan"}),
        "benchmarks": (Source.at(write_all(tmp_path / "lait")), {}),
    }


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_imports_through_the_one_function(kind, db, tmp_path):
    sources = _sources(tmp_path)
    if kind in ("values", "comments"):
        run_import("indicators", sources["indicators"][0], user=None)
    source, options = sources[kind]
    report = run_import(kind, source, user=None, options=options)
    assert report.rows > 0
    assert "created" in str(report)


@dataclass
class Spy:
    """A kind that records what it was given and writes nothing."""

    runs: list[tuple[ImportRun, Source]] = field(default_factory=list)

    def make(self, run: ImportRun) -> "SpyImporter":
        return SpyImporter(self, run)


@dataclass
class SpyImporter:
    spy: Spy
    run: ImportRun

    def read(self, source: Source) -> Source:
        self.spy.runs.append((self.run, source))
        return source

    def validate(self, read: Source, errors: ErrorCollector) -> Source:
        return read

    def write(self, plan: Source) -> ImportReport:
        return ImportReport(plan.name, rows=len(plan.files))


@pytest.fixture
def spy(monkeypatch) -> Spy:
    found = Spy()
    kind = Kind("spy", "Spied files", found.make, columns=(("code",), ()), upload=True)
    monkeypatch.setitem(importing.KINDS, "spy", kind)
    return found


def test_the_command_and_the_imports_page_import_through_the_registry(
    spy, client, officer, tmp_path
):
    path = tmp_path / "spied.csv"
    path.write_bytes(b"code\nA1\n")
    out = io.StringIO()
    call_command("import", "spy", str(path), "--user", "officer", stdout=out)
    assert out.getvalue() == "spied.csv: 1 row(s) read; 0 created, 0 updated, 0 unchanged\n"
    client.force_login(officer)
    page = client.post("/imports/", {"kind": "spy", "file": SimpleUploadedFile("up.csv", b"x")})
    assert "up.csv was imported" in page.content.decode()
    assert [(run.user, source.name, source.single().read()) for run, source in spy.runs] == [
        (officer, "spied.csv", b"code\nA1\n"),
        (officer, "up.csv", b"x"),
    ]


def test_a_utf8_file_with_a_stray_byte_is_refused_and_nothing_is_stored(db):
    from boardpack.core.problems import ImportFailed
    from boardpack.scorecard.models import Comment

    run_import("indicators", Source.file("i.csv", INDICATORS), user=None)
    data = (
        "code,period,author,subject,text\nA1,2012-06,Jo,Why,Children’s homes – “full”\n".encode()
        + b"A1,2012-07,Jo,Why,Children\x92s homes\n"
    )
    with pytest.raises(ImportFailed) as refused:
        run_import("comments", Source.file("comments.csv", data), user=None)
    [problem] = refused.value.errors
    offset = data.index(b"\x92")
    assert (problem.file, problem.row, problem.column) == ("comments.csv", 3, "text")
    assert str(problem).startswith(
        f"comments.csv, row 3, column 'text': is UTF-8 text except for byte {offset} (0x92)"
    )
    assert not Comment.objects.exists()


def test_a_windows_1252_file_is_still_read_as_excel_saves_it(db):
    from boardpack.scorecard.models import Comment

    run_import("indicators", Source.file("i.csv", INDICATORS), user=None)
    data = "code,period,author,subject,text\nA1,2012-06,Jo,Why,Children’s homes\n"
    run_import("comments", Source.file("comments.csv", data.encode("cp1252")), user=None)
    assert Comment.objects.get().text == "Children’s homes"
