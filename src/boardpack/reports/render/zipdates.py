"""Office files are zip archives stamped with the clock; restamp them with the data's date so the
same data gives byte-for-byte the same file."""

from __future__ import annotations

import io
import zipfile
from datetime import date


def restamp(data: bytes, when: date) -> bytes:
    """Rewrite every member of a zip archive with the same content and the given date."""
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = member.external_attr
            target.writestr(info, source.read(member.filename))
    return buffer.getvalue()
