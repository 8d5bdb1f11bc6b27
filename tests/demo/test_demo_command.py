"""`make demo DEMO_ADDR=…` prints the address it serves, not a fixed one."""

import io
import subprocess
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def test_make_demo_hands_its_address_to_the_demo_command_and_the_server():
    plan = subprocess.run(
        ["make", "-n", "demo", "DEMO_ADDR=127.0.0.1:8010"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "boardpack demo --reset --address 127.0.0.1:8010" in plan
    assert "boardpack runserver --noreload 127.0.0.1:8010" in plan


def test_the_demo_command_prints_the_address_it_was_given(db):
    out = io.StringIO()
    call_command("demo", address="127.0.0.1:8010", stdout=out)
    assert "Open http://127.0.0.1:8010/" in out.getvalue()
    assert "8000" not in out.getvalue()
