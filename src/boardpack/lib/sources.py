"""What an import reads: one file, or the files of a folder or a zip. Pure Python, no Django.

A file is read from disk when it is on disk (a 640,000-row parquet file is handed to DuckDB by
its path) and from memory when it was uploaded or unpacked from a zip. A zip is checked before
anything is unpacked: too many members, too much unpacked, or a member packed tighter than any
real spreadsheet is refused. An XLSX file is a zip too: `check_archive` checks its members the
same way, against a smaller total (`MAX_WORKBOOK_UNPACKED`), before openpyxl opens it.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from boardpack.core.problems import ImportFailed, Problem

MAX_MEMBERS = 1_000
MAX_UNPACKED = 1 << 30
"""Bytes a zip may unpack to, all members together (1 GB)."""
MAX_WORKBOOK_UNPACKED = 100 << 20
"""Bytes an XLSX file may unpack to (100 MB; a sheet of 200,000 rows of six cells is 50 MB)."""
MAX_RATIO = 200
"""Unpacked size over packed size of one member; spreadsheets and CSV files pack 5 to 50 times."""


@dataclass(frozen=True)
class SourceFile:
    """One file of a source: on disk (`path`) or in memory (`data`); `name` labels it in reports."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix.lower()

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()

    def head(self, size: int) -> bytes:
        """The first `size` bytes, without reading the rest of a file on disk."""
        if self.data is not None:
            return self.data[:size]
        assert self.path is not None
        with self.path.open("rb") as stream:
            return stream.read(size)

    @contextmanager
    def on_disk(self) -> Iterator[Path]:
        """A path to the file's bytes, for readers that take a path: a file in memory is written
        to a temporary file, deleted afterwards."""
        if self.path is not None:
            yield self.path
            return
        with tempfile.TemporaryDirectory(prefix="boardpack-import-") as directory:
            path = Path(directory) / f"file{self.suffix}"
            path.write_bytes(self.read())
            yield path


@dataclass(frozen=True)
class Source:
    """The file or files one import reads; `name` is what was given (a file, folder or zip)."""

    name: str
    files: tuple[SourceFile, ...]

    @classmethod
    def file(cls, name: str, data: bytes) -> Source:
        """One file's bytes, as uploaded."""
        return cls(name, (SourceFile(name, data=data),))

    @classmethod
    def at(cls, path: Path) -> Source:
        """A file, the files of a folder (not its sub-folders), or the files of a .zip."""
        if path.is_dir():
            files = sorted((p for p in path.iterdir() if p.is_file()), key=lambda p: p.name)
            return cls(path.name, tuple(SourceFile(p.name, path=p) for p in files))
        if not path.exists():
            raise ImportFailed([Problem(str(path), None, None, "does not exist")])
        if path.suffix.lower() == ".zip":
            return cls.unzip(path.name, path.read_bytes())
        return cls(path.name, (SourceFile(path.name, path=path),))

    @classmethod
    def unzip(cls, name: str, data: bytes) -> Source:
        """The files of a zip, named by their path inside it, in that order."""
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = [m for m in archive.infolist() if not m.is_dir()]
            check_archive(name, members, MAX_UNPACKED)
            files = tuple(
                SourceFile(m.filename, data=archive.read(m))
                for m in sorted(members, key=lambda m: m.filename)
            )
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as error:
            raise ImportFailed(
                [Problem(name, None, None, f"is not a readable zip ({error})")]
            ) from None
        return cls(name, files)

    def single(self) -> SourceFile:
        """The one file of a source for an import that reads one file."""
        if len(self.files) != 1:
            raise ImportFailed(
                [Problem(self.name, None, None, f"holds {len(self.files)} files: give one file")]
            )
        return self.files[0]


def check_archive(name: str, members: list[zipfile.ZipInfo], max_unpacked: int) -> None:
    """Refuse, naming the file and why, a zip (or XLSX) of too many members, of more than
    `max_unpacked` bytes unpacked, or with a member packed tighter than a spreadsheet can be;
    from the sizes its directory records, before anything is unpacked. (A member that unpacks to
    more than its recorded size fails its CRC check when read.)"""
    reasons = []
    if len(members) > MAX_MEMBERS:
        reasons.append(f"holds more than {MAX_MEMBERS} files")
    if sum(m.file_size for m in members) > max_unpacked:
        reasons.append(f"unpacks to more than {max_unpacked >> 20} MB")
    reasons += [
        f"{m.filename} is packed more than {MAX_RATIO} times tighter than a spreadsheet can be"
        for m in members
        if m.file_size > MAX_RATIO * max(m.compress_size, 1) and m.file_size > 1 << 20
    ]
    if reasons:
        raise ImportFailed([Problem(name, None, None, reason) for reason in reasons])
