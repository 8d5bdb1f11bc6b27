"""`boardpack cycle run [--now DATETIME]`: what the system scheduler calls."""

import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from tests.boards.world import subject

pytestmark = pytest.mark.django_db


def test_now_says_when_the_run_happens(world, smtp, capsys):
    call_command("cycle", "run", "--now", "2012-07-25T08:00")
    assert len(smtp.messages) == 4
    out = capsys.readouterr().out
    assert out.startswith("4 e-mails built, 4 sent\n")
    assert (
        "sent request to lead@example.gov.uk: " + subject(smtp.to("lead@example.gov.uk")[0]) in out
    )


def test_a_date_alone_means_its_midnight(world, smtp):
    call_command("cycle", "run", "--now", "2012-07-24")
    call_command("cycle", "run", "--now", "2012-07-25")
    assert len(smtp.messages) == 4


def test_a_run_with_e_mails_not_sent_fails_so_the_scheduler_notices(world, smtp):
    smtp.refuse = {1}
    with pytest.raises(CommandError, match="1 e-mails not sent; the next run retries them"):
        call_command("cycle", "run", "--now", "2012-07-25T08:00")
    call_command("cycle", "run", "--now", "2012-07-25T09:00")
    assert len(smtp.messages) == 4


@pytest.mark.parametrize("text", ["yesterday", "2012-02-30"])
def test_a_now_that_is_not_a_time_is_refused(world, text):
    with pytest.raises(CommandError, match="--now"):
        call_command("cycle", "run", "--now", text)


def test_the_console_script_knows_the_command():
    result = subprocess.run(
        [sys.executable, "-m", "boardpack.cli", "cycle", "run", "--help"],
        capture_output=True,
        text=True,
        check=False,
        env={"DEBUG": "true", "PATH": ""},
    )
    assert "--now" in result.stdout, result.stderr
