"""The update cycle in a real browser: a lead follows the link in their request e-mail, signs
in, adds a progress entry, and the meeting page counts it as returned."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from boardpack.boards.outbox import cycle_run
from boardpack.plans.models import ProgressEntry
from tests.boards.world import Inbox, World, at, build_world, smtp_server, text_of
from tests.browser.conftest import fill_date, screenshot, serious_violations, sign_in
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cycle(db, settings) -> World:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_world()


@pytest.fixture
def inbox(settings) -> Iterator[Inbox]:
    with smtp_server(settings) as received:
        yield received


def _checked(page: Page, name: str) -> None:
    screenshot(page, name)
    assert serious_violations(page) == [], name


def test_a_lead_updates_from_the_request_e_mail_and_the_meeting_page_counts_it(
    live_server, page, cycle, inbox, settings
):
    base = live_server.url
    settings.BOARDPACK_BASE_URL = base
    cycle_run(now=at(cycle.meeting.dates.request))
    (request,) = inbox.to("lead@example.gov.uk")
    found = re.findall(rf"{re.escape(base)}(/\S+)", text_of(request))
    action_link, meeting_link = found[0], found[-1]
    assert action_link.startswith(f"/plans/{cycle.plan.slug}/actions/{cycle.action('7b').pk}/")

    page.goto(base + action_link)
    expect(page).to_have_url(re.compile(r"/login/\?next="))
    page.fill("#id_username", "lead")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.get_by_role("heading", name="Action 7b")).to_be_visible()
    page.get_by_label("What has happened").fill("Young people sat on two interview panels.")
    _checked(page, "cycle-action")
    page.get_by_role("button", name="Add progress").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Progress added")
    assert ProgressEntry.objects.filter(action=cycle.action("7b")).count() == 1

    page.goto(base + meeting_link)
    expect(page.locator("[data-count=returned]")).to_have_text("Returned: 1 of 5")
    expect(page.locator("[data-count=outstanding]")).to_have_text("Outstanding: 4")
    page.get_by_text("Strategic Lead for Participation: 1 of 2 returned").click()
    _checked(page, "cycle-meeting")


def test_a_programme_manager_sets_up_meetings_every_six_weeks(live_server, page, cycle):
    base = live_server.url
    sign_in(page, base, "pm", PASSWORD)
    page.get_by_role("link", name="Boards").click()
    _checked(page, "boards")
    page.get_by_role("link", name=cycle.board.name).click()
    fill_date(page, "Date of the meeting (the first, if it repeats)", "26 9 2012")
    page.get_by_label("Repeats every (weeks)").fill("6")
    page.get_by_label("How many meetings").fill("3")
    _checked(page, "board")
    page.get_by_role("button", name="Add meetings").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("3 meetings added")
    expect(page.get_by_role("link", name="19 December 2012")).to_be_visible()
    page.get_by_role("button", name="Change the board").click()
    _checked(page, "board-form")
    page.get_by_label("Reminders go out (days before the meeting)").fill("25")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The reminder must come after the request"
    )
    _checked(page, "board-form-error")
