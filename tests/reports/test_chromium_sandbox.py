"""Chromium's sandbox (BOARDPACK_CHROMIUM_SANDBOX): auto uses it where Chromium starts with it
and falls back, with one warning, where it cannot (as root, or where user namespaces are
refused); on insists and says why it cannot; off never tries. The real Chromium: as root it
refuses the sandbox; as an ordinary user, here, it prints with it."""

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from boardpack.reports.render import pdf

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]


class FakeLaunch:
    """playwright.chromium.launch, refusing the sandbox or not; it records how it was called."""

    def __init__(self, *, sandbox_starts: bool) -> None:
        self.sandbox_starts = sandbox_starts
        self.calls: list[bool] = []

    def __call__(self, *, executable_path: str, chromium_sandbox: bool) -> str:
        self.calls.append(chromium_sandbox)
        if chromium_sandbox and not self.sandbox_starts:
            raise PlaywrightError("Browser.launch: No usable sandbox!\nmore lines of the log")
        return f"browser sandboxed={chromium_sandbox}"


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch):
    """Nothing learnt by an earlier test, and not root unless a test says so."""
    monkeypatch.setattr(pdf, "UNSANDBOXED", set())
    monkeypatch.setattr(os, "geteuid", lambda: 1000)


def _warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_auto_uses_the_sandbox_where_it_starts(settings, caplog):
    settings.BOARDPACK_CHROMIUM_SANDBOX = "auto"
    launch = FakeLaunch(sandbox_starts=True)
    assert pdf.launch_chromium(launch, CHROMIUM) == "browser sandboxed=True"
    assert launch.calls == [True]
    assert _warnings(caplog) == []


def test_auto_falls_back_with_one_warning_and_does_not_try_again(settings, caplog):
    settings.BOARDPACK_CHROMIUM_SANDBOX = "auto"
    launch = FakeLaunch(sandbox_starts=False)
    assert pdf.launch_chromium(launch, CHROMIUM) == "browser sandboxed=False"
    assert pdf.launch_chromium(launch, CHROMIUM) == "browser sandboxed=False"
    assert launch.calls == [True, False, False]
    (warning,) = _warnings(caplog)
    assert "No usable sandbox!" in warning
    assert "more lines" not in warning
    assert "BOARDPACK_CHROMIUM_SANDBOX" in warning


def test_auto_as_root_does_not_try_and_says_so_once(settings, caplog, monkeypatch):
    settings.BOARDPACK_CHROMIUM_SANDBOX = "auto"
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    launch = FakeLaunch(sandbox_starts=True)
    pdf.launch_chromium(launch, CHROMIUM)
    pdf.launch_chromium(launch, CHROMIUM)
    assert launch.calls == [False, False]
    (warning,) = _warnings(caplog)
    assert "runs as root" in warning


def test_on_insists_and_says_why_it_cannot(settings, monkeypatch):
    settings.BOARDPACK_CHROMIUM_SANDBOX = "on"
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    launch = FakeLaunch(sandbox_starts=False)
    with pytest.raises(pdf.ChromiumSandboxError, match="No usable sandbox!"):
        pdf.launch_chromium(launch, CHROMIUM)
    assert launch.calls == [True]


def test_off_never_tries(settings, caplog):
    settings.BOARDPACK_CHROMIUM_SANDBOX = "off"
    launch = FakeLaunch(sandbox_starts=True)
    assert pdf.launch_chromium(launch, CHROMIUM) == "browser sandboxed=False"
    assert launch.calls == [False]
    assert _warnings(caplog) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="runs as root")
def test_the_real_chromium_refuses_its_sandbox_to_root(settings, monkeypatch):
    """In a thread of its own: the browser tests' Playwright may hold this thread's event loop."""
    settings.BOARDPACK_CHROMIUM_SANDBOX = "on"
    monkeypatch.setattr(os, "geteuid", lambda: 0)

    def launch() -> None:
        with sync_playwright() as playwright:
            pdf.launch_chromium(playwright.chromium.launch, CHROMIUM)

    with ThreadPoolExecutor(1) as pool, pytest.raises(pdf.ChromiumSandboxError):
        pool.submit(launch).result()


@pytest.fixture
def user_dir():
    """A folder the user `nobody` may write in (pytest's own are root's only)."""
    with tempfile.TemporaryDirectory(prefix="boardpack-sandbox-") as made:
        Path(made).chmod(0o777)
        yield Path(made)


AS_A_USER = """
from playwright.sync_api import sync_playwright
import django
django.setup()
from boardpack.reports.render import pdf
with sync_playwright() as playwright:
    browser = pdf.launch_chromium(playwright.chromium.launch, "/usr/bin/chromium")
    page = browser.new_page()
    page.set_content("<p>sandboxed</p>")
    print(len(page.pdf()) > 0, pdf.UNSANDBOXED)
    browser.close()
"""


@pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root to become a user"
)
def test_as_an_ordinary_user_the_real_chromium_prints_with_its_sandbox(user_dir):
    """Here the kernel allows it: `on` prints, so the sandbox works."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(user_dir),
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
        ),
        "DJANGO_SETTINGS_MODULE": "boardpack.settings",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": f"sqlite:///{user_dir}/unused.sqlite3",
        "BOARDPACK_CHROMIUM_SANDBOX": "on",
    }
    nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    ran = subprocess.run(
        [*nobody, sys.executable, "-c", AS_A_USER],
        env=env,
        cwd=user_dir,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ran.stdout.split() == ["True", "set()"], ran.stderr
