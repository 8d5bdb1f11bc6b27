"""Uploads as jobs: an officer's file is checked by one job (every problem, or a preview of what
importing it would change, computed and rolled back), then written by another once confirmed,
both through the one import function (lib.importing). The uploaded file is deleted when the
check refuses it, when the write ends (done or failed), or, never confirmed, by the worker's
sweep after UPLOAD_KEPT (docs/jobs.md): no child-level data is kept."""

from __future__ import annotations

import shutil
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from boardpack.core.problems import ImportFailed
from boardpack.jobs.files import files_dir
from boardpack.jobs.kinds import JobFailure, Outcome, Progress, register
from boardpack.lib.importing import KINDS, preview_import, run_import
from boardpack.lib.sources import Source

UPLOAD_KEPT = timedelta(hours=1)
"""How long an upload waits for its confirmation before the sweep deletes it."""


def uploads_dir() -> Path:
    return files_dir() / "uploads"


def keep_upload(folder: str, name: str, chunks: Any) -> Path:
    """Save an uploaded file, chunk by chunk, in a folder of its own."""
    target = uploads_dir() / folder / Path(name).name
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as out:
        for chunk in chunks:
            out.write(chunk)
    return target


def delete_upload(path: str) -> None:
    shutil.rmtree(Path(path).parent, ignore_errors=True)


def sweep_uploads() -> None:
    """Delete uploads older than UPLOAD_KEPT: checked, never confirmed."""
    cutoff = (timezone.now() - UPLOAD_KEPT).timestamp()
    folder = uploads_dir()
    for found in folder.iterdir() if folder.is_dir() else ():
        if found.stat().st_mtime < cutoff:
            shutil.rmtree(found, ignore_errors=True)


def _source(params: dict[str, Any]) -> Source:
    path = Path(params["path"])
    if not path.is_file():
        raise JobFailure("The uploaded file is no longer on the server: please upload it again.")
    if KINDS[params["kind"]].several:
        return Source.at(path)
    return Source.file(path.name, path.read_bytes())


def _refused(failed: ImportFailed) -> JobFailure:
    count = len(failed.errors)
    return JobFailure(
        f"The file has {count} problem{'s' if count != 1 else ''}, listed below. Nothing was "
        "imported: correct the file and upload it again.",
        [asdict(problem) for problem in failed.errors],
    )


def _user(params: dict[str, Any]) -> Any:
    return get_user_model().objects.filter(pk=params.get("user")).first()


def _imported(params: dict[str, Any], progress: Progress, *, write: bool) -> Any:
    """Preview (write=False) or write the saved upload through the one import function; the
    file is deleted when this ends, except after a preview without problems (it waits for the
    confirmation)."""
    progress(0, 1)
    waits = False
    try:
        importing = run_import if write else preview_import
        report = importing(
            params["kind"], _source(params), user=_user(params), options=params["options"]
        )
        waits = not write
    except ImportFailed as failed:
        raise _refused(failed) from None
    finally:
        if not waits:
            delete_upload(params["path"])
    progress(1, 1)
    return report


@register("import-check")
def import_check(params: dict[str, Any], progress: Progress) -> Outcome:
    """params: {"kind", "path" (the saved upload), "options", "user"}."""
    report = _imported(params, progress, write=False)
    return Outcome(summary=f"Checked: no problems. Importing it will do this: {report}")


@register("import-write")
def import_write(params: dict[str, Any], progress: Progress) -> Outcome:
    """The confirmed import: written in one transaction, or not at all."""
    return Outcome(summary=f"Imported: {_imported(params, progress, write=True)}")
