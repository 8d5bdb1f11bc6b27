"""What an import reads: one file, a folder's files, or a zip's, and zips refused unopened."""

import io
import zipfile
from pathlib import Path

import pytest

from boardpack.core.problems import ImportFailed
from boardpack.lib.sources import MAX_RATIO, Source


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _reasons(failure: pytest.ExceptionInfo[ImportFailed]) -> list[str]:
    return [str(p) for p in failure.value.errors]


def test_a_file_is_one_file_named_as_given(tmp_path: Path):
    path = tmp_path / "values.csv"
    path.write_bytes(b"code,period\n")
    source = Source.at(path)
    assert (source.name, [f.name for f in source.files]) == ("values.csv", ["values.csv"])
    assert source.single().read() == b"code,period\n"
    assert source.single().head(4) == b"code"


def test_a_folder_gives_its_files_in_name_order_and_not_its_sub_folders(tmp_path: Path):
    for name in ("b.csv", "a.xlsx"):
        (tmp_path / name).write_bytes(name.encode())
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "c.csv").write_bytes(b"c")
    source = Source.at(tmp_path)
    assert [f.name for f in source.files] == ["a.xlsx", "b.csv"]
    assert [f.read() for f in source.files] == [b"a.xlsx", b"b.csv"]


def test_a_zip_gives_its_files_named_by_their_path_inside_it(tmp_path: Path):
    path = tmp_path / "lait.zip"
    path.write_bytes(_zip({"lait/b.csv": b"b", "lait/a.parquet": b"a"}))
    source = Source.at(path)
    assert source.name == "lait.zip"
    assert [(f.name, f.suffix, f.read()) for f in source.files] == [
        ("lait/a.parquet", ".parquet", b"a"),
        ("lait/b.csv", ".csv", b"b"),
    ]


def test_a_file_in_memory_is_put_on_disk_for_readers_that_need_a_path_then_removed():
    file = Source.unzip("x.zip", _zip({"bds.parquet": b"figures"})).single()
    with file.on_disk() as path:
        assert (path.suffix, path.read_bytes()) == (".parquet", b"figures")
    assert not path.exists()


def test_a_missing_path_and_an_unreadable_zip_are_problems(tmp_path: Path):
    with pytest.raises(ImportFailed) as missing:
        Source.at(tmp_path / "nowhere")
    assert _reasons(missing) == [f"{tmp_path / 'nowhere'}: does not exist"]
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(ImportFailed) as bad:
        Source.at(tmp_path / "bad.zip")
    assert _reasons(bad)[0].startswith("bad.zip: is not a readable zip")


def test_a_zip_bomb_is_refused_before_anything_is_unpacked():
    bomb = _zip({"sheet.csv": b"0" * (MAX_RATIO * 20_000)})
    with pytest.raises(ImportFailed) as refused:
        Source.unzip("bomb.zip", bomb)
    assert _reasons(refused) == [
        f"bomb.zip: sheet.csv is packed more than {MAX_RATIO} times tighter than a spreadsheet "
        "can be"
    ]


def test_an_import_of_one_file_refuses_a_source_of_several():
    source = Source.unzip("two.zip", _zip({"a.csv": b"a", "b.csv": b"b"}))
    with pytest.raises(ImportFailed) as several:
        source.single()
    assert _reasons(several) == ["two.zip: holds 2 files: give one file"]
