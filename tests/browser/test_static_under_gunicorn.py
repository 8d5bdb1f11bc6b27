"""Boardpack as deployed (docs/deploy.md): gunicorn with deploy/gunicorn.conf.py, DEBUG off, the
static files collected and served by WhiteNoise, the demo on SQLite. The pages' CSS and JS load
and apply; gunicorn's and the app's logs are JSON lines; /healthz says no worker is running."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
DEMO = ("performance.officer", "boardpack-demo")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answer(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _wait_for(url: str, server: subprocess.Popen) -> None:
    for _ in range(120):
        assert server.poll() is None, "gunicorn stopped"
        try:
            _answer(url)
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError("gunicorn did not answer")


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    """The demo served by gunicorn with DEBUG off, on a free port: its address and its log."""
    where = tmp_path_factory.mktemp("deployed")
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("BOARDPACK_", "DJANGO"))}
    inherited.pop("DATABASE_URL", None)
    env = {
        **inherited,
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
        ),
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{where / 'demo.sqlite3'}",
        "BOARDPACK_STATIC_ROOT": str(where / "static"),
        "BOARDPACK_REQUIRE_2FA": "none",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    for command in (["demo", "--reset"], ["collectstatic", "--noinput"]):
        subprocess.run([BIN / "boardpack", *command], env=env, check=True, capture_output=True)
    port = _free_port()
    log = where / "gunicorn.log"
    config = ROOT / "deploy" / "gunicorn.conf.py"
    with log.open("w") as out:
        server = subprocess.Popen(
            [BIN / "gunicorn", "--config", config, "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            env=env,
            cwd=where,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    _wait_for(f"{base}/healthz", server)
    yield base, log
    server.terminate()
    server.wait(timeout=30)


def test_css_and_js_load_and_apply_with_debug_off(deployed, page):
    base, _ = deployed
    static = []
    page.on("response", lambda r: static.append(r) if "/static/" in r.url else None)
    page.goto(f"{base}/login/")
    page.fill("#id_username", DEMO[0])
    page.fill("#id_password", DEMO[1])
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    page.wait_for_selector("[data-govuk-skip-link-init]", state="attached")
    loaded = {r.url.removeprefix(f"{base}/static/"): r.status for r in static}
    assert any(name.startswith("govuk/govuk-frontend.min.") for name in loaded)
    assert any(name.startswith("boardpack/site.") and name.endswith(".css") for name in loaded)
    assert any(name.startswith("boardpack/htmx.min.") for name in loaded)
    assert set(loaded.values()) == {200}, loaded
    styled = page.evaluate(
        "() => [getComputedStyle(document.querySelector('h1')).fontFamily,"
        " getComputedStyle(document.querySelector('.govuk-header')).backgroundColor]"
    )
    assert styled[0] == "Arial, sans-serif"  # GOV.UK Frontend's, not the browser's serif
    assert styled[1] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.evaluate("() => typeof window.htmx") == "object"


def test_hashed_files_are_compressed_and_cached_for_ever(deployed, page):
    base, _ = deployed
    page.goto(f"{base}/login/")
    href = page.get_attribute("link[rel=stylesheet][href*='site.']", "href")
    response = page.request.get(f"{base}{href}", headers={"accept-encoding": "gzip"})
    assert response.status == 200
    assert response.headers["content-encoding"] == "gzip"
    assert "immutable" in response.headers["cache-control"]


def test_healthz_says_no_worker_is_running(deployed):
    base, _ = deployed
    assert _answer(f"{base}/healthz") == 503


def test_every_log_line_is_a_json_object(deployed, page):
    base, log = deployed
    page.goto(f"{base}/login/")
    lines = log.read_text().splitlines()
    entries = [json.loads(line) for line in lines]
    assert {"gunicorn.error", "gunicorn.access"} <= {entry["logger"] for entry in entries}
    access = [e for e in entries if e["logger"] == "gunicorn.access"]
    assert any((e["method"], e["path"], e["status"]) == ("GET", "/login/", 200) for e in access)
