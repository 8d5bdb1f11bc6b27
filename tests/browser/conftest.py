"""Browser tests: Playwright drives Debian's Chromium against the live test server.

axe-core (from the npm registry, see package.json) is injected into each page to check it.
The content-security policy is on: every test fails if the browser reports a violation.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, sync_playwright

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the test
# itself (fixtures, assertions) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "var" / "screenshots"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""


def csp_violations(context: BrowserContext) -> list[str]:
    """Every violation of the content-security policy the pages of this context report (the
    browser's own "Refused to …" console errors and the securitypolicyviolation events)."""
    found: list[str] = []

    def seen(message: ConsoleMessage) -> None:
        if "Refused to" in message.text or message.text.startswith("CSP violation"):
            found.append(f"{message.page.url if message.page else ''}: {message.text}")

    context.add_init_script(CSP_LISTENER)
    context.on("console", seen)
    return found


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    violations = csp_violations(context)
    opened = context.new_page()
    yield opened
    context.close()
    assert violations == [], "the content-security policy was violated"


def sign_in(page: Page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def fill_date(page: Page, legend: str, typed: str) -> None:
    """Type `typed` ("26 9 2012") into the day, month and year boxes of the GOV.UK date input
    whose legend is `legend`, as a person does."""
    group = page.get_by_role("group", name=legend)
    for part, value in zip(("Day", "Month", "Year"), typed.split(), strict=True):
        group.get_by_label(part, exact=True).fill(value)


def all_violations(page: Page, impacts: tuple[str, ...] = ()) -> list[str]:
    """Run axe-core in the page; return its violations of these impacts (all when none are
    named: minor, moderate, serious and critical). (Evaluated through the DevTools protocol,
    which the page's content-security policy does not govern.)"""
    page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if not impacts or v["impact"] in impacts
    ]


def serious_violations(page: Page) -> list[str]:
    """The page's serious and critical axe violations."""
    return all_violations(page, ("serious", "critical"))


def screenshot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
