import pytest

from tests.browser.conftest import screenshot, serious_violations, sign_in
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_viewer_reads_the_scorecard_and_it_passes_axe(live_server, page, viewer, demo_data):
    sign_in(page, live_server.url, "viewer", PASSWORD)
    assert page.locator("h1").inner_text() == "Performance Report – Quarter 1 2012/13"
    row = page.locator('tr[data-code="2042SC"]')
    assert "Worse than target" in row.inner_text()
    screenshot(page, "scorecard")
    assert serious_violations(page) == []


def test_the_scorecard_works_at_320_pixels(live_server, page, viewer, demo_data):
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, live_server.url, "viewer", PASSWORD)
    width = page.evaluate("document.documentElement.scrollWidth")
    screenshot(page, "scorecard-320")
    assert width <= 320


@pytest.mark.parametrize("width", [1366, 1920])
def test_every_column_shows_without_scrolling_sideways(live_server, page, viewer, demo_data, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, "viewer", PASSWORD)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    overflowing = page.evaluate(
        "[...document.querySelectorAll('.bp-table-scroll')]"
        ".filter(e => e.scrollWidth > e.clientWidth).length"
    )
    assert overflowing == 0
    lefts = page.evaluate(
        "[...document.querySelectorAll('table.bp-scorecard')]"
        ".map(t => [...t.rows[0].cells].map(c => Math.round(c.getBoundingClientRect().left)))"
    )
    assert all(columns == lefts[0] for columns in lefts)
    title = page.locator('tr[data-code="2042SC"] td').nth(1).bounding_box()
    assert title["width"] > 150
    assert page.locator("#id_status").is_hidden()
    screenshot(page, f"scorecard-{width}")


def test_the_filters_work_by_keyboard(live_server, page, viewer, demo_data):
    sign_in(page, live_server.url, "viewer", PASSWORD)
    page.focus(".bp-filter-details summary")
    page.keyboard.press("Enter")
    page.focus("#id_status")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    for _ in range(3):
        if page.evaluate("document.activeElement.textContent.trim()") == "Show":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**status=red-diamond**")
    assert page.locator("tr[data-code]").count() == 17
