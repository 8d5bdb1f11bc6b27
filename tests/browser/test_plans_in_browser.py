"""Plans in a real browser: a lead records progress and proposes a BRAG status, the programme
manager confirms it, an officer resolves a flagged timescale; every page passes axe."""

import pytest
from playwright.sync_api import Page, expect

from boardpack.plans.models import Action, BragChange
from tests.browser.conftest import fill_date, screenshot, serious_violations, sign_in
from tests.factories import PASSWORD
from tests.plans.conftest import lead, manager, plan  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _checked(page: Page, name: str) -> None:
    screenshot(page, name)
    assert serious_violations(page) == [], name


def _sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()


def test_a_lead_adds_progress_and_proposes_a_brag_the_manager_confirms(
    live_server,
    page,
    lead,  # noqa: F811
    manager,  # noqa: F811
    plan,  # noqa: F811
):
    base = live_server.url
    sign_in(page, base, "lead", PASSWORD)
    page.get_by_role("link", name="My actions").click()
    _checked(page, "plans-my-actions")
    page.get_by_role("link", name="7b").click()
    expect(page.locator("h1")).to_have_text("Action 7b")
    _checked(page, "plans-action")

    fill_date(page, "Date of the update", "2 9 2019")
    page.get_by_label("What has happened").fill("Panels paused over the summer")
    page.get_by_label("Propose Amber – Issues being managed").check()
    page.get_by_role("button", name="Add progress").click()
    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text("Progress added")
    expect(banner).to_contain_text("Amber proposed")
    expect(page.locator(".bp-log")).to_contain_text("Panels paused over the summer")
    _checked(page, "plans-action-proposed")
    proposal = BragChange.objects.get(action__ref="7b", confirmed=False)
    assert (proposal.brag, proposal.reason) == ("amber", "Panels paused over the summer")
    _sign_out(page)

    sign_in(page, base, "manager", PASSWORD)
    page.get_by_role("link", name="BRAG to confirm").click()
    _checked(page, "plans-brag-queue")
    page.get_by_role("button", name="Confirm Amber").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("is now Amber")
    expect(page.locator("h1")).to_have_text("BRAG to confirm")
    assert Action.objects.get(pk=proposal.action_id).brag == "amber"


def test_an_error_is_announced_and_the_page_still_passes_axe(
    live_server,
    page,
    lead,  # noqa: F811
    plan,  # noqa: F811
):
    sign_in(page, live_server.url, "lead", PASSWORD)
    seven_b = Action.objects.get(ref="7b")
    page.goto(f"{live_server.url}/plans/{plan.slug}/actions/{seven_b.pk}/")
    fill_date(page, "Date of the update", "31 4 2019")
    page.get_by_role("button", name="Add progress").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The date of the update must be a real date"
    )
    _checked(page, "plans-action-error")


def test_the_plan_page_filters_and_passes_axe_wide_and_narrow(
    live_server,
    page,
    lead,  # noqa: F811
    plan,  # noqa: F811
):
    sign_in(page, live_server.url, "lead", PASSWORD)
    page.get_by_role("link", name="Plans").first.click()
    _checked(page, "plans-list")
    page.get_by_role("link", name=plan.name).first.click()
    _checked(page, "plans-plan")
    page.get_by_label("BRAG").select_option("blue")
    page.get_by_role("button", name="Filter actions").click()
    expect(page.locator("[role=status]")).to_have_text("3 actions shown (filtered).")
    page.set_viewport_size({"width": 320, "height": 800})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    _checked(page, "plans-plan-320")


def test_an_officer_resolves_a_flagged_timescale(
    live_server,
    page,
    officer,
    plan,  # noqa: F811
):
    sign_in(page, live_server.url, "officer", PASSWORD)
    page.goto(f"{live_server.url}/needs-attention/")
    _checked(page, "plans-needs-attention")
    page.get_by_role("link", name="Resolve the timescale of action 12d").click()
    _checked(page, "plans-timescale-resolve")
    fill_date(page, "Due date", "30 4 2019")
    page.get_by_role("button", name="Resolve timescale").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("is resolved")
    assert str(Action.objects.get(ref="12d").due_date) == "2019-04-30"


def test_the_reports_page_with_the_plan_reports_passes_axe(
    live_server,
    page,
    lead,  # noqa: F811
    plan,  # noqa: F811
):
    sign_in(page, live_server.url, "lead", PASSWORD)
    page.goto(f"{live_server.url}/reports/")
    _checked(page, "plans-reports-page")
    page.get_by_role("button", name="Preview the delivery-plan report as a web page").click()
    expect(page.locator("h1")).to_have_text(plan.name)
