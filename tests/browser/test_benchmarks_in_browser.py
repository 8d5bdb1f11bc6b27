import pytest

from boardpack.scorecard.models import Indicator
from tests.benchmarks.conftest import bench_dir, linked, loaded  # noqa: F401
from tests.browser.conftest import screenshot, serious_violations, sign_in
from tests.factories import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("linked"),
]


def test_the_benchmark_panel_passes_axe_and_fits_a_phone(live_server, page, viewer):
    sign_in(page, live_server.url, "viewer", PASSWORD)
    indicator = Indicator.objects.get(code="2042SC")
    page.goto(f"{live_server.url}/indicators/{indicator.pk}/#benchmarks")
    row = page.locator('tr:has([data-year="2024"])')
    assert "Quartile B" in row.inner_text()
    screenshot(page, "benchmark-panel")
    assert serious_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_an_officer_links_an_indicator_on_the_benchmarks_page(live_server, page, officer):
    sign_in(page, live_server.url, "officer", PASSWORD)
    page.goto(f"{live_server.url}/benchmarks/")
    assert serious_violations(page) == []
    page.select_option("#id_indicator", "CS143")
    page.select_option("#id_measure", "LOWP")
    page.click("text=Save link")
    page.wait_for_url(f"{live_server.url}/benchmarks/")
    assert "CS143 is compared with LOWP (created)." in page.inner_text("main")
    screenshot(page, "benchmarks")
