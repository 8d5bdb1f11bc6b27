"""Report and board-pack downloads as jobs: started from the page, made by a worker, the same
bytes as the command line, seen only by whoever started them (and officers)."""

import errno
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from boardpack.jobs import files
from boardpack.jobs.files import DISK_FULL
from boardpack.jobs.models import Job
from boardpack.jobs.services import start_job
from tests.factories import login

pytestmark = pytest.mark.django_db
QUARTERLY = {"period": "2012-06", "format": "xlsx"}


def _signed_in(client, user):
    client.force_login(user)
    return client


def _start(client, report="quarterly", data=QUARTERLY, **headers):
    return client.post(reverse("job-report", args=[report]), data, **headers)


def test_a_download_button_queues_a_job_and_shows_its_page(client, demo_data, viewer):
    answer = _start(_signed_in(client, viewer))
    job = Job.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == reverse("job", kwargs={"pk": job.pk})
    assert (job.state, job.kind, job.started_by) == ("queued", "report", viewer)
    assert DBTaskResult.objects.get(id=job.task_id).status == "READY"
    page = client.get(answer["Location"])
    assert b"Waiting for a worker" in page.content
    assert b'hx-trigger="every 2s"' in page.content


def test_an_htmx_button_is_sent_to_the_job_page(client, demo_data, viewer):
    answer = _start(_signed_in(client, viewer), HTTP_HX_REQUEST="true")
    assert answer["HX-Redirect"] == reverse("job", kwargs={"pk": Job.objects.get().pk})


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_the_job_makes_the_same_bytes_as_the_command_line(
    client, demo_data, viewer, work_queue, tmp_path, fmt
):
    _start(_signed_in(client, viewer), data={**QUARTERLY, "format": fmt})
    work_queue()
    job = Job.objects.get()
    assert job.state == "done", job.message
    assert (job.steps_done, job.steps_total) == (2, 3)
    output = tmp_path / f"cli.{fmt}"
    call_command("report", "quarterly", "--period", "2012-06", "--format", fmt, "--output", output)
    download = client.get(reverse("job-file", kwargs={"pk": job.pk}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == output.read_bytes()
    status = client.get(reverse("job", kwargs={"pk": job.pk}), HTTP_HX_REQUEST="true")
    assert b"hx-trigger" not in status.content
    assert b"Download" in status.content


def test_a_job_is_seen_by_whoever_started_it_and_officers_only(
    client, demo_data, viewer, officer, work_queue
):
    _start(_signed_in(client, viewer))
    work_queue()
    job = Job.objects.get()
    other = login("other", "Another Councillor")
    _signed_in(client, other)
    for name in ("job", "job-file"):
        assert client.get(reverse(name, kwargs={"pk": job.pk})).status_code == 404
    assert job.title.encode() not in client.get(reverse("my-jobs")).content
    _signed_in(client, officer)
    assert client.get(reverse("job", kwargs={"pk": job.pk})).status_code == 200
    _signed_in(client, viewer)
    assert job.title.encode() in client.get(reverse("my-jobs")).content


def test_invalid_choices_go_back_to_the_reports_page_and_start_nothing(client, demo_data, viewer):
    answer = _start(_signed_in(client, viewer), data={"period": "1999-01", "format": "pdf"})
    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("reports"))
    assert not Job.objects.exists()


def test_choices_no_longer_valid_fail_in_words(demo_data, viewer, work_queue):
    data = {"report": "plan", "data": {"plan": "removed-plan", "format": "docx"}}
    job = start_job("report", "Plan report", data, viewer)
    work_queue()
    job.refresh_from_db()
    assert job.state == "failed"
    assert job.message.startswith("The report's choices are no longer valid (plan:")
    assert "Traceback" not in job.message


def test_a_full_disk_fails_the_job_clearly_and_leaves_no_half_file(
    demo_data, viewer, work_queue, monkeypatch, job_files
):
    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    job = start_job("report", "Quarterly", {"report": "quarterly", "data": QUARTERLY}, viewer)
    work_queue()
    job.refresh_from_db()
    assert (job.state, job.message, job.result_file) == ("failed", DISK_FULL, "")
    assert list(Path(job_files).iterdir()) == []


def test_an_unexpected_error_is_told_in_words_without_a_traceback(
    demo_data, viewer, work_queue, monkeypatch
):
    def broken(document):
        raise ZeroDivisionError("deep inside")

    monkeypatch.setitem(
        __import__("boardpack.reports.render", fromlist=["FORMATS"]).FORMATS,
        "xlsx",
        (broken, "application/octet-stream"),
    )
    job = start_job("report", "Quarterly", {"report": "quarterly", "data": QUARTERLY}, viewer)
    work_queue()
    job.refresh_from_db()
    assert job.state == "failed"
    assert "unexpected error (ZeroDivisionError)" in job.message
    assert "deep inside" not in job.message
