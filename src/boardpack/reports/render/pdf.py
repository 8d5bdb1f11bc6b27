"""PDF: headless Chromium prints the same HTML as the web page, with its print CSS.

Chromium, not WeasyPrint, because of a measurement: the quarterly report of 300 indicators
(212 pages) printed in 12 s, where WeasyPrint took 80 s against a goal of 30 s (docs/user-guide.md,
"Reports"). Chromium is Debian's package at settings.CHROMIUM_PATH, driven by Playwright. One
browser per PDF (about 1.5 s to start): nothing is shared between requests, threads or processes,
and no idle browser is kept in each server process.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from playwright.sync_api import Browser, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from boardpack.reports.document import Document
from boardpack.reports.render.html import render_html

logger = logging.getLogger(__name__)
STAMPS = re.compile(rb"(/(?:CreationDate|ModDate) \()D:\d{14}")


class ChromiumMissingError(ImproperlyConfigured):
    """Chromium is not where the CHROMIUM_PATH setting says."""


class ChromiumSandboxError(ImproperlyConfigured):
    """BOARDPACK_CHROMIUM_SANDBOX=on, and Chromium cannot start with its sandbox here."""


UNSANDBOXED: set[str] = set()
"""The Chromiums this process found unable to start with their sandbox (auto mode): not
tried with it again."""


def render_pdf(document: Document) -> bytes:
    html = render_html(document)
    chromium = chromium_path()
    # Playwright's sync API refuses a thread that already runs an event loop (a test's browser,
    # an async server), so Chromium is driven from a thread of its own.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pdf = pool.submit(print_html, html, chromium).result()
    return restamp_pdf(pdf, document.data_date)


def chromium_path() -> str:
    """The Chromium executable named by settings.CHROMIUM_PATH (a path, or a name on PATH)."""
    configured: str = settings.CHROMIUM_PATH
    found = shutil.which(configured)
    if found is None:
        raise ChromiumMissingError(
            f"PDFs are printed by Chromium, which is not at {configured} "
            "(the CHROMIUM_PATH setting). Install Debian's package with "
            "`apt-get install chromium`, or set CHROMIUM_PATH to where Chromium is."
        )
    return found


def print_html(html: str, chromium: str) -> bytes:
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright.chromium.launch, chromium)
        try:
            page = browser.new_page(java_script_enabled=False)
            page.set_content(html, wait_until="load")
            return page.pdf(prefer_css_page_size=True, print_background=True)
        finally:
            browser.close()


def launch_chromium(launch: Callable[..., Browser], chromium: str) -> Browser:
    """Chromium with its sandbox where it can have it (BOARDPACK_CHROMIUM_SANDBOX: auto, the
    default, tries it and falls back with a warning; on insists; off never tries). It cannot
    as root, nor where the kernel or a container's seccomp profile refuses the user namespaces
    it needs; then the page printed is still our own escaped HTML, with JavaScript off."""
    mode = settings.BOARDPACK_CHROMIUM_SANDBOX
    if mode == "off" or (mode == "auto" and _sandbox_refused(chromium)):
        return launch(executable_path=chromium, chromium_sandbox=False)
    try:
        return launch(executable_path=chromium, chromium_sandbox=True)
    except PlaywrightError as error:
        if mode == "on":
            raise ChromiumSandboxError(_why_not(error)) from error
        UNSANDBOXED.add(chromium)
        logger.warning("%s Printing PDFs without it.", _why_not(error))
    return launch(executable_path=chromium, chromium_sandbox=False)


def _sandbox_refused(chromium: str) -> bool:
    """Known not to work in this process: tried before, or running as root (Chromium refuses
    its sandbox to root), which is said once."""
    if chromium not in UNSANDBOXED and os.geteuid() == 0:
        UNSANDBOXED.add(chromium)
        logger.warning(
            "Chromium cannot use its sandbox when Boardpack runs as root: printing PDFs "
            "without it. Run the service as an ordinary user (docs/deploy.md)."
        )
    return chromium in UNSANDBOXED


def _why_not(error: PlaywrightError) -> str:
    first = next(iter(error.message.strip().splitlines()), "no reason given")
    return (
        f"Chromium cannot start with its sandbox here ({first}): the kernel or the container "
        "refuses the user namespaces it needs, or the service runs as root (docs/deploy.md, "
        "BOARDPACK_CHROMIUM_SANDBOX)."
    )


def restamp_pdf(pdf: bytes, when: date) -> bytes:
    """Chromium stamps the clock as the creation and modification dates; stamp the data's date
    instead, so the same data gives the same file. The stamp keeps its length, so the
    cross-reference table's byte offsets stay right."""
    stamp = f"D:{when:%Y%m%d}000000".encode()
    return STAMPS.sub(lambda found: found.group(1) + stamp, pdf)
