"""The content-security policy in a real browser: every page each role can reach by its links
(and the HTML reports) loads without one violation, and GOV.UK Frontend and HTMX still run."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from boardpack.demo.benchmarks import load_demo_benchmarks
from boardpack.demo.management.commands.demo import load_demo_plan
from boardpack.demo.priority_plan import load_demo_priority_plan
from tests.browser.conftest import csp_violations, sign_in
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOT_PAGES = ("/logout/", "/admin/", ".pdf", ".docx", ".xlsx", ".csv", ".json", "format=")
"""Links that sign out, lead outside the app's pages or download a file."""
EXTRA = ("/reports/?period=2012-06&format=html",)
"""Pages reached by a form, not a link: the HTML report, a stand-alone document."""
LIMIT = 45


def _shape(url: str) -> str:
    """A page's route: one page per route is crawled (/plans/3/ stands for /plans/N/)."""
    parts = urlsplit(url)
    keys = sorted(pair.split("=")[0] for pair in parts.query.split("&") if pair)
    return re.sub(r"\d+", "N", parts.path) + "?" + "&".join(keys)


def _links(page: Page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    return [
        href.split("#")[0]
        for href in hrefs
        if href.startswith(base) and not any(part in href for part in NOT_PAGES)
    ]


def _crawl(page: Page, base: str) -> list[str]:
    """Visit every route reachable from the scorecard; return the pages visited."""
    queue, seen, visited = [f"{base}/", *(base + path for path in EXTRA)], set(), []
    while queue and len(visited) < LIMIT:
        url = queue.pop(0)
        if _shape(url) in seen:
            continue
        seen.add(_shape(url))
        response = page.goto(url)
        assert response is not None
        assert response.status < 500, url
        visited.append(url)
        if "text/html" in response.headers.get("content-type", ""):
            queue.extend(_links(page, base))
    return visited


def test_every_page_of_every_role_keeps_to_the_policy(
    live_server, browser: Browser, officer, owner, delegate, viewer
):
    load_demo_plan()
    load_demo_priority_plan()
    load_demo_benchmarks()
    base = live_server.url
    for username in ("officer", "owner", "delegate", "viewer"):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        violations = csp_violations(context)
        page = context.new_page()
        sign_in(page, base, username, PASSWORD)
        assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
        visited = _crawl(page, base)
        context.close()
        assert len(visited) > 10, (username, visited)
        assert violations == [], username


def test_the_policy_is_strict_and_htmx_still_previews_a_status(
    live_server, page: Page, officer, demo_data
):
    base = live_server.url
    sign_in(page, base, "officer", PASSWORD)
    response = page.goto(f"{base}/values/")
    assert response is not None
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert page.evaluate("typeof htmx") == "object"
