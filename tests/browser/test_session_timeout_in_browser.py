"""The GOV.UK session-timeout pattern in a real browser: a warning dialog before the session
would end for want of activity; "Stay signed in" renews it; then the page signs out and says why.
The limits are shortened to seconds here (15 minutes and 2 before in production)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serious_violations, sign_in
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_warning_extends_the_session_then_the_page_signs_out_and_says_why(
    live_server, page, viewer, settings
):
    settings.SESSION_COOKIE_AGE = 8
    settings.BOARDPACK_SESSION_WARNING_SECONDS = 5
    base = live_server.url
    sign_in(page, base, "viewer", PASSWORD)
    dialog = page.get_by_role("dialog", name="You’re about to be signed out")
    expect(dialog).to_be_visible(timeout=6000)
    expect(page.get_by_role("button", name="Stay signed in")).to_be_focused()
    assert serious_violations(page) == []
    with page.expect_response("**/session/keep-alive/") as renewed:
        page.get_by_role("button", name="Stay signed in").click()
    assert renewed.value.status == 204
    expect(dialog).to_be_hidden()
    page.wait_for_url(f"{base}/signed-out/?reason=idle", timeout=15000)
    expect(page.locator("[data-reason]")).to_have_text(
        "You were signed out because you had done nothing for 8 seconds."
    )
    page.goto(f"{base}/plans/")
    assert page.url.startswith(f"{base}/login/")
