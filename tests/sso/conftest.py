"""A real OpenID provider on loopback (tests/sso/provider.mjs runs the certified `oidc-provider`
package under Node), Boardpack's single sign-on set up against it from its discovery document,
and a person who signs in there as a browser would: Django's test client for Boardpack, requests
for the provider's own sign-in and consent pages."""

from __future__ import annotations

import json
import re
import select
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from django.http import HttpResponse
from django.test import Client

from boardpack.lib.sso_settings import sso_settings

ROOT = Path(__file__).resolve().parents[2]
PROVIDER = Path(__file__).with_name("provider.mjs")
CALLBACK = "http://testserver/sso/callback/"
CLIENT_ID = "boardpack-test"
CLIENT_SECRET = "a-client-secret-for-the-tests-only"
ACCOUNTS = {
    "alice-sub": {"email": "alice@example.gov.uk", "groups": ["perf-team"]},
    "bob-sub": {"email": "bob@example.gov.uk", "groups": []},
    "mallory-sub": {"email": "mallory@elsewhere.example", "groups": ["perf-team"]},
}


@contextmanager
def running_provider(*, wrong_key: bool = False) -> Iterator[str]:
    """The provider's process; yields its issuer URL."""
    node = shutil.which("node")
    assert node, "Node.js is needed (make browser-tools installs the provider with npm ci)"
    options = {
        "redirectUri": CALLBACK,
        "clientId": CLIENT_ID,
        "clientSecret": CLIENT_SECRET,
        "accounts": ACCOUNTS,
        "wrongKey": wrong_key,
    }
    process = subprocess.Popen(
        [node, str(PROVIDER), json.dumps(options)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        ready, _, _ = select.select([process.stdout], [], [], 30)
        assert ready, "the OpenID provider did not start in 30 s"
        yield json.loads(process.stdout.readline())["issuer"]  # type: ignore[union-attr]
    finally:
        process.stdin.close()  # type: ignore[union-attr]
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def configure(settings, issuer: str, **env: str) -> None:
    """Boardpack's settings for this provider, read from its discovery document."""
    found = sso_settings(
        {
            "BOARDPACK_OIDC_ISSUER": issuer,
            "BOARDPACK_OIDC_CLIENT_ID": CLIENT_ID,
            "BOARDPACK_OIDC_CLIENT_SECRET": CLIENT_SECRET,
            "BOARDPACK_OIDC_SCOPES": "openid email groups",
            **env,
        }
    )
    for name, value in found.items():
        setattr(settings, name, value)
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "boardpack.accounts.sso.SingleSignOnBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]


@pytest.fixture
def provider(settings) -> Iterator[str]:
    with running_provider() as issuer:
        configure(settings, issuer)
        yield issuer


@pytest.fixture
def lying_provider(settings) -> Iterator[str]:
    """A provider whose ID tokens are signed with a key it does not publish."""
    with running_provider(wrong_key=True) as issuer:
        configure(settings, issuer)
        yield issuer


def provider_redirect(client: Client, account: str, *, next_path: str = "/") -> str:
    """Start single sign-on at Boardpack, sign in and consent at the provider as `account`;
    return the URL the provider sends the browser back to (Boardpack's callback)."""
    start = client.get("/sso/start/", {"next": next_path})
    assert start.status_code == 302, start
    browser = requests.Session()
    url, data = start["Location"], None
    for _ in range(12):
        response = (
            browser.post(url, data=data, allow_redirects=False, timeout=10)
            if data
            else browser.get(url, allow_redirects=False, timeout=10)
        )
        data = None
        if response.is_redirect:
            url = urljoin(url, response.headers["Location"])
            if url.startswith(CALLBACK):
                return url
            continue
        assert response.status_code == 200, response.text
        prompt = re.search(r'name="prompt" value="(\w+)"', response.text)
        assert prompt, response.text
        action = re.search(r'<form[^>]*action="([^"]+)"', response.text)
        url = urljoin(url, action[1] if action else url)
        data = {"prompt": prompt[1], "login": account, "password": "any"}
    raise AssertionError("the provider never sent the browser back")


def callback(client: Client, url: str) -> HttpResponse:
    parts = urlsplit(url)
    return client.get(f"{parts.path}?{parts.query}")
