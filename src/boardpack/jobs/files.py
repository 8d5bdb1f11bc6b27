"""Where jobs keep the files they make (settings.BOARDPACK_JOB_FILES): written whole or not at
all, so a full disk never leaves half a file to download."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from django.conf import settings

from boardpack.jobs.kinds import JobFailure

DISK_FULL = (
    "The server's disk is full, so the file could not be saved; nothing was kept. "
    "Please tell the IT team; the job can be started again once there is space."
)


def files_dir() -> Path:
    folder = Path(settings.BOARDPACK_JOB_FILES)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_whole(name: str, content: bytes) -> Path:
    """Write the file under a temporary name, flush it to disk, then rename it into place: a
    reader sees the whole file or none."""
    folder = files_dir()
    target = folder / name
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".partial-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        if error.errno == errno.ENOSPC:
            raise JobFailure(DISK_FULL) from error
        raise JobFailure(
            f"The file could not be saved on the server ({error.strerror}); nothing was kept."
        ) from error
    return target
