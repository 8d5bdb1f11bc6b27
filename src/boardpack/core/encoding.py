"""Which encoding a CSV file is in: UTF-8, or Windows-1252 as Excel saves "CSV" in England.

A file is read as Windows-1252 only when it holds no UTF-8 at all. A file that is UTF-8 but
for a stray byte (a line pasted from another file, a hand edit) is refused with the row and
the byte's position: read as Windows-1252 its UTF-8 would be stored as mojibake
("Childrenâ€™s"), and read as UTF-8 the stray byte would be lost.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass

UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
"""A character of two, three or four bytes as UTF-8 writes it (RFC 3629): Windows-1252 text
has them only where it spells mojibake, such as "Ã©"."""


@dataclass(frozen=True)
class StrayByte:
    """The first byte of a UTF-8 file that is not UTF-8: where it is, counted from 0 in the
    file; the CSV row it is in, as a spreadsheet numbers it; that row's column (the header's
    name for it, when the header has one)."""

    offset: int
    byte: int
    row: int
    column: str | None

    @property
    def reason(self) -> str:
        return (
            f"is UTF-8 text except for byte {self.offset} (0x{self.byte:02X}), which is not "
            "UTF-8: nothing was read; save the file as UTF-8 (Excel: CSV UTF-8) and import it "
            "again"
        )


def stray_byte(data: bytes) -> StrayByte | None:
    """The stray byte of a file that is UTF-8 but for it; None for UTF-8 and for a file with
    no UTF-8 in it (Windows-1252 or another single-byte encoding)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start
    else:
        return None
    if not data.startswith(codecs.BOM_UTF8) and not UTF8_SEQUENCE.search(data):
        return None
    before = data[:offset].decode("utf-8-sig")
    try:
        # The rows before the byte, and the one it is in (ended at the byte by the "x").
        records = list(csv.reader(io.StringIO(before + "x", newline="")))
    except csv.Error:
        return StrayByte(offset, data[offset], before.count("\n") + 1, None)
    header = records[0] if len(records) > 1 else []
    field = len(records[-1]) - 1
    column = header[field].strip() if field < len(header) else ""
    return StrayByte(offset, data[offset], len(records), column or None)
