"""The update cycle as a job (what the scheduler queues) and a meeting's board pack as a job: the
relay down fails the job in words and the next run sends each e-mail once; only those who manage
the board may start its pack."""

import time_machine
from django.core.management import call_command
from django.urls import reverse

from boardpack.boards.models import Delivery
from boardpack.jobs.models import Job
from tests.boards.conftest import quick_passwords, smtp, world  # noqa: F401
from tests.boards.world import PASSWORD, at


def test_the_scheduled_cycle_job_retries_when_the_relay_is_back_and_sends_once(
    world,  # noqa: F811
    smtp,  # noqa: F811
    settings,
    work_queue,
):
    with time_machine.travel(at(world.meeting.dates.request), tick=False):
        settings.EMAIL_PORT, port = 1, settings.EMAIL_PORT  # the relay is down
        call_command("jobs", "cycle")
        work_queue()
        down = Job.objects.get()
        assert down.state == "failed"
        assert "could not be sent" in down.message
        assert "none is sent twice" in down.message
        assert smtp.messages == []

        settings.EMAIL_PORT = port
        call_command("jobs", "cycle")
        call_command("jobs", "cycle")
        work_queue()
    assert [j.state for j in Job.objects.order_by("created_at")] == ["failed", "done", "done"]
    assert len(smtp.messages) == 4
    assert len({m["To"] for m in smtp.messages}) == 4
    assert Delivery.objects.filter(sent_at__isnull=True).count() == 0


def test_the_board_pack_is_made_by_a_job_for_those_who_manage_the_board(
    client,
    world,  # noqa: F811
    work_queue,
):
    url = reverse("job-pack", args=[world.meeting.pk, "docx"])
    client.login(username="safeguarding", password=PASSWORD)
    assert client.post(url).status_code == 403
    assert not Job.objects.exists()
    client.login(username="pm", password=PASSWORD)
    answer = client.post(url)
    job = Job.objects.get()
    assert answer["Location"] == reverse("job", kwargs={"pk": job.pk})
    work_queue()
    job.refresh_from_db()
    assert job.state == "done", job.message
    assert job.result_name.endswith(".docx")
    download = client.get(reverse("job-file", kwargs={"pk": job.pk}))
    assert b"".join(download.streaming_content)[:2] == b"PK"
