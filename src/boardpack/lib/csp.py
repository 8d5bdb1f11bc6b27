"""The content-security policy's allowances for a stand-alone document Boardpack serves whole,
such as a report's HTML: its own <style> elements, allowed by their hashes, never by
'unsafe-inline' (docs/security.md)."""

from __future__ import annotations

import base64
import hashlib
import re

from django.http import HttpResponse

STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def style_hashes(html: str) -> list[str]:
    """The CSP source for each <style> element's text: 'sha256-…'."""
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"
        for text in STYLE.findall(html)
    ]


def allow_own_styles(response: HttpResponse) -> HttpResponse:
    """Let the browser apply an HTML document's own <style> elements and no other inline
    style (a download is not rendered by the browser: nothing to allow)."""
    if response["Content-Type"].startswith("text/html"):
        hashes = style_hashes(response.content.decode())
        response._csp_update = {"style-src": hashes}  # type: ignore[attr-defined]
    return response
