"""Production settings: the one HTTPS switch, `check --deploy` clean with what .env.example
documents, sign-in behind a TLS proxy, and a server error logged (as JSON, with its traceback),
mailed and shown plainly."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
BOARDPACK = [sys.executable, "-m", "boardpack.cli"]
SITE = "https://boardpack.example.gov.uk"


def _env_example() -> dict[str, str]:
    """The variables .env.example sets, with a fresh 50-character SECRET_KEY as it asks."""
    pairs = (
        line.split("=", 1)
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )
    return {**dict(pairs), "SECRET_KEY": secrets.token_urlsafe(50)[:50]}


def _run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("BOARDPACK_", "DJANGO"))}
    inherited.pop("DATABASE_URL", None)
    return subprocess.run(
        args,
        env={**inherited, **env},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_check_deploy_passes_with_the_settings_env_example_documents(tmp_path):
    env = _env_example()
    assert (env["DEBUG"], env["BOARDPACK_HTTPS"]) == ("false", "true")
    checked = _run([*BOARDPACK, "check", "--deploy", "--fail-level", "WARNING"], tmp_path, **env)
    assert checked.returncode == 0, checked.stderr
    assert "System check identified no issues" in checked.stdout


def test_without_https_check_deploy_names_what_is_missing(tmp_path):
    env = {**_env_example(), "BOARDPACK_HTTPS": "false"}
    checked = _run([*BOARDPACK, "check", "--deploy", "--fail-level", "WARNING"], tmp_path, **env)
    assert checked.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W016"):
        assert warning in checked.stderr


def test_the_https_switch_sets_cookies_hsts_redirect_proxy_header_and_trusted_origin(tmp_path):
    script = (
        "import boardpack.settings as s; print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER,"
        " s.CSRF_TRUSTED_ORIGINS)"
    )
    env = {"SECRET_KEY": "x" * 50, "BOARDPACK_BASE_URL": f"{SITE}/"}
    on = _run([sys.executable, "-c", script], tmp_path, **env, BOARDPACK_HTTPS="true")
    assert on.stdout.split() == [
        "True",
        "True",
        "True",
        "31536000",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        f"['{SITE}']",
    ]
    off = _run([sys.executable, "-c", script], tmp_path, **env)
    assert off.stdout.split()[:5] == ["False", "False", "False", "0", "None"]


@pytest.mark.django_db
def test_sign_in_behind_a_tls_proxy_passes_the_csrf_check(settings, officer):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.CSRF_TRUSTED_ORIGINS = [SITE]
    settings.ALLOWED_HOSTS = ["boardpack.example.gov.uk"]
    browser = Client(
        enforce_csrf_checks=True,
        headers={"host": "boardpack.example.gov.uk", "x-forwarded-proto": "https"},
    )
    browser.get("/login/")
    token = browser.cookies["csrftoken"].value
    signed_in = browser.post(
        "/login/",
        {"username": "officer", "password": "a-long-test-password", "csrfmiddlewaretoken": token},
        headers={"origin": SITE, "referer": f"{SITE}/login/"},
    )
    assert signed_in.status_code == 302
    assert signed_in.url == "/"


SERVER_ERROR = """
import django
from django.core import mail
from django.test import Client
from django.test.utils import override_settings, setup_test_environment
django.setup()
setup_test_environment()
# The error page names its static files as they are in the apps (no collectstatic here).
PLAIN = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(ROOT_URLCONF="tests.web.failing_urls", STORAGES=PLAIN):
    response = Client(raise_request_exception=False).get("/broken/")
print("STATUS", response.status_code)
print("PAGE", "Sorry, there is a problem with the service" in response.content.decode())
print("LEAK", "the page broke on purpose" in response.content.decode())
print("MAILED", [(m.to, m.subject) for m in mail.outbox])
"""


def test_a_server_error_is_logged_with_its_traceback_mailed_and_shown_plainly(tmp_path):
    env = {
        **_env_example(),
        "ALLOWED_HOSTS": "testserver",
        "BOARDPACK_ADMINS": "Service desk <servicedesk@example.gov.uk>",
        # This worktree's code (and the tests' URLs), before whatever else is on the path.
        "PYTHONPATH": os.pathsep.join(
            [str(ROOT / "src"), str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
        ),
        "DJANGO_SETTINGS_MODULE": "boardpack.settings",
        "BOARDPACK_HTTPS": "false",
    }
    ran = _run([sys.executable, "-c", SERVER_ERROR], tmp_path, **env)
    out = ran.stdout
    assert "STATUS 500" in out, ran.stderr
    assert "PAGE True" in out
    assert "LEAK False" in out
    logged = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    (error,) = [entry for entry in logged if entry["logger"] == "django.request"]
    assert (error["level"], error["message"]) == ("ERROR", "Internal Server Error: /broken/")
    assert (error["method"], error["path"], error["status"]) == ("GET", "/broken/", 500)
    assert error["traceback"].startswith("Traceback (most recent call last)")
    assert error["traceback"].endswith("RuntimeError: the page broke on purpose")
    assert "MAILED [(['servicedesk@example.gov.uk'], '[Django] ERROR" in out
