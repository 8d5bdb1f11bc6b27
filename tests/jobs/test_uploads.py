"""Uploads for the officer: a check job lists every problem or what importing will change
(nothing written), a confirmed write job imports it in one transaction; the uploaded file is
gone when the job ends; a dropped database connection rolls everything back."""

import io
from dataclasses import replace
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.urls import reverse
from openpyxl import load_workbook

from boardpack.jobs.models import Job
from boardpack.jobs.services import DATABASE_LOST
from boardpack.lib.importing import KINDS
from boardpack.scorecard.models import Indicator
from tests.conftest import SEED_DIR
from tests.lib.workbooks import write_xlsx

pytestmark = pytest.mark.django_db


def _upload(client, user, kind, name, data):
    client.force_login(user)
    sent = {"kind": kind, "file": SimpleUploadedFile(name, data)}
    return client.post(reverse("uploads"), sent)


def _files(job_files: Path) -> list[Path]:
    return [p for p in job_files.rglob("*") if p.is_file()] if job_files.exists() else []


def test_a_checked_upload_changes_nothing_until_confirmed_then_leaves_no_file(
    client, officer, work_queue, job_files
):
    answer = _upload(
        client, officer, "indicators", "indicators.csv", (SEED_DIR / "indicators.csv").read_bytes()
    )
    check = Job.objects.get()
    assert answer["Location"] == reverse("job", kwargs={"pk": check.pk})
    assert len(_files(job_files)) == 1
    work_queue()
    check.refresh_from_db()
    assert check.state == "done", check.message
    assert "created" in check.message
    assert not Indicator.objects.exists()
    page = client.get(reverse("job", kwargs={"pk": check.pk}))
    assert b"Confirm and import" in page.content

    confirm = reverse("job-confirm", kwargs={"pk": check.pk})
    client.post(confirm)
    assert client.post(confirm).status_code == 404  # confirmed once: no second write
    work_queue()
    write = Job.objects.get(kind="import-write")
    assert write.state == "done", write.message
    assert Indicator.objects.count() > 30
    assert _files(job_files) == []


def test_a_file_over_the_upload_limit_is_refused_before_any_job(
    client, officer, settings, job_files
):
    settings.BOARDPACK_UPLOAD_MAX_MB = 1
    answer = _upload(client, officer, "indicators", "big.csv", b"code\n" + b"x" * (1 << 20))
    assert answer.status_code == 200
    assert "The selected file must be smaller than 1 MB" in answer.content.decode()
    assert "Up to 1 MB" in answer.content.decode()
    assert not Job.objects.exists()
    assert _files(job_files) == []


def test_a_zip_bomb_upload_is_refused_naming_the_file_and_why(
    client, officer, work_queue, job_files, tmp_path
):
    same = b"<row><c><v>1</v></c></row>" * 100_000
    bomb = write_xlsx(tmp_path / "bomb.xlsx", [same] * 20).read_bytes()
    _upload(client, officer, "indicators", "bomb.xlsx", bomb)
    work_queue()
    check = Job.objects.get()
    assert check.state == "failed"
    assert [(p["file"], p["reason"]) for p in check.problems] == [
        (
            "bomb.xlsx",
            "xl/worksheets/sheet1.xml is packed more than 200 times tighter than a spreadsheet "
            "can be",
        )
    ]
    assert _files(job_files) == []


def test_a_refused_upload_lists_each_problem_and_its_file_is_deleted(
    client, officer, work_queue, job_files
):
    header, first, *_ = (SEED_DIR / "indicators.csv").read_bytes().splitlines()
    _upload(client, officer, "indicators", "bad.csv", b"\n".join([header, first, first]))
    work_queue()
    check = Job.objects.get()
    assert check.state == "failed"
    assert check.message.startswith("The file has")
    rows = {(p["file"], p["row"]) for p in check.problems}
    assert ("bad.csv", 3) in rows
    page = client.get(reverse("job", kwargs={"pk": check.pk}))
    assert b"Problems" in page.content
    assert b"Confirm and import" not in page.content
    assert _files(job_files) == []


def test_a_dropped_database_connection_rolls_the_import_back(
    client, officer, work_queue, job_files, monkeypatch
):
    _upload(
        client, officer, "indicators", "indicators.csv", (SEED_DIR / "indicators.csv").read_bytes()
    )
    work_queue()
    make = KINDS["indicators"].make

    def dropping(run):
        importer = make(run)
        write = importer.write

        def write_then_drop(plan):
            write(plan)
            assert Indicator.objects.exists()  # rows were written before the drop
            raise OperationalError("server closed the connection unexpectedly")

        importer.write = write_then_drop
        return importer

    monkeypatch.setitem(KINDS, "indicators", replace(KINDS["indicators"], make=dropping))
    client.post(reverse("job-confirm", kwargs={"pk": Job.objects.get().pk}))
    work_queue()
    write = Job.objects.get(kind="import-write")
    assert (write.state, write.message) == ("failed", DATABASE_LOST)
    assert not Indicator.objects.exists()
    assert _files(job_files) == []


def test_uploads_are_for_officers_only(client, viewer, owner):
    for user in (viewer, owner):
        client.force_login(user)
        assert client.get(reverse("uploads")).status_code == 403
        assert _upload(client, user, "indicators", "i.csv", b"code\n").status_code == 403
    assert not Job.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_each_kind_of_one_table_has_a_template_with_its_columns(client, officer, fmt):
    client.force_login(officer)
    page = client.get(reverse("uploads"))
    for kind in ("indicators", "values", "comments"):
        assert reverse("import-template", args=[kind, fmt]).encode() in page.content
        body = client.get(reverse("import-template", args=[kind, fmt])).content
        required, optional = KINDS[kind].columns
        if fmt == "csv":
            header = body.decode().strip().split(",")
        else:
            header = [c.value for c in next(load_workbook(io.BytesIO(body)).active.iter_rows())]
        assert header == [*required, *optional]
