"""Every response carries the security headers: a strict content-security policy (no inline
script or style), no framing, a referrer policy, no content sniffing, a permissions policy."""

import base64
import hashlib
import re

import pytest

pytestmark = pytest.mark.django_db


def _policy(response) -> dict[str, list[str]]:
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {name: values for name, *values in directives}


def test_a_page_has_the_security_headers(client):
    response = client.get("/login/")
    policy = _policy(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_pages_carry_no_inline_script_or_style(client, officer, demo_data):
    client.force_login(officer)
    for path in ("/", "/values/", "/plans/", "/people/", "/reports/"):
        page = client.get(path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)", page), path
        assert " style=" not in page, path
        assert "<style" not in page, path


def test_the_html_report_may_use_its_own_style_element_and_no_other(client, viewer, demo_data):
    client.force_login(viewer)
    response = client.get("/reports/?period=2012-06&format=html")
    (style,) = re.findall(r"<style>(.*?)</style>", response.content.decode(), re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert _policy(response)["style-src"] == ["'self'", f"'sha256-{digest}'"]
    assert _policy(response)["script-src"] == ["'self'"]
