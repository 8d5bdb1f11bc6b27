"""The reports' web previews in a browser: a main landmark, a link back to the app, and no axe
violation of any impact (the previews are stand-alone pages, not the app's layout)."""

import pytest
from playwright.sync_api import Page

from boardpack.demo.benchmarks import load_demo_benchmarks
from boardpack.demo.management.commands.demo import load_demo_plan
from boardpack.demo.priority_plan import PRIORITY_PLAN_NAME, load_demo_priority_plan
from boardpack.plans.models import Plan
from tests.browser.conftest import all_violations, screenshot, sign_in
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_report_preview_has_a_main_a_way_back_and_passes_axe(
    live_server, page: Page, viewer, demo_data
):
    load_demo_plan()
    plan = Plan.objects.get(name="Corporate Parenting Strategy Delivery Plan")
    load_demo_priority_plan()
    load_demo_benchmarks()
    priority = Plan.objects.get(name=PRIORITY_PLAN_NAME).objectives.get(number=1)
    base = live_server.url
    sign_in(page, base, "viewer", PASSWORD)
    previews = {
        "quarterly": "/reports/?period=2012-06&format=html",
        "plan": f"/reports/plan/?plan={plan.slug}&format=html",
        "priority": f"/reports/priority/?priority={priority.pk}&period=2012-06&format=html",
        "appendix": "/reports/appendix/?format=html",
    }
    for name, path in previews.items():
        page.goto(base + path)
        assert page.locator("main").count() == 1, name
        assert page.locator("main h1").count() == 1, name
        back = page.get_by_role("link", name="Back to Boardpack")
        assert back.get_attribute("href") == "/reports/", name
        assert all_violations(page) == [], name
        screenshot(page, f"report-preview-{name}")
    back.click()
    page.wait_for_url(f"{base}/reports/")
