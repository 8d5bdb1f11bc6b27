"""The whole monthly round in a real browser: a value turns red, commentary goes round the
workflow until it is approved; a viewer cannot reach the pages that change things."""

import pytest
from playwright.sync_api import Page, expect

from boardpack.scorecard.models import Actual, Comment, CommentEvent, Indicator
from tests.browser.conftest import screenshot, serious_violations, sign_in
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _checked(page: Page, name: str) -> None:
    screenshot(page, name)
    assert serious_violations(page) == [], name


def _sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()


def test_an_exception_is_explained_returned_resubmitted_and_approved(
    live_server, page, owner, officer
):
    base = live_server.url
    cpp = Indicator.objects.get(code="2023SC")
    sign_in(page, base, "owner", PASSWORD)

    page.goto(f"{base}/indicators/{cpp.pk}/values/?year=2012")
    _checked(page, "values-indicator")
    actual = page.get_by_label("Actual for Quarter 2 2012/13", exact=True)
    actual.press_sequentially("25")
    row_status = page.locator(f"#status-{cpp.pk}-2012-09")
    expect(row_status).to_contain_text("Worse than target")
    page.get_by_role("button", name="Save values").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Values saved")
    assert Actual.objects.get(indicator=cpp, period="2012-09-30").value == 25

    page.goto(f"{base}/my-indicators/?period=2012-09")
    _checked(page, "my-indicators")
    page.locator(f'a[href="/indicators/{cpp.pk}/commentary/2012-09/"]').first.click()
    page.locator("#id_text").fill(
        "Numbers rose after two large sibling groups became subject to plans."
    )
    _checked(page, "comment-write")
    page.get_by_role("button", name="Submit for approval").click()
    comment = Comment.objects.get(indicator=cpp, period="2012-09-30")
    assert comment.state == "submitted"
    _sign_out(page)

    sign_in(page, base, "officer", PASSWORD)
    page.goto(f"{base}/commentary/review/")
    _checked(page, "review-list")
    page.goto(f"{base}/commentary/{comment.pk}/review/")
    page.locator("#id_reason").fill("Say what is being done about it.")
    _checked(page, "review")
    page.get_by_role("button", name="Return with reason").click()
    comment.refresh_from_db()
    assert comment.state == "returned"
    _sign_out(page)

    sign_in(page, base, "owner", PASSWORD)
    page.goto(f"{base}/indicators/{cpp.pk}/commentary/2012-09/")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Say what is being done about it."
    )
    page.locator("#id_text").fill(
        "Numbers rose after two large sibling groups became subject to plans. "
        "Each plan is reviewed at the monthly panel."
    )
    page.get_by_role("button", name="Submit for approval").click()
    _sign_out(page)

    sign_in(page, base, "officer", PASSWORD)
    page.goto(f"{base}/commentary/{comment.pk}/review/")
    page.get_by_role("button", name="Approve").click()
    comment.refresh_from_db()
    assert comment.state == "approved"
    states = list(CommentEvent.objects.filter(comment=comment).values_list("state", "by__username"))
    assert states == [
        ("submitted", "owner"),
        ("returned", "officer"),
        ("submitted", "owner"),
        ("approved", "officer"),
    ]
    page.goto(f"{base}/indicators/{cpp.pk}/?year=2012")
    _checked(page, "indicator")
    expect(page.locator("body")).to_contain_text("Each plan is reviewed at the monthly panel.")


@pytest.mark.parametrize(
    "path",
    ["/values/", "/imports/", "/library/", "/people/", "/commentary/review/", "/my-indicators/"],
)
def test_a_viewer_cannot_reach_the_pages_that_change_things(
    live_server, page, viewer, demo_data, path
):
    sign_in(page, live_server.url, "viewer", PASSWORD)
    response = page.goto(f"{live_server.url}{path}")
    assert response is not None
    assert response.status == 403
    nav = page.locator("nav[aria-label=Menu]").inner_text()
    for item in ("Enter values", "Imports", "Indicator library", "People", "Commentary review"):
        assert item not in nav


def test_every_officer_page_passes_axe_and_the_menu_works_by_keyboard(
    live_server, page, officer, demo_data
):
    sign_in(page, live_server.url, "officer", PASSWORD)
    lac = Indicator.objects.get(code="2042SC")
    for path, name in [
        ("/values/", "values-grid"),
        ("/imports/", "imports"),
        ("/library/", "library"),
        (f"/library/{lac.pk}/edit/", "library-edit"),
        ("/library/new/", "library-new"),
        ("/people/", "people"),
        ("/people/new/", "person-new"),
        (f"/indicators/{lac.pk}/", "indicator-officer"),
    ]:
        page.goto(f"{live_server.url}{path}")
        _checked(page, name)
    page.goto(f"{live_server.url}/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Indicator library":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/library/")
